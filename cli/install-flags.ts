/**
 * `meshform install`'s identity flags, upstream's names: each becomes the value key upstream's flag
 * sets. They apply before `-f`/`--set`, which win, as upstream merges its value options last.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import type { ValidationIssue } from '../lib/errors.js';
import type { ValueTree } from '../lib/values/tree.js';

/** Upstream's identity flags (install; check takes them too, to check material before installing it). */
export const IDENTITY_OPTIONS = {
  'identity-trust-anchors-file': { type: 'string' },
  'identity-issuer-certificate-file': { type: 'string' },
  'identity-issuer-key-file': { type: 'string' },
  'identity-trust-domain': { type: 'string' },
  'cluster-domain': { type: 'string' },
  'identity-issuance-lifetime': { type: 'string' },
  'identity-clock-skew-allowance': { type: 'string' },
  'identity-external-issuer': { type: 'boolean' },
  'identity-external-ca': { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

export const INSTALL_IDENTITY_OPTIONS = {
  ...IDENTITY_OPTIONS,
  'cert-manager': { type: 'boolean' },
  'cert-manager-namespace': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

type Options = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

/** The values tree the identity flags set, and any problem reading their files or combining them. */
export function identityFlagValues(options: Options, cwd: string): { readonly tree: ValueTree; readonly issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const str = (name: string): string | undefined => (typeof options[name] === 'string' ? (options[name] as string) : undefined);
  const file = (name: string): string | undefined => {
    const path = str(name);
    if (path === undefined) return undefined;
    try {
      return readFileSync(resolve(cwd, path), 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      issues.push({ path: `--${name}`, value: path, message: code === 'ENOENT' ? 'no such file' : (e as Error).message });
      return undefined;
    }
  };

  const certManager = options['cert-manager'] === true;
  const externalIssuer = options['identity-external-issuer'] === true || certManager;
  if (externalIssuer) {
    const by = certManager ? '--cert-manager' : '--identity-external-issuer';
    for (const name of ['identity-issuer-certificate-file', 'identity-issuer-key-file']) {
      // Upstream refuses the combination: the external issuer's Secret is the only issuer.
      if (str(name) !== undefined) issues.push({ path: `--${name}`, value: str(name), message: `cannot be used with ${by}` });
    }
  }
  if (!certManager && str('cert-manager-namespace') !== undefined) {
    issues.push({ path: '--cert-manager-namespace', value: str('cert-manager-namespace'), message: 'only applies with --cert-manager' });
  }
  const tls: ValueTree = {};
  const crt = externalIssuer ? undefined : file('identity-issuer-certificate-file');
  const key = externalIssuer ? undefined : file('identity-issuer-key-file');
  if (crt !== undefined) tls.crtPEM = crt;
  if (key !== undefined) tls.keyPEM = key;

  const issuer: ValueTree = {};
  if (externalIssuer) issuer.scheme = 'kubernetes.io/tls';
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
