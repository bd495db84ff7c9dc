/** A cert-manager mesh (CRDs, identity, control plane, viz) laid out for an engine in a temporary directory. */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { App } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { Mesh } from '../../constructs/mesh.js';
import { gitOpsPhases, synthGitOps, type SynthGitOpsOptions } from '../../constructs/gitops/synth-gitops.js';
import type { GitOpsEngine } from '../../lib/gitops/types.js';
import type { KubeObject } from '../../lib/manifest.js';

export const REPO_URL = 'https://git.example.com/platform/fleet.git';
export const RESTART_NAMESPACES = ['emojivoto', 'books'];

export interface Layout {
  readonly outdir: string;
  readonly paths: readonly string[];
  /** The chart phases the layout was made from (without the restart phase). */
  readonly phases: ReturnType<typeof gitOpsPhases>;
}

export function certManagerApp(): App {
  const app = new App();
  new Mesh(app, 'mesh', { mesh: { installGatewayAPI: true }, viz: {}, identity: { certManager: {} } });
  return app;
}

export function layout(engine: GitOpsEngine, extra: Partial<SynthGitOpsOptions> = {}, outdir = mkdtempSync(join(tmpdir(), `meshform-gitops-${engine}-`))): Layout {
  const app = certManagerApp();
  const paths = synthGitOps(app, outdir, {
    engine,
    repoPath: 'clusters/prod/linkerd',
    argocd: { repoURL: REPO_URL },
    rolloutRestart: { namespaces: RESTART_NAMESPACES },
    log: () => {},
    ...extra,
  });
  return { outdir, paths, phases: gitOpsPhases(app) };
}

export function readObjects(path: string): KubeObject[] {
  return parseAllDocuments(readFileSync(path, 'utf8'))
    .map((d) => d.toJSON() as KubeObject | null)
    .filter((o): o is KubeObject => o !== null);
}

/** Every file of a directory tree, relative paths, sorted. */
export function listTree(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listTree(dir, join(prefix, e.name)) : [join(prefix, e.name)]))
    .sort();
}

const SHARED_CRDS = new URL('../../../shared/crds/', import.meta.url).pathname;
/** Why the shared engine CRDs cannot be used, or false when they can. */
export const noSharedCrds: string | false = existsSync(join(SHARED_CRDS, 'argo-cd')) && existsSync(join(SHARED_CRDS, 'flux')) ? false : `../shared/crds (Argo CD, Flux CRDs) not found at ${SHARED_CRDS}`;

/** The Argo CD (Application, AppProject) and Flux CRDs from ../shared/crds. */
export function engineCrds(): unknown[] {
  const files = ['argo-cd/application-crd.yaml', 'argo-cd/appproject-crd.yaml', 'flux/kustomizations.yaml', 'flux/gitrepositories.yaml', 'flux/ocirepositories.yaml'];
  return files.flatMap((f) => readObjects(join(SHARED_CRDS, f)));
}

/** Why kubectl cannot build kustomizations here, or false. */
export const noKubectl: string | false = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0 ? false : 'kubectl is not installed (needed for kubectl kustomize)';

export function kustomize(dir: string): KubeObject[] {
  const run = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`kubectl kustomize ${dir} failed: ${run.stderr}`);
  return parseAllDocuments(run.stdout)
    .map((d) => d.toJSON() as KubeObject | null)
    .filter((o): o is KubeObject => o !== null);
}

export const keyOf = (o: KubeObject): string => `${o.apiVersion}/${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
