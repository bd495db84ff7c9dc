/**
 * `meshform install`'s identity flags, upstream's names: each becomes the value key upstream's flag
 * sets. They apply before `-f`/`--set`, which win, as upstream merges its value options last.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ValidationIssue } from '../lib/errors.js';
import type { ValueTree } from '../lib/values/tree.js';
import type { FlagTable } from './help.js';
import { UsageError } from './io.js';
import { readFailure } from './read-input.js';
import { ISSUER_SCHEME_KUBERNETES } from '../lib/k8s/labels.js';

/** Upstream's identity flags (install; check takes them too, to check material before installing it). */
export const IDENTITY_OPTIONS = {
  'identity-trust-anchors-file': { type: 'string', valueName: 'FILE', description: 'PEM trust anchors (sets identityTrustAnchorsPEM)' },
  'identity-issuer-certificate-file': { type: 'string', valueName: 'FILE', description: 'PEM issuer certificate (sets identity.issuer.tls.crtPEM)' },
  'identity-issuer-key-file': { type: 'string', valueName: 'FILE', description: 'PEM issuer private key (sets identity.issuer.tls.keyPEM)' },
  'identity-trust-domain': { type: 'string', valueName: 'DOMAIN', description: 'trust domain of the proxies\' identities (sets identityTrustDomain)' },
  'cluster-domain': { type: 'string', valueName: 'DOMAIN', description: 'the cluster\'s DNS domain (sets clusterDomain)' },
  'identity-issuance-lifetime': { type: 'string', valueName: 'DURATION', description: 'lifetime of the proxies\' certificates (sets identity.issuer.issuanceLifetime)' },
  'identity-clock-skew-allowance': { type: 'string', valueName: 'DURATION', description: 'clock skew tolerated on certificates (sets identity.issuer.clockSkewAllowance)' },
  'identity-external-issuer': { type: 'boolean', description: 'the issuer Secret linkerd-identity-issuer is managed elsewhere, e.g. by cert-manager' },
  'identity-external-ca': { type: 'boolean', description: 'the trust-roots ConfigMap is managed elsewhere (sets identity.externalCA)' },
} as const satisfies FlagTable;

export const INSTALL_IDENTITY_OPTIONS = {
  ...IDENTITY_OPTIONS,
  'cert-manager': { type: 'boolean', description: 'cert-manager and trust-manager issue every certificate: no key in the output' },
  'cert-manager-namespace': { type: 'string', valueName: 'NS', description: 'namespace of cert-manager (with --cert-manager)' },
} as const satisfies FlagTable;

type Options = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

/** The values tree the identity flags set and any problem reading their files; contradicting flags throw a UsageError. */
export function identityFlagValues(options: Options, cwd: string): { readonly tree: ValueTree; readonly issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const str = (name: string): string | undefined => (typeof options[name] === 'string' ? (options[name] as string) : undefined);
  const file = (name: string): string | undefined => {
    const path = str(name);
    if (path === undefined) return undefined;
    try {
      return readFileSync(resolve(cwd, path), 'utf8');
    } catch (e) {
      issues.push({ path: `--${name}`, value: path, message: readFailure(e) });
      return undefined;
    }
  };

  const certManager = options['cert-manager'] === true;
  const externalIssuer = options['identity-external-issuer'] === true || certManager;
  // Flags that contradict each other are a usage error (exit 2), all of them in one message.
  const conflicts: string[] = [];
  if (externalIssuer) {
    const by = certManager ? '--cert-manager' : '--identity-external-issuer';
    for (const name of ['identity-issuer-certificate-file', 'identity-issuer-key-file']) {
      // Upstream refuses the combination: the external issuer's Secret is the only issuer.
      if (str(name) !== undefined) conflicts.push(`--${name} cannot be used with ${by}`);
    }
  }
  if (!certManager && str('cert-manager-namespace') !== undefined) conflicts.push('--cert-manager-namespace only applies with --cert-manager');
  if (conflicts.length) throw new UsageError(conflicts.join('; '));
  const tls: ValueTree = {};
  const crt = externalIssuer ? undefined : file('identity-issuer-certificate-file');
  const key = externalIssuer ? undefined : file('identity-issuer-key-file');
  if (crt !== undefined) tls.crtPEM = crt;
  if (key !== undefined) tls.keyPEM = key;

  const issuer: ValueTree = {};
  if (externalIssuer) issuer.scheme = ISSUER_SCHEME_KUBERNETES;
  if (Object.keys(tls).length) issuer.tls = tls;
  if (str('identity-issuance-lifetime') !== undefined) issuer.issuanceLifetime = str('identity-issuance-lifetime') as string;
  if (str('identity-clock-skew-allowance') !== undefined) issuer.clockSkewAllowance = str('identity-clock-skew-allowance') as string;

  const identity: ValueTree = {};
  if (Object.keys(issuer).length) identity.issuer = issuer;
  if (options['identity-external-ca'] === true) identity.externalCA = true;

  const tree: ValueTree = {};
  const anchors = file('identity-trust-anchors-file');
  if (anchors !== undefined) tree.identityTrustAnchorsPEM = anchors;
  if (str('identity-trust-domain') !== undefined) tree.identityTrustDomain = str('identity-trust-domain') as string;
  if (str('cluster-domain') !== undefined) tree.clusterDomain = str('cluster-domain') as string;
  if (Object.keys(identity).length) tree.identity = identity;
  return { tree, issues };
}
