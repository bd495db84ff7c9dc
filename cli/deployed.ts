/**
 * `--deployed FILE`: the manifests that are running now (a previous render, or
 * `kubectl get -n linkerd configmap/linkerd-identity-trust-roots secret/linkerd-identity-issuer -o yaml`),
 * so a trust-anchor change can be checked against the proxies it would have to keep working with.
 */
import { MeshformError } from '../lib/errors.js';
import type { TrustState } from '../lib/identity/rotation.js';
import { isList, parseManifestStream } from '../lib/inject/manifest-stream.js';
import { trustStateFromManifests } from '../lib/identity/trust-state-manifests.js';
import type { FlagTable } from './help.js';
import { readInputFile } from './read-input.js';

export const DEPLOYED_OPTION = {
  deployed: { type: 'string', multiple: true, valueName: 'MANIFESTS', description: 'what runs now: refuse a trust-anchor change that would break running proxies' },
} as const satisfies FlagTable;

/** The deployed trust state from `--deployed` files; undefined when none is given or they carry no identity. */
export function deployedTrustState(paths: readonly string[] | undefined, cwd: string): TrustState | undefined {
  if (!paths?.length) return undefined;
  const objects = paths.flatMap((path) => readManifests(path, cwd));
  const state = trustStateFromManifests(objects);
  if (!state) {
    throw new MeshformError(
      `--deployed ${paths.join(', ')}: no identity found (ConfigMap linkerd-identity-trust-roots with Secret linkerd-identity-issuer, ` +
        'or the cert-manager Bundle and Certificate linkerd-identity-issuer)',
    );
  }
  return state;
}

/** The objects of the manifest file `path`; errors name it after `flag`. */
export function readManifests(path: string, cwd: string, flag = '--deployed'): unknown[] {
  const text = readInputFile(path, cwd, flag);
  return manifestObjects(text, `${flag} ${path}`);
}

/** Every object in a YAML stream, with `kind: List` (what `kubectl get -o yaml` prints) flattened. */
export function manifestObjects(text: string, source: string): unknown[] {
  return parseManifestStream(text, source).flatMap((doc) => (isList(doc) ? (doc.items as unknown[]) : [doc]));
}
