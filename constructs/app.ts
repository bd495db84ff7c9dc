/**
 * The default cdk8s app (`npm run synth`, or `cdk8s synth` through cdk8s.yaml): the mesh a new user
 * gets with no input — CRDs (with the Gateway API route CRDs a fresh cluster lacks), the control
 * plane and viz — written to `dist/`, one file per phase, numbered in apply order.
 *
 * Identity: on first run a trust anchor, issuer and webhook serving certificates are generated into
 * a git-ignored local folder and reused afterwards, so two synths give byte-identical files.
 */
import { App } from 'cdk8s';
import { checkIdentity } from '../lib/identity/check.js';
import { identityValuesOverlay, loadOrCreateIdentity, vizTlsOverlay } from '../lib/identity/store.js';
import { MeshformError } from '../lib/errors.js';
import { Mesh } from './mesh.js';
import { synthPhases } from './synth.js';

const outdir = process.env.CDK8S_OUTDIR ?? 'dist';
const identityDir = process.env.MESHFORM_IDENTITY_DIR ?? '.meshform/identity';

async function main(): Promise<void> {
  const identity = await loadOrCreateIdentity(identityDir, {
    trustDomain: 'cluster.local',
    namespace: 'linkerd',
    log: (message) => process.stderr.write(`${message}\n`),
  });
  // The store already printed warnings (e.g. expiry within 60 days); an error stops the synth.
  const errors = checkIdentity({
    trustAnchorsPem: identity.trustAnchor.certificatePem,
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
  const app = new App({ outdir });
  new Mesh(app, 'mesh', {
    mesh: { installGatewayAPI: true, values: identityValuesOverlay(identity) },
    viz: { values: vizTlsOverlay(identity) },
  });
  const files = synthPhases(app, outdir);
  process.stderr.write(`meshform: wrote ${files.map((f) => `${outdir}/${f}`).join(', ')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`meshform synth: ${e instanceof MeshformError ? e.message : (e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
