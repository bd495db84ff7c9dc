/**
 * What every viz template reads besides the values (the release namespace), and the small derivations
 * they all share: labels, the created-by annotation, image references, log flags.
 */
import type { KubeObject } from '../../lib/manifest.js';
import type { StringMap, VizComponentValues, VizImageValues, VizValues } from '../../lib/values/viz/types.js';
import { CREATED_BY_ANNOTATION } from '../../lib/k8s/labels.js';
import { EXTENSION_LABEL } from '../../lib/k8s/labels.js';

export interface VizContext {
  /** Resolved, validated values (defaults ⊕ HA ⊕ user). */
  readonly values: VizValues;
  /** The namespace viz is installed into (upstream's `.Release.Namespace`). */
  readonly namespace: string;
}

/** The label every viz object carries; also how `linkerd viz check` finds them. */
export const EXTENSION_LABELS: StringMap = { [EXTENSION_LABEL]: 'viz' };

/** Typed kubernetes-models objects are closed interfaces; the chart takes them as plain JSON. */
export function kube<T extends { readonly apiVersion: string; readonly kind: string }>(object: T): KubeObject {
  return object as unknown as KubeObject;
}

/** Object labels: the extension label, the template's own labels, then `commonLabels`. */
export function objectLabels(ctx: VizContext, extra: StringMap = {}): Record<string, string> {
  return { ...EXTENSION_LABELS, ...extra, ...ctx.values.commonLabels };
}

/** `linkerd.io/created-by` as a CLI render writes it. */
export function createdBy(ctx: VizContext): StringMap {
  return { [CREATED_BY_ANNOTATION]: `linkerd/cli ${ctx.values.linkerdVersion}` };
}

/** `registry/name:tag`, each empty part falling back to the viz-wide default. */
export function imageRef(ctx: VizContext, image: VizImageValues): string {
  return `${image.registry || ctx.values.defaultRegistry}/${image.name}:${image.tag || ctx.values.linkerdVersion}`;
}

/** Validation restricted the values to Kubernetes' pull policies. */
export type PullPolicy = 'Always' | 'IfNotPresent' | 'Never';

export function pullPolicy(ctx: VizContext, image: VizImageValues): PullPolicy {
  return (image.pullPolicy || ctx.values.defaultImagePullPolicy) as PullPolicy;
}

export function logFlags(ctx: VizContext, component: VizComponentValues): string[] {
  return [
    `-log-level=${component.logLevel || ctx.values.defaultLogLevel}`,
    `-log-format=${component.logFormat || ctx.values.defaultLogFormat}`,
  ];
}

export function enablePprof(ctx: VizContext): string {
  return `-enable-pprof=${ctx.values.enablePprof === true}`;
}

/** The identity trust domain (empty means the cluster domain). */
export function trustDomain(ctx: VizContext): string {
  return ctx.values.identityTrustDomain || ctx.values.clusterDomain;
}

/** `<service>.<namespace>.svc.<clusterDomain>` for a viz service. */
export function serviceFqdn(ctx: VizContext, service: string): string {
  return `${service}.${ctx.namespace}.svc.${ctx.values.clusterDomain}`;
}
