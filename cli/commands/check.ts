/**
 * `meshform check [-f VALUES]... [--set K=V]... [-n NS] [-o table|json]`: upstream's certificate checks
 * (`linkerd-identity`, `linkerd-webhooks-and-apisvc-tls`, and viz's tap certificates when the values
 * carry them) on the identity material in the user's values, without a cluster.
 *
 * Reads the raw merged values, not `resolveMeshValues`: validation would refuse an expired certificate
 * before this command could report *what* is wrong with it. Exit 1 when any check fails; warnings print
 * but do not fail.
 */
import { checkIdentity, type Finding, type FindingCategory } from '../../lib/identity/check.js';
import { CONTROL_PLANE_WEBHOOKS, VIZ_WEBHOOKS, checkWebhookCert } from '../../lib/identity/webhook-certs.js';
import { getPath, type ValueTree } from '../../lib/values/tree.js';
import { UsageError, type Command } from '../io.js';
import { parseValueFlags } from '../value-flags.js';

const USAGE = 'usage: meshform check [-f VALUES]... [--set K=V]... [-n NAMESPACE] [-o table|json]';

const SYMBOLS = { ok: '√', warning: '‼', error: '×' } as const;

export const check: Command = async (args, io) => {
  const flags = parseValueFlags(args, io, { output: { type: 'string', short: 'o' } });
  if (flags.options.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const output = (flags.options.output as string | undefined) ?? 'table';
  if (output !== 'table' && output !== 'json') throw new UsageError(`--output must be "table" or "json", got "${output}"`);

  const findings = checkValues(flags.user, flags.namespace ?? 'linkerd');
  io.stdout(output === 'json' ? formatJson(findings) : formatTable(findings));
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
};

/** All certificate findings for a user's (unvalidated) values tree. */
export function checkValues(user: ValueTree, namespace: string, now?: Date): Finding[] {
  const text = (key: string): string => {
    const v = getPath(user, key);
    return typeof v === 'string' ? v : '';
  };
  const trustDomain = text('identityTrustDomain').trim() || text('clusterDomain').trim() || 'cluster.local';
  const externalIssuer = text('identity.issuer.scheme') === 'kubernetes.io/tls';
  const findings: Finding[] = [];

  const anchors = text('identityTrustAnchorsPEM');
  const issuerCrt = text('identity.issuer.tls.crtPEM');
  const issuerKey = text('identity.issuer.tls.keyPEM');
  if (!anchors.trim() && !issuerCrt.trim() && !issuerKey.trim()) {
    findings.push({
      category: 'linkerd-identity',
      check: 'certificate config is valid',
      severity: 'warning',
      message:
        'the values carry no identity material (identityTrustAnchorsPEM, identity.issuer.tls.crtPEM/keyPEM): nothing to check; ' +
        'an install needs them: put the PEM text in a values file and pass it with -f',
    });
  } else if (!anchors.trim() && getPath(user, 'identity.externalCA') === true) {
    findings.push({
      category: 'linkerd-identity',
      check: 'certificate config is valid',
      severity: 'warning',
      message:
        'identity.externalCA is set and identityTrustAnchorsPEM is empty: the trust anchors live in the cluster ' +
        '(ConfigMap linkerd-identity-trust-roots), so the identity checks need them in identityTrustAnchorsPEM to run',
    });
  } else {
    findings.push(...checkIdentity({ trustAnchorsPem: anchors, issuerCertificatePem: issuerCrt, issuerKeyPem: issuerKey, trustDomain, externalIssuer, now }));
  }

  // A webhook without a crtPEM gets a certificate generated at render time: nothing to check here.
  for (const [specs, ns] of [
    [CONTROL_PLANE_WEBHOOKS, namespace],
    [VIZ_WEBHOOKS, undefined],
  ] as const) {
    for (const spec of specs) {
      const crt = text(`${spec.valuesKey}.crtPEM`);
      if (!crt.trim()) continue;
      findings.push(...checkWebhookCert({ name: spec.name, certificatePem: crt, caBundlePem: text(`${spec.valuesKey}.caBundle`), namespace: ns, now }));
    }
  }
  return findings;
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
