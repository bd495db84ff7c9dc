/**
 * `--identity-dir DIR`: where `meshform install` / `viz install` keep the identity they generate when
 * the user gives none, as `linkerd install` does. It is the local store `npm run synth` uses (default
 * `.meshform/identity`, relative to the working directory): created on first use, reused after, so
 * repeated installs are byte-identical and never replace a running mesh's trust anchors.
 */
import { resolve } from 'node:path';
import { MeshformError, type ValidationIssue } from '../lib/errors.js';
import {
  isExternalCA,
  isFillableIssue,
  missingIdentity,
  nothingMissing,
  storedTrustDomain,
  storeValuesOverlay,
  type MissingIdentity,
} from '../lib/identity/fill-missing.js';
import { loadOrCreateIdentity } from '../lib/identity/store.js';
import type { WebhookSpec } from '../lib/identity/webhook-certs.js';
import { getPath, mergeUserValues, type ValueTree } from '../lib/values/tree.js';
import { DEFAULT_IDENTITY_DIR, DEFAULT_TRUST_DOMAIN } from '../constructs/app-defaults.js';
import { UsageError, type CommandIO } from './io.js';

/** A parseArgs option with its `--help` line (the shape of cli/help.ts's FlagTable). */
export const IDENTITY_STORE_OPTION = {
  'identity-dir': {
    type: 'string',
    valueName: 'DIR',
    description: 'where identity and webhook certificates you do not supply are generated and reused (default .meshform/identity)',
  },
} as const;

export interface StoreFillRequest {
  /** The parsed options (`identity-dir` is read). */
  readonly options: Readonly<Record<string, unknown>>;
  /** The user's merged values: identity flags, any cert-manager overlay, `-f` and `--set`. */
  readonly user: ValueTree;
  /** Whether the render needs the trust anchors and issuer (the control plane). */
  readonly controlPlane: boolean;
  /** The render's webhooks whose serving certificates the store may provide. */
  readonly webhooks: readonly WebhookSpec[];
  /** The control plane's namespace (the store's webhook certificates name `<service>.<namespace>.svc`). */
  readonly namespace: string;
  /**
   * viz's namespace.
   * @default 'linkerd-viz'
   */
  readonly vizNamespace?: string;
  /**
   * The problems the render would have without the store's material (e.g. resolving the values);
   * the store is only used when every one of them is one it fixes, so bad input creates no files.
   */
  readonly precheck: () => readonly ValidationIssue[];
}

export interface StoreFill {
  /** The values to render: the user's, over the store's material for what was missing. */
  readonly user: ValueTree;
  /**
   * Set when material was missing but the store was not used because of other problems: issues it
   * would have fixed are to be left out of the report (`isFillableIssue`).
   * @default - the store was used, or nothing was missing
   */
  readonly unfilled?: MissingIdentity;
}

/** Fills what the user's values lack from the identity store, saying on stderr where the keys are. */
export async function fillFromIdentityStore(req: StoreFillRequest, io: CommandIO): Promise<StoreFill> {
  const dirOption = req.options['identity-dir'];
  if (dirOption !== undefined && req.options['cert-manager'] === true) {
    throw new UsageError('--identity-dir cannot be used with --cert-manager: cert-manager issues every certificate in the cluster');
  }
  const missing = missingIdentity(req.user, req.webhooks, { controlPlane: req.controlPlane });
  if (nothingMissing(missing)) {
    if (typeof dirOption === 'string') io.stderr(`meshform: warning: --identity-dir ${dirOption} is not used: this render takes nothing from the store (the values supply it, leave it to the cluster, or are Helm-style)\n`);
    return { user: req.user };
  }
  if (dirOption === '') throw new MeshformError('invalid --identity-dir', [{ path: '--identity-dir', value: '', message: 'must be a directory path' }]);
  if (!req.precheck().every((issue) => isFillableIssue(issue, missing))) return { user: req.user, unfilled: missing };

  const dir = resolve(io.cwd, typeof dirOption === 'string' ? dirOption : DEFAULT_IDENTITY_DIR);
  const wanted = trustDomainOf(req.user);
  // Material the user brought decides the trust domain; the store's own anchor need not match it then.
  const trustDomain = missing.identity ? wanted : (storedTrustDomainOrUndefined(dir) ?? wanted);
  let identity;
  try {
    identity = await loadOrCreateIdentity(dir, { trustDomain, namespace: req.namespace, vizNamespace: req.vizNamespace });
  } catch (e) {
    throw storeError(e, dir);
  }
  const parts = [...(missing.identity ? ['trust anchor', 'issuer'] : []), ...missing.webhooks.map((w) => `${w.name} certificate`)];
  const how = identity.generated.length ? 'generated into' : 'reused from';
  io.stderr(`meshform: identity: ${parts.join(', ')} ${how} ${dir} (private keys there are mode 0600; keep the directory: later installs reuse it)\n`);
  if (missing.identity && isExternalCA(req.user)) {
    io.stderr(
      `meshform: warning: identity.externalCA: the linkerd-identity-trust-roots ConfigMap you manage must hold ${resolve(dir, 'trust-anchor.crt')}, ` +
        'the trust anchor that signed the generated issuer\n',
    );
  }
  return { user: mergeUserValues([storeValuesOverlay(identity, missing), req.user]) };
}

/** The mesh's trust domain as the values give it (`identityTrustDomain`, else `clusterDomain`). */
function trustDomainOf(user: ValueTree): string {
  for (const key of ['identityTrustDomain', 'clusterDomain']) {
    const v = getPath(user, key);
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return DEFAULT_TRUST_DOMAIN;
}

function storedTrustDomainOrUndefined(dir: string): string | undefined {
  try {
    return storedTrustDomain(dir);
  } catch {
    // Unreadable: loadOrCreateIdentity reports it with the path.
    return undefined;
  }
}

/** The store's refusals already name the file; environment errors get the directory and one line. */
function storeError(e: unknown, dir: string): Error {
  if (e instanceof MeshformError) {
    // The message already lists the issues; passing them again would print them twice.
    return new MeshformError(`${e.message}\n  (or pick another identity store with --identity-dir DIR)`);
  }
  const err = e as NodeJS.ErrnoException;
  const what = err?.code ? `${err.code}${err.path ? ` (${err.path})` : ''}` : String(err?.message ?? e);
  return new MeshformError(`cannot use the identity store ${dir}: ${what}; pick a writable directory with --identity-dir DIR`);
}

/**
 * The issues to report: all of them, except, when the store was held back by other problems, those
 * it would have fixed (fixing the others is enough; the next run fills them).
 */
export function reportableIssues(issues: readonly ValidationIssue[], fill: StoreFill): readonly ValidationIssue[] {
  const { unfilled } = fill;
  if (!unfilled) return issues;
  const kept = issues.filter((issue) => !isFillableIssue(issue, unfilled));
  // Never report nothing for a render that cannot proceed.
  return kept.length ? kept : issues;
}
