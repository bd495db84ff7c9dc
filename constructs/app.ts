/**
 * The default cdk8s app (`npm run synth`, or `cdk8s synth` through cdk8s.yaml): the mesh a new user
 * gets with no input — CRDs (with the Gateway API route CRDs a fresh cluster lacks), the control
 * plane and viz — written to `dist/`, one file per phase, numbered in apply order.
 *
 * Identity: on first run a trust anchor, issuer and webhook serving certificates are generated into
 * a git-ignored local folder and reused afterwards, so two synths give byte-identical files.
 * A trust-anchor rotation is advanced in that folder (`npm run rotate-trust-anchor -- <phase>`, docs/identity-rotation.md);
 * before writing, the render's trust anchors and issuer are compared with the files synthesized
 * before, and a step that would break running proxies is refused with nothing written.
 *
 * `MESHFORM_IDENTITY=cert-manager` (`npm run synth:cert-manager`) renders cert-manager mode instead:
 * no local folder, no certificate or key in the output (docs/identity-cert-manager.md).
 *
 * `MESHFORM_GITOPS=argocd|flux|plain` (`npm run synth -- --gitops argocd`, `npm run synth:gitops`) writes
 * the GitOps layout instead, to `dist/gitops/` (docs/gitops.md): cert-manager identity unless
 * `--gitops-inline-keys` allows the generated identity's private keys into the tree.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'cdk8s';
import { checkIdentity } from '../lib/identity/check.js';
import { identityValuesOverlay, loadOrCreateIdentity, vizTlsOverlay, type LocalIdentity } from '../lib/identity/store.js';
import { MeshformError } from '../lib/errors.js';
import { describeFsError } from '../lib/fs/fs-error.js';
import { DEFAULT_IDENTITY_DIR, DEFAULT_TRUST_DOMAIN } from './app-defaults.js';
import { appGitOpsOptions, DEFAULT_GITOPS_OUTDIR, gitOpsSettings, wantsGitOps } from './gitops/app-options.js';
import { Mesh } from './mesh.js';
import { guardRotation, readSynthesizedObjects } from './rotation-guard.js';
import { synthPhases } from './synth.js';

const outdir = process.env.CDK8S_OUTDIR ?? (wantsGitOps(process.argv.slice(2), process.env) ? DEFAULT_GITOPS_OUTDIR : 'dist');
const identityDir = process.env.MESHFORM_IDENTITY_DIR ?? DEFAULT_IDENTITY_DIR;
const IDENTITY_MODES = ['generated', 'cert-manager'] as const;
const identityMode = process.env.MESHFORM_IDENTITY || 'generated';

const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

async function main(): Promise<void> {
  if (!(IDENTITY_MODES as readonly string[]).includes(identityMode)) {
    throw new MeshformError('invalid MESHFORM_IDENTITY', [
      { path: 'MESHFORM_IDENTITY', value: identityMode, message: `must be one of ${IDENTITY_MODES.join(', ')}` },
    ]);
  }
  requireDirectoryOrNothing('CDK8S_OUTDIR', outdir);
  const gitops = appGitOpsOptions(gitOpsSettings(process.argv.slice(2), process.env), outdir, process.cwd());
  if (gitops) return synthGitOpsLayout(gitops);
  const app = new App({ outdir });
  const mesh = identityMode === 'cert-manager' ? certManagerMesh(app) : await generatedIdentityMesh(app);
  guardRotation(app, outdir, { issuanceLifetime: mesh.values.identity.issuer.issuanceLifetime, log });
  const files = synthPhases(app, outdir, { log });
  process.stderr.write(`meshform: wrote ${files.map((f) => `${outdir}/${f}`).join(', ')}\n`);
}

/**
 * The GitOps layout: cert-manager identity, so no key reaches git, unless inline keys are asked for
 * (then the generated identity, said on stderr by synthGitOps for each file holding a key).
 */
async function synthGitOpsLayout(gitops: NonNullable<ReturnType<typeof appGitOpsOptions>>): Promise<void> {
  const explicit = process.env.MESHFORM_IDENTITY;
  if (explicit === 'generated' && !gitops.tree.inlineKeys) {
    throw new MeshformError('MESHFORM_IDENTITY=generated puts private keys into the GitOps tree', [
      { path: 'MESHFORM_GITOPS_INLINE_KEYS', value: undefined, message: 'set it to 1 (or pass --gitops-inline-keys) to allow that, or leave MESHFORM_IDENTITY unset for cert-manager identity' },
    ]);
  }
  for (const warning of gitops.warnings) log(`meshform: ${warning}`);
  // Loaded only for a GitOps synth: the plain synth (every npm run synth) does not pay for it.
  const { synthGitOps } = await import('./gitops/synth-gitops.js');
  const { APPLY_SCRIPT } = await import('../lib/gitops/tree.js');
  const app = new App({ outdir });
  const generated = gitops.tree.inlineKeys && explicit !== 'cert-manager';
  if (generated) log(`meshform: warning: inline keys: the GitOps tree in ${outdir} holds the identity issuer's private key (from ${identityDir})`);
  const mesh = generated ? await generatedIdentityMesh(app) : certManagerMesh(app);
  if (generated) guardRotation(app, outdir, { issuanceLifetime: mesh.values.identity.issuer.issuanceLifetime, log });
  const files = synthGitOps(app, outdir, { ...gitops.tree, log });
  log(`meshform: wrote ${gitops.tree.engine} layout: ${files.length} files in ${outdir} (docs/gitops.md)`);
  if (gitops.tree.engine === 'plain') process.stdout.write(readFileSync(join(outdir, APPLY_SCRIPT), 'utf8'));
}

/** cert-manager issues every certificate in-cluster; trust-manager publishes the anchors. */
function certManagerMesh(app: App): Mesh {
  return new Mesh(app, 'mesh', { mesh: { installGatewayAPI: true }, viz: {}, identity: { certManager: {} } });
}

/** Identity and webhook certificates from the local store (generated on first run). */
async function generatedIdentityMesh(app: App): Promise<Mesh> {
  requireDirectoryOrNothing('MESHFORM_IDENTITY_DIR', identityDir);
  const identity = await loadOrCreateIdentity(identityDir, {
    trustDomain: DEFAULT_TRUST_DOMAIN,
    namespace: 'linkerd',
    log,
  });
  // The store already printed warnings (e.g. expiry within 60 days); an error stops the synth.
  const errors = checkIdentity({
    trustAnchorsPem: identity.trustAnchorsPem,
    issuerCertificatePem: identity.issuer.certificatePem,
    issuerKeyPem: identity.issuer.privateKeyPem,
    trustDomain: identity.trustDomain,
  }).filter((f) => f.severity === 'error');
  if (errors.length) {
    throw new MeshformError(
      `identity in ${identityDir} fails its checks (delete the files to regenerate)`,
      errors.map((f) => ({ path: f.check, value: undefined, message: f.message })),
    );
  }
  requirePreviousSynthDuringRotation(identity);
  return new Mesh(app, 'mesh', {
    mesh: { installGatewayAPI: true, values: identityValuesOverlay(identity) },
    viz: { values: vizTlsOverlay(identity) },
  });
}

/**
 * The rotation guard compares the render with the files last synthesized to the outdir, but
 * `cdk8s synth` empties its output directory before running the app: with nothing to compare, a
 * rotation step would go through unchecked, so mid-rotation that is refused; otherwise it is said.
 */
function requirePreviousSynthDuringRotation(identity: LocalIdentity): void {
  if (readSynthesizedObjects(outdir, () => false) !== undefined) return;
  const why = `${outdir} holds no previous synth to check trust-anchor changes against (cdk8s synth empties its output directory first; npm run synth keeps it)`;
  if (identity.rotation) {
    throw new MeshformError(`refusing to synthesize trust-anchor rotation phase ${identity.rotation.phase} of ${identity.dir}: ${why} (nothing written)`);
  }
  if (!identity.generated.length) log(`meshform: warning: ${why}`);
}

/** A path the synth will create as a directory must not be a file: say so naming the variable. */
function requireDirectoryOrNothing(variable: string, path: string): void {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) {
    throw new MeshformError(`${variable} ${path} is not a directory: point ${variable} at a directory (created if missing)`);
  }
}

/** The synth run by loading this module; settles when it is done (scripts/cli-code-cache.mjs awaits it). */
export const synthesized: Promise<void> = main().catch((e: unknown) => {
  // User and environment errors (no space left, permission denied) are one message; anything else is a bug: its stack helps.
  const message = e instanceof MeshformError ? e.message : describeFsError(e) ?? ((e as Error).stack ?? String(e));
  process.stderr.write(`meshform: ${message}\n`);
  process.exitCode = 1;
});
