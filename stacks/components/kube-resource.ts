/**
 * One rendered Kubernetes object → one Pulumi Kubernetes resource, created in-process (unlike
 * `yaml.v2.ConfigGroup`, which expands inside the provider) so `dependsOn`, secrets and tests see
 * every object. Core (`v1`) kinds use their typed classes, whose type tokens (`kubernetes:core/v1:*`)
 * differ from the apiVersion; every other kind goes through `apiextensions.CustomResource`, whose
 * token `kubernetes:<apiVersion>:<kind>` is exactly the typed class's.
 *
 * Await logic stays on: no `pulumi.com/skipAwait`, so a phase is done when its workloads are ready.
 */
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';

/** A rendered object whose leaves may be Outputs (filled placeholders). */
export interface KubeManifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: { readonly name?: string; readonly namespace?: string; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

type CoreCtor = new (name: string, args: never, opts?: pulumi.CustomResourceOptions) => pulumi.CustomResource;

const CORE_KINDS: Readonly<Record<string, CoreCtor>> = {
  Namespace: k8s.core.v1.Namespace as unknown as CoreCtor,
  ServiceAccount: k8s.core.v1.ServiceAccount as unknown as CoreCtor,
  Secret: k8s.core.v1.Secret as unknown as CoreCtor,
  ConfigMap: k8s.core.v1.ConfigMap as unknown as CoreCtor,
  Service: k8s.core.v1.Service as unknown as CoreCtor,
  Endpoints: k8s.core.v1.Endpoints as unknown as CoreCtor,
};

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
  const args = protect(obj);
  if (obj.apiVersion === 'v1') {
    const ctor = CORE_KINDS[obj.kind];
    if (!ctor) throw new Error(`no resource class for core kind ${obj.kind} (${name})`);
    const secretOutputs = obj.kind === 'Secret' ? { additionalSecretOutputs: ['data', 'stringData'] } : {};
    return new ctor(name, args as never, { ...opts, ...secretOutputs });
  }
  return new k8s.apiextensions.CustomResource(name, args as k8s.apiextensions.CustomResourceArgs, opts);
}
