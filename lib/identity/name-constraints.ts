/**
 * Go's `crypto/x509` name-constraint matching (`matchDomainConstraint`, `matchEmailConstraint`,
 * `matchURIConstraint`, `matchIPConstraint`): a CA's permitted and excluded subtrees against the SANs
 * of every certificate below it in a chain.
 */
import { BlockList, isIP } from 'node:net';
import type { GoCertificate, NameSet } from './x509-parse.js';

/** Go's default `MaxConstraintComparisions` per verification: bounds the work a hostile chain can cause. */
export const MAX_CONSTRAINT_COMPARISONS = 250_000;

/**
 * Why `ca`'s name constraints refuse a SAN of `cert`, or undefined. `budget.comparisons` counts
 * across calls of one verification, as Go counts them.
 */
export function nameConstraintProblem(ca: GoCertificate, cert: GoCertificate, budget: { comparisons: number } = { comparisons: 0 }): string | undefined {
  const san = cert.san;
  if (!san || (!ca.permitted && !ca.excluded)) return undefined;
  const kinds: readonly [keyof NameSet, string, (name: string, constraint: string) => boolean][] = [
    ['dns', 'DNS name', matchDomain],
    ['email', 'email address', matchEmail],
    ['uri', 'URI', matchUri],
    ['ip', 'IP address', matchIp],
  ];
  for (const [kind, label, match] of kinds) {
    const permitted = ca.permitted?.[kind] ?? [];
    const excluded = ca.excluded?.[kind] ?? [];
    for (const name of san[kind]) {
      budget.comparisons += excluded.length + permitted.length;
      if (budget.comparisons > MAX_CONSTRAINT_COMPARISONS) return `needs more than ${MAX_CONSTRAINT_COMPARISONS} name-constraint comparisons, which Go refuses`;
      const hit = excluded.find((c) => match(name, c));
      if (hit !== undefined) return `${label} "${name}" is excluded by constraint "${hit}"`;
      if (permitted.length && !permitted.some((c) => match(name, c))) return `${label} "${name}" is not permitted by any constraint`;
    }
  }
  return undefined;
}

function reverseLabels(domain: string): string[] | undefined {
  if (!domain) return [];
  const labels = domain.split('.').reverse();
  return labels.some((l) => l === '') ? undefined : labels;
}

/** A leading dot requires at least one more label; no dot matches the domain and its subdomains. */
export function matchDomain(domain: string, constraint: string): boolean {
  if (constraint === '') return true;
  const subdomainsOnly = constraint.startsWith('.');
  const want = reverseLabels(subdomainsOnly ? constraint.slice(1) : constraint);
  const have = reverseLabels(domain);
  if (!want || !have) return false;
  if (have.length < want.length || (subdomainsOnly && have.length === want.length)) return false;
  return want.every((label, i) => label.toLowerCase() === have[i].toLowerCase());
}

function matchEmail(email: string, constraint: string): boolean {
  const at = email.lastIndexOf('@');
  if (at < 0) return false;
  if (constraint.includes('@')) {
    const c = constraint.lastIndexOf('@');
    return email.slice(0, at) === constraint.slice(0, c) && email.slice(at + 1).toLowerCase() === constraint.slice(c + 1).toLowerCase();
  }
  return matchDomain(email.slice(at + 1), constraint);
}

function matchUri(uri: string, constraint: string): boolean {
  let host: string;
  try {
    host = new URL(uri).hostname;
  } catch {
    return false;
  }
  // Go refuses URIs whose host is an IP address under a URI constraint; it never matches.
  if (!host || isIP(host.replace(/^\[|\]$/g, ''))) return false;
  return matchDomain(host, constraint);
}

function matchIp(ip: string, constraint: string): boolean {
  const [address, prefix] = constraint.split('/');
  const family = isIP(address);
  if (!family || prefix === undefined || isIP(ip) !== family) return false;
  const list = new BlockList();
  list.addSubnet(address, Number(prefix), family === 4 ? 'ipv4' : 'ipv6');
  return list.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}
