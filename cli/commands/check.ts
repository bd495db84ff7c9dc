/**
 * `meshform check [-f VALUES]... [--set K=V]... [-n NS] [-o table|json]`: upstream's certificate checks
 * (`linkerd-identity`, `linkerd-webhooks-and-apisvc-tls`, and viz's tap certificates when the values
 * carry them) on the identity material in the user's values, without a cluster. With `--deployed`
 * (the running trust-roots ConfigMap and issuer Secret, or a previous render), also the trust-anchor
 * rotation checks: a change that would make running proxies reject certificates fails.
 *
 * Reads the raw merged values, not `resolveMeshValues`: validation would refuse an expired certificate
 * before this command could report *what* is wrong with it. Exit 1 when any check fails; warnings print
 * but do not fail.
 */
import type { Finding, FindingCategory } from '../../lib/identity/check.js';
import { checkIdentityValues, checkValuesRotation } from '../../lib/identity/values-check.js';
import { MeshformError } from '../../lib/errors.js';
import { getPath, mergeUserValues, type ValueTree } from '../../lib/values/tree.js';
import { CONTROL_PLANE_WEBHOOKS, VIZ_WEBHOOKS } from '../../lib/identity/webhook-certs.js';
import { DEPLOYED_OPTION, deployedTrustState } from '../deployed.js';
import { IDENTITY_OPTIONS, identityFlagValues } from '../install-flags.js';
import { UsageError, type Command } from '../io.js';
import { parseValueFlags } from '../value-flags.js';

const SYMBOLS = { ok: '√', warning: '‼', error: '×' } as const;

export const check: Command = async (args, io) => {
  const flags = parseValueFlags(args, io, {
    output: { type: 'string', short: 'o', valueName: 'table|json', description: "output format: upstream's table (default) or json" },
    ...IDENTITY_OPTIONS,
    ...DEPLOYED_OPTION,
  });
  const output = (flags.options.output as string | undefined) ?? 'table';
  if (output !== 'table' && output !== 'json') throw new UsageError(`--output must be "table" or "json", got "${output}"`);

  // Upstream's identity flags, under the values files and --set as install applies them.
  const fromFlags = identityFlagValues(flags.options, io.cwd);
  if (fromFlags.issues.length) throw new MeshformError('invalid identity flags', fromFlags.issues);
  const user = mergeUserValues([fromFlags.tree, flags.user]);
  const findings = checkIdentityValues(user, { namespace: flags.namespace ?? 'linkerd' });
  const deployed = deployedTrustState(flags.options.deployed as string[] | undefined, io.cwd);
  if (deployed) findings.push(...checkValuesRotation(user, deployed));
  io.stdout(output === 'json' ? formatJson(findings) : formatTable(findings));
  if (!deployed && !hasCheckableMaterial(user)) io.stderr(NOTHING_TO_CHECK);
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
};

/**
 * Said (on stderr, exit 0 like upstream's warnings) when the input holds nothing check can check:
 * what it would check and where it reads it from.
 */
const NOTHING_TO_CHECK = `meshform: nothing to check. check reads, without a cluster:
  the trust anchors and issuer: identityTrustAnchorsPEM, identity.issuer.tls.crtPEM/keyPEM in -f/--set,
    or --identity-trust-anchors-file, --identity-issuer-certificate-file, --identity-issuer-key-file
  the webhook certificates: ${[...CONTROL_PLANE_WEBHOOKS, ...VIZ_WEBHOOKS].map((w) => `${w.valuesKey}.crtPEM`).join(', ')}
  with --deployed MANIFESTS (what runs now): whether the trust anchors and issuer keep running proxies working
Run "meshform check --help" for the flags.
`;

function hasCheckableMaterial(user: ValueTree): boolean {
  const keys = ['identityTrustAnchorsPEM', 'identity.issuer.tls.crtPEM', 'identity.issuer.tls.keyPEM', ...[...CONTROL_PLANE_WEBHOOKS, ...VIZ_WEBHOOKS].map((w) => `${w.valuesKey}.crtPEM`)];
  return keys.some((key) => {
    const v = getPath(user, key);
    return typeof v === 'string' && v.trim() !== '';
  });
}

/** Upstream's table: a header per category, one line per check, details and hint under failures. */
export function formatTable(findings: readonly Finding[]): string {
  const lines: string[] = [];
  for (const [category, group] of groupByCategory(findings)) {
    lines.push(category, '-'.repeat(category.length));
    for (const f of group) {
      lines.push(`${SYMBOLS[f.severity]} ${f.check}`);
      if (f.severity === 'ok') continue;
      for (const detail of f.message.split('\n')) lines.push(`    ${detail}`);
      if (f.hint) lines.push(`    see ${f.hint} for hints`);
    }
    lines.push('');
  }
  const failed = findings.some((f) => f.severity === 'error');
  lines.push(`Status check results are ${failed ? SYMBOLS.error : SYMBOLS.ok}`);
  return `${lines.join('\n')}\n`;
}

/** Upstream's `-o json` shape: categories with their checks' descriptions, results and errors. */
export function formatJson(findings: readonly Finding[]): string {
  const categories = [...groupByCategory(findings)].map(([categoryName, group]) => ({
    categoryName,
    checks: group.map((f) => ({
      description: f.check,
      ...(f.hint ? { hint: f.hint } : {}),
      ...(f.severity === 'ok' ? {} : { error: f.message }),
      result: f.severity === 'ok' ? 'success' : f.severity,
    })),
  }));
  return `${JSON.stringify({ success: !findings.some((f) => f.severity === 'error'), categories }, null, 2)}\n`;
}

function groupByCategory(findings: readonly Finding[]): Map<FindingCategory, Finding[]> {
  const groups = new Map<FindingCategory, Finding[]>();
  for (const f of findings) {
    const group = groups.get(f.category) ?? [];
    group.push(f);
    groups.set(f.category, group);
  }
  return groups;
}
