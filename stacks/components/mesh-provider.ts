/**
 * The Kubernetes provider meshform creates when the caller brings none. It is the default
 * provider's configuration (the stack's `kubernetes:*` config keys, forwarded, so the same cluster
 * and context are used) plus the two options an upgrade needs:
 * - `enableConfigMapMutable` and `enableSecretMutable`: without them the provider treats ConfigMap
 *   and Secret `data` / `binaryData` / `stringData` as immutable, so every change to `linkerd-config`,
 *   the trust roots or a certificate Secret — all fixed-name objects — is a delete-then-create
 *   (a moment with no config, then a replace of objects other resources mount).
 * With `adopt`, also `upsertExistingObjects` and `enablePatchForce`: the first `pulumi up` over an
 * existing `linkerd install` / Helm install takes the objects over instead of failing on "already
 * exists" or on field conflicts with kubectl's / Helm's field managers.
 *
 * A caller's own provider (`{ provider }` or a parent's) is used as it is: it needs the same two
 * options (docs/guide-platform-pulumi.md).
 */
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';

/** The provider options meshform relies on for in-place upgrades (render/force-new.ts lints against them). */
export const MESH_PROVIDER_MUTABILITY = { enableConfigMapMutable: true, enableSecretMutable: true } as const;

/** The provider options `adopt` adds. */
export const MESH_PROVIDER_ADOPTION = { upsertExistingObjects: true, enablePatchForce: true } as const;

const STRING_KEYS = ['context', 'cluster', 'namespace', 'clusterIdentifier', 'renderYamlToDirectory'] as const;
const BOOLEAN_KEYS = [
  'enableServerSideApply',
  'deleteUnreachable',
  'skipUpdateUnreachable',
  'suppressDeprecationWarnings',
  'suppressHelmHookWarnings',
  'alwaysRender',
  'upsertExistingObjects',
  'enablePatchForce',
] as const;

/** The `kubernetes:*` stack config (`new pulumi.Config('kubernetes')`). */
export interface KubernetesConfig {
  get(key: string): string | undefined;
  /** The kubeconfig is read as a secret (no plain-text warning, secret in the state). */
  getSecret(key: string): pulumi.Output<string> | undefined;
}

/**
 * The default provider's settings from `kubernetes:*` stack config: what the engine would have
 * passed to the default provider. The kubeconfig (it may embed credentials) becomes a secret.
 */
export function providerArgsFromConfig(config: KubernetesConfig): k8s.ProviderArgs {
  const args: Record<string, unknown> = {};
  const kubeconfig = config.getSecret('kubeconfig');
  if (kubeconfig) args.kubeconfig = kubeconfig;
  for (const key of STRING_KEYS) {
    const v = config.get(key);
    if (v) args[key] = v;
  }
  for (const key of BOOLEAN_KEYS) {
    const v = config.get(key);
    if (v === 'true' || v === 'false') args[key] = v === 'true';
  }
  return args as k8s.ProviderArgs;
}

export interface MeshProviderArgs {
  /** Take over an existing install (upsert, force field conflicts). @default false */
  readonly adopt?: boolean;
  /** Provider settings. @default - from the stack's `kubernetes:*` config */
  readonly base?: k8s.ProviderArgs;
}

/** meshform's provider: the base settings, mutable ConfigMaps and Secrets, and adoption when asked. */
export function createMeshProvider(name: string, args: MeshProviderArgs, opts?: pulumi.CustomResourceOptions): k8s.Provider {
  const base = args.base ?? providerArgsFromConfig(new pulumi.Config('kubernetes'));
  return new k8s.Provider(name, { ...base, ...(args.adopt ? MESH_PROVIDER_ADOPTION : {}), ...MESH_PROVIDER_MUTABILITY }, opts);
}
