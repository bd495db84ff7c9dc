/**
 * Argo CD has not assessed the health of an Application since 1.8, so an app-of-apps root would
 * move to the next sync wave while the phase Applications of the current one are still
 * progressing. This partial `argocd-cm` restores the check (Argo CD's documented Lua snippet), so
 * the control plane waits for the CRDs, and viz for the control plane. It holds only that key:
 * applied server-side it adds the key and leaves the rest of argocd-cm to its owner.
 */
import type { KubeObject } from '../manifest.js';

const APPLICATION_HEALTH_KEY = 'resource.customizations.health.argoproj.io_Application';
const APPLICATION_HEALTH_LUA = `hs = {}
hs.status = "Progressing"
hs.message = ""
if obj.status ~= nil and obj.status.health ~= nil then
  hs.status = obj.status.health.status
  if obj.status.health.message ~= nil then
    hs.message = obj.status.health.message
  end
end
return hs
`;

/** `kubectl apply --server-side --field-manager=meshform -f <file>` adds the health check to argocd-cm. */
export function argoCdHealthConfigMap(argoCdNamespace: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'argocd-cm', namespace: argoCdNamespace, labels: { 'app.kubernetes.io/name': 'argocd-cm', 'app.kubernetes.io/part-of': 'argocd' } },
    data: { [APPLICATION_HEALTH_KEY]: APPLICATION_HEALTH_LUA },
  };
}
