/** The extension's namespace: gateway pods need `privileged` Pod Security (the proxy's init). */
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import { mcLabels, type MulticlusterContext } from './context.js';

export function multiclusterNamespace(ctx: MulticlusterContext): INamespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: ctx.namespace, labels: mcLabels(ctx, { 'pod-security.kubernetes.io/enforce': 'privileged' }) },
  };
}
