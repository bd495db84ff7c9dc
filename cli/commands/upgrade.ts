/**
 * `meshform upgrade [--crds] --from-manifests FILE|- [--ha] [-f VALUES]... [--set K=V]... [identity flags]`:
 * upstream's `linkerd upgrade --from-manifests`, which reads the installed control plane from YAML
 * instead of the cluster (a previous render, or `kubectl get -o yaml` of it).
 *
 * Kept from the manifests: the values (`linkerd-config`), the trust anchors, the issuer and the webhook
 * certificates (lib/identity/previous-install.ts); the flags and `-f`/`--set` apply on top, and the
 * result renders through install's own path, with the manifests' trust state as what is deployed: a
 * trust-anchor change that would break running proxies is refused (docs/upgrade.md).
 */
import { MeshformError, type ValidationIssue } from '../../lib/errors.js';
import { previousInstall } from '../../lib/identity/previous-install.js';
import { getPath } from '../../lib/values/tree.js';
import { manifestObjects, readManifests } from '../deployed.js';
import type { FlagTable } from '../help.js';
import { INSTALL_IDENTITY_OPTIONS } from '../install-flags.js';
import { UsageError, type Command } from '../io.js';
import { parseValueFlags, type ParsedFlags } from '../value-flags.js';
import { INSTALL_OPTIONS, renderInstall } from './install.js';
import { ISSUER_SCHEME_KUBERNETES } from '../../lib/k8s/labels.js';

const FROM_MANIFESTS = 'from-manifests';

export const UPGRADE_OPTIONS = {
  [FROM_MANIFESTS]: {
    type: 'string',
    valueName: 'FILE',
    description: 'the installed control plane as YAML (a render, or kubectl get -o yaml; - reads stdin), read instead of the cluster',
  },
  ...INSTALL_OPTIONS,
  ...INSTALL_IDENTITY_OPTIONS,
} as const satisfies FlagTable;

export const upgrade: Command = async (args, io) => {
  const flags = parseValueFlags(args, io, UPGRADE_OPTIONS);
  const from = flags.options[FROM_MANIFESTS] as string | undefined;
  // The CRDs need nothing from the installed control plane.
  if (from === undefined && flags.options.crds === true) return renderInstall(flags, io);
  if (from === undefined) {
    throw new UsageError(`--${FROM_MANIFESTS} FILE is required: offline there is no cluster to read the installed control plane from`);
  }
  const source = `--${FROM_MANIFESTS} ${from}`;
  const objects = from === '-' ? manifestObjects(await io.stdin(), source) : readManifests(from, io.cwd, `--${FROM_MANIFESTS}`);
  const previous = previousInstall(objects, source);
  if (flags.options.crds !== true) {
    const missing = previous.missing.filter((issue) => !supplied(issue, flags));
    if (missing.length) {
      throw new MeshformError(`${source}: the installed control plane's keys are not all in it (linkerd-config's values leave private keys out)`, [
        ...missing,
        { path: '', value: undefined, message: 'include those Secrets in the manifests (kubectl get -n linkerd secret -o yaml), or give the material with the identity flags or -f/--set' },
      ]);
    }
  }
  const upgraded: ParsedFlags = { ...flags, namespace: flags.namespace ?? previous.namespace, ha: flags.ha || previous.ha };
  try {
    return await renderInstall(upgraded, io, { values: previous.values, deployed: previous.trust, source });
  } catch (e) {
    if (!(e instanceof MeshformError) || !e.issues.length) throw e;
    const origins = Object.fromEntries(Object.entries(previous.origins).filter(([path]) => !flagsGive(path, flags)));
    throw new MeshformError(e.message.split('\n')[0], e.issues.map((issue) => withOrigin(issue, origins, source)));
  }
};

/** Whether -f/--set or an identity file flag sets (part of) the value at `path`, so it is not the manifests'. */
function flagsGive(path: string, flags: ParsedFlags): boolean {
  const o = flags.options;
  if (getPath(flags.user, path) !== undefined) return true;
  if (path === 'identityTrustAnchorsPEM') return o['identity-trust-anchors-file'] !== undefined;
  if (path === 'identity.issuer.tls') return o['identity-issuer-certificate-file'] !== undefined || o['identity-issuer-key-file'] !== undefined;
  return false;
}

/** A problem in material read from the manifests says which object it came from. */
function withOrigin(issue: ValidationIssue, origins: Readonly<Record<string, string>>, source: string): ValidationIssue {
  const prefix = Object.keys(origins).find((p) => issue.path === p || issue.path.startsWith(`${p}.`));
  return prefix ? { ...issue, message: `${issue.message} (from ${origins[prefix]} in ${source})` } : issue;
}

/** Whether the flags give what the manifests lack (a `<key>.keyPEM` path, see previousInstall). */
function supplied(issue: ValidationIssue, flags: ParsedFlags): boolean {
  const o = flags.options;
  if (o['cert-manager'] === true || getPath(flags.user, issue.path) !== undefined) return true;
  const owner = issue.path.replace(/\.keyPEM$/, '');
  if (owner === 'identity.issuer.tls') {
    return o['identity-issuer-key-file'] !== undefined || o['identity-external-issuer'] === true || getPath(flags.user, 'identity.issuer.scheme') === ISSUER_SCHEME_KUBERNETES;
  }
  return getPath(flags.user, `${owner}.externalSecret`) === true;
}
