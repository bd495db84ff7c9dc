/**
 * One rendered Kubernetes object → one Pulumi Kubernetes resource, created in-process (unlike
 * `yaml.v2.ConfigGroup`, which expands inside the provider) so `dependsOn`, secrets and tests see
 * every object. Core (`v1`) kinds use their typed classes, whose type tokens (`kubernetes:core/v1:*`)
 * differ from the apiVersion; every other kind goes through `apiextensions.CustomResource`, whose
 * token `kubernetes:<apiVersion>:<kind>` is exactly the typed class's, so the provider applies the
 * kind's own await and diff rules either way.
 *
 * Await logic stays on unless an object opts out (`pulumi.com/skipAwait`, see render/resource-policy.ts).
 */
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { objectPolicy, type ResourcePolicyOptions } from '../render/resource-policy.js';

/** A rendered object whose leaves may be Outputs (filled placeholders). */
export interface KubeManifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: { readonly name?: string; readonly namespace?: string; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

/** A Pulumi resource class for one kind. */
export type KubeResourceClass = new (name: string, args: never, opts?: pulumi.CustomResourceOptions) => pulumi.CustomResource;

const CORE = k8s.core.v1 as unknown as Readonly<Record<string, unknown>>;

/**
 * The resource class of `apiVersion`/`kind`: the SDK's typed `core/v1` class for a core kind (looked
 * up by name, so every core kind a chart may emit has one: PersistentVolumeClaim, Pod, ...), else
 * `CustomResource`. Undefined for a core kind the SDK does not know (a typo or a list kind).
 */
export function resourceClassFor(apiVersion: string, kind: string): KubeResourceClass | undefined {
  if (apiVersion !== 'v1') return k8s.apiextensions.CustomResource as unknown as KubeResourceClass;
  const ctor = kind.endsWith('List') ? undefined : CORE[kind];
  return typeof ctor === 'function' ? (ctor as KubeResourceClass) : undefined;
}

/** The Pulumi type token a kind registers under (`kubernetes:core/v1:Secret`, `kubernetes:apps/v1:Deployment`). */
export function resourceTypeToken(apiVersion: string, kind: string): string {
  return `kubernetes:${apiVersion === 'v1' ? 'core/v1' : apiVersion}:${kind}`;
}

/** A stable, readable resource name: `<prefix>-[<namespace>-]<name>` (the type token carries the kind). */
export function resourceName(prefix: string, obj: KubeManifest): string {
  const meta = obj.metadata ?? {};
  if (!meta.name) throw new Error(`${obj.kind} without metadata.name cannot become a resource`);
  return [prefix, meta.namespace, meta.name].filter(Boolean).join('-');
}

/** Secret payloads are always secret inputs, whatever produced them (webhook keys, kubeconfigs). */
function protect(obj: KubeManifest): Record<string, unknown> {
  if (!(obj.apiVersion === 'v1' && obj.kind === 'Secret')) return { ...obj };
  const out: Record<string, unknown> = { ...obj };
  for (const key of ['data', 'stringData']) if (out[key] !== undefined) out[key] = pulumi.secret(out[key]);
  return out;
}

export function createKubeResource(prefix: string, obj: KubeManifest, opts: pulumi.CustomResourceOptions): pulumi.CustomResource {
  const name = resourceName(prefix, obj);
  const ctor = resourceClassFor(obj.apiVersion, obj.kind);
  if (!ctor) throw new Error(`no resource class for core kind ${obj.kind} (${name})`);
  const secretOutputs = obj.apiVersion === 'v1' && obj.kind === 'Secret' ? { additionalSecretOutputs: ['data', 'stringData'] } : {};
  return new ctor(name, protect(obj) as never, { ...opts, ...secretOutputs });
}

/** `createKubeResource` with the object's resource policy (retention, await; render/resource-policy.ts) applied. */
export function createPolicedKubeResource(
  prefix: string,
  obj: KubeManifest,
  opts: pulumi.CustomResourceOptions,
  policy: ResourcePolicyOptions = {},
): pulumi.CustomResource {
  const p = objectPolicy(obj, policy);
  return createKubeResource(prefix, p.object, {
    ...opts,
    ...(p.retainOnDelete ? { retainOnDelete: true } : {}),
    ...(p.customTimeouts ? { customTimeouts: p.customTimeouts } : {}),
  });
}
