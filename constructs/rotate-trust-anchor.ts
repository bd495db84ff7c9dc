/**
 * `npm run rotate-trust-anchor -- bundle|issuer|prune`: advances a trust-anchor rotation in the default
 * app's identity store (`.meshform/identity`, or `MESHFORM_IDENTITY_DIR`). Run `npm run synth` and apply
 * after each phase; the synth refuses a phase applied out of order (docs/identity-rotation.md).
 */
import { MeshformError } from '../lib/errors.js';
import { describeFsError } from '../lib/fs/fs-error.js';
import { rotateTrustAnchor } from '../lib/identity/store.js';
import { DEFAULT_IDENTITY_DIR, DEFAULT_TRUST_DOMAIN } from './app-defaults.js';

const PHASES = ['bundle', 'issuer', 'prune'] as const;
type Phase = (typeof PHASES)[number];

async function main(): Promise<void> {
  const phase = process.argv[2];
  if (!(PHASES as readonly string[]).includes(phase ?? '')) {
    throw new MeshformError('usage: npm run rotate-trust-anchor -- bundle|issuer|prune', [
      { path: 'phase', value: phase, message: `must be one of ${PHASES.join(', ')} (in that order, synthesizing and applying after each)` },
    ]);
  }
  const dir = process.env.MESHFORM_IDENTITY_DIR ?? DEFAULT_IDENTITY_DIR;
  await rotateTrustAnchor(dir, { phase: phase as Phase, trustDomain: DEFAULT_TRUST_DOMAIN, log: (m) => process.stderr.write(`${m}\n`) });
}

main().catch((e: unknown) => {
  const message = e instanceof MeshformError ? e.message : describeFsError(e) ?? ((e as Error).stack ?? String(e));
  process.stderr.write(`meshform rotate-trust-anchor: ${message}\n`);
  process.exitCode = 1;
});
