/**
 * Flux: one Kustomization (kustomize.toolkit.fluxcd.io/v1) per phase, each `dependsOn` the one
 * before, so a phase is applied only once the previous one passed its health checks (CRDs
 * Established, control-plane Deployments rolled out, cert-manager certificates Ready). All of them
 * read one source (a GitRepository or OCIRepository), referenced by name and written too when its
 * URL is given.
 */
import type { IssueCollector } from '../errors.js';
import type { KubeObject } from '../manifest.js';
import { fluxCanAssess, readinessOf } from './readiness.js';
import { repoJoin } from './repo-path.js';

export const FLUX_SOURCE_KINDS = ['GitRepository', 'OCIRepository'] as const;
export type FluxSourceKind = (typeof FLUX_SOURCE_KINDS)[number];

/** Which revision of the source to follow (GitRepository: branch, tag or semver; OCIRepository: tag or semver). */
export interface FluxSourceRef {
  /**
   * Git branch (GitRepository only).
   * @default 'main' for a written GitRepository with no other ref
   */
  readonly branch?: string;
  /**
   * Git or OCI tag.
   * @default 'latest' for a written OCIRepository with no other ref
   */
  readonly tag?: string;
  /**
   * Semver range of tags.
   * @default - none
   */
  readonly semver?: string;
}

export interface FluxSourceOptions {
  /**
   * The source kind.
   * @default 'GitRepository'
   */
  readonly kind?: FluxSourceKind;
  /**
   * The source's name.
   * @default - 'linkerd' when the layout writes the source (`url` given), else 'flux-system' (the
   * GitRepository `flux bootstrap` creates)
   */
  readonly name?: string;
  /**
   * The source's namespace.
   * @default - the Kustomizations' namespace
   */
  readonly namespace?: string;
  /**
   * When set, the layout writes the source object too (`https://...`/`ssh://...` for git, `oci://...` for OCI).
   * @default - not written: the source exists already
   */
  readonly url?: string;
  /**
   * The revision to follow, for a written source.
   * @default - `{ branch: 'main' }` for git, `{ tag: 'latest' }` for OCI
   */
  readonly ref?: FluxSourceRef;
  /**
   * How often a written source is fetched.
   * @default '1m'
   */
  readonly interval?: string;
}

export interface FluxOptions {
  /**
   * Namespace of the Kustomizations (and of a written source).
   * @default 'flux-system'
   */
  readonly namespace?: string;
  /**
   * Prefix of the Kustomizations' names (`<prefix>-<phase>`).
   * @default 'linkerd'
   */
  readonly namePrefix?: string;
  /**
   * The source every phase is read from.
   * @default - the GitRepository `flux-system` in the Kustomizations' namespace
   */
  readonly source?: FluxSourceOptions;
  /**
   * Reconciliation interval of each Kustomization.
   * @default '10m'
   */
  readonly interval?: string;
  /**
   * How long the health checks of a phase may take before the attempt fails (and is retried).
   * @default '5m'
   */
  readonly timeout?: string;
  /**
   * Retry interval after a failed attempt.
   * @default '1m'
   */
  readonly retryInterval?: string;
}

/** A phase as Flux sees it: its name, directory in the repository and objects. */
export interface FluxPhase {
  readonly name: string;
  readonly repoDirectory: string;
  readonly objects: readonly KubeObject[];
}

const FLUX_API = 'kustomize.toolkit.fluxcd.io/v1';
const SOURCE_API = 'source.toolkit.fluxcd.io/v1';

/** Every problem with the Flux options, collected. */
export function checkFluxOptions(issues: IssueCollector, options: FluxOptions): void {
  const source = options.source ?? {};
  if (source.kind !== undefined && !(FLUX_SOURCE_KINDS as readonly string[]).includes(source.kind)) {
    issues.add('flux.source.kind', source.kind, `must be one of ${FLUX_SOURCE_KINDS.join(', ')}`);
  }
  if (source.url !== undefined) {
    const oci = (source.kind ?? 'GitRepository') === 'OCIRepository';
    const ok = oci ? /^oci:\/\/\S+$/.test(source.url) : /^(https?|ssh):\/\/\S+$/.test(source.url);
    issues.check('flux.source.url', source.url, ok ? undefined : oci ? 'must be an oci:// URL' : 'must be an http(s):// or ssh:// URL');
    if (oci && source.ref?.branch !== undefined) issues.add('flux.source.ref.branch', source.ref.branch, 'an OCIRepository has no branch: use tag or semver');
  }
}

/** The Kustomizations, in phase order, each depending on the one before. */
export function fluxKustomizations(phases: readonly FluxPhase[], options: FluxOptions = {}): KubeObject[] {
  const namespace = options.namespace ?? 'flux-system';
  const prefix = options.namePrefix ?? 'linkerd';
  const source = options.source ?? {};
  const sourceRef = {
    kind: source.kind ?? 'GitRepository',
    name: sourceName(source),
    ...(source.namespace && source.namespace !== namespace ? { namespace: source.namespace } : {}),
  };
  return phases.map((phase, index) => ({
    apiVersion: FLUX_API,
    kind: 'Kustomization',
    metadata: { name: `${prefix}-${phase.name}`, namespace },
    spec: {
      interval: options.interval ?? '10m',
      retryInterval: options.retryInterval ?? '1m',
      timeout: options.timeout ?? '5m',
      sourceRef,
      path: `./${repoJoin(phase.repoDirectory)}`,
      prune: true,
      ...(index > 0 ? { dependsOn: [{ name: `${prefix}-${phases[index - 1].name}` }] } : {}),
      ...healthChecksOf(phase.objects),
    },
  }));
}

/** The phase's objects Flux can judge ready; the next phase waits for all of them. */
function healthChecksOf(objects: readonly KubeObject[]): { healthChecks?: unknown[] } {
  const checks = objects
    .filter((o) => {
      const readiness = readinessOf(o);
      return readiness !== undefined && fluxCanAssess(readiness);
    })
    .map((o) => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata?.name ?? '', ...(o.metadata?.namespace ? { namespace: o.metadata.namespace } : {}) }));
  return checks.length ? { healthChecks: checks } : {};
}

function sourceName(source: FluxSourceOptions): string {
  return source.name ?? (source.url ? 'linkerd' : 'flux-system');
}

/** The source object, when the options give its URL. */
export function fluxSource(options: FluxOptions = {}): KubeObject | undefined {
  const source = options.source;
  if (!source?.url) return undefined;
  const kind = source.kind ?? 'GitRepository';
  const given = source.ref ?? {};
  const ref = Object.keys(given).length ? given : kind === 'GitRepository' ? { branch: 'main' } : { tag: 'latest' };
  return {
    apiVersion: SOURCE_API,
    kind,
    metadata: { name: sourceName(source), namespace: source.namespace ?? options.namespace ?? 'flux-system' },
    spec: { interval: source.interval ?? '1m', url: source.url, ref: { ...ref } },
  };
}
