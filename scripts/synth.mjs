// `npm run synth`: the default cdk8s app (constructs/app.ts), compiled and bundled with its code cache
// (build/cli-bundle/synth.cjs, bin/cli-loader.mjs) when the build is current — a third of the cold
// start of running the sources through tsx — and through tsx otherwise (no build yet, or a source
// edited since), so the output always follows the sources.
import { buildState } from '../bin/build-freshness.mjs';
import { loadBundle } from '../bin/cli-loader.mjs';

if (buildState() === 'current') {
  loadBundle('synth');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../constructs/app.ts');
}
