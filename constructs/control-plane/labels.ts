/**
 * Metadata every control-plane template repeats: the `linkerd.io/control-plane-*` labels, the user's
 * `commonLabels` (upstream appends them to every object's labels) and the `linkerd.io/created-by`
 * annotation. Kept in one place so a new object cannot forget one of them.
 */
import { imagePullSecrets as pullSecretsPartial } from '../../lib/pod/scheduling.js';
import { CONTROL_PLANE_COMPONENT_LABEL, CONTROL_PLANE_NS_LABEL, CREATED_BY_ANNOTATION } from '../../lib/k8s/labels.js';
import type { ControlPlaneContext } from './context.js';

export { CONTROL_PLANE_COMPONENT_LABEL, CONTROL_PLANE_NS_LABEL, CREATED_BY_ANNOTATION } from '../../lib/k8s/labels.js';
/** Label some newer templates (policy controller RBAC) add. */
export const PART_OF_LABEL = 'app.kubernetes.io/part-of';

export interface LabelOptions {
  /** `linkerd.io/control-plane-component` value. @default - no component label */
  readonly component?: string;
  /** Add `app.kubernetes.io/part-of: Linkerd` first. @default false */
  readonly partOf?: boolean;
  /** Extra labels placed after the standard ones and before `commonLabels`. @default {} */
  readonly extra?: Readonly<Record<string, string>>;
}

/** Standard labels, then `commonLabels` (which, as in upstream's YAML, win on a key clash). */
export function controlPlaneLabels(ctx: ControlPlaneContext, options: LabelOptions = {}): Record<string, string> {
  return {
    ...(options.partOf ? { [PART_OF_LABEL]: 'Linkerd' } : {}),
    ...(options.component ? { [CONTROL_PLANE_COMPONENT_LABEL]: options.component } : {}),
    [CONTROL_PLANE_NS_LABEL]: ctx.namespace,
    ...options.extra,
    ...ctx.values.commonLabels,
  };
}

/**
 * Upstream's `partials.annotations.created-by`: `cliVersion` for CLI renders, otherwise
 * `linkerd/helm <linkerdVersion>` (an empty `cliVersion` marks a Helm-style render).
 */
export function createdBy(ctx: ControlPlaneContext): string {
  const cli = ctx.values.cliVersion;
  return cli ? cli : `linkerd/helm ${ctx.values.linkerdVersion}`;
}

/** `{ linkerd.io/created-by: ... }`, plus any extra annotations after it. */
export function createdByAnnotations(
  ctx: ControlPlaneContext,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return { [CREATED_BY_ANNOTATION]: createdBy(ctx), ...extra };
}

/** The `imagePullSecrets` partial upstream adds to each ServiceAccount (absent when empty). */
export function imagePullSecrets(ctx: ControlPlaneContext): { imagePullSecrets?: { name: string }[] } {
  return pullSecretsPartial(ctx.values.imagePullSecrets);
}
