/**
 * Argo CD has not assessed the health of an Application since 1.8, so an app-of-apps root would
 * move to the next sync wave while the phase Applications of the current one are still
 * progressing. This `argocd-cm` patch restores the check (Argo CD's documented Lua snippet), so
 * the control plane waits for the CRDs, and viz for the control plane.
 */
import { toYaml } from '../manifest.js';

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

/** The merge patch for `argocd-cm`: `kubectl -n argocd patch configmap argocd-cm --type merge --patch-file <file>`. */
export function argoCdHealthPatchText(): string {
  const header = '# Merge patch for Argo CD\'s argocd-cm (not applied by the root Application): the app-of-apps waits for each\n# phase to be Healthy only with this. kubectl -n argocd patch configmap argocd-cm --type merge --patch-file <this file>\n';
  return header + toYaml({ data: { 'resource.customizations.health.argoproj.io_Application': APPLICATION_HEALTH_LUA } });
}
