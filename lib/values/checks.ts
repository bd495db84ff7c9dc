/**
 * Primitive checks shared by every chart's validation. Each returns `undefined` when the value is fine,
 * or a message saying what is allowed (the caller adds the key path and value).
 */
import { portNumberProblem } from '../k8s/ports.js';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;
export const LOG_FORMATS = ['plain', 'json'] as const;
export const PULL_POLICIES = ['', 'Always', 'IfNotPresent', 'Never'] as const;
export const DEFAULT_INBOUND_POLICIES = [
  'all-unauthenticated',
  'all-authenticated',
  'cluster-unauthenticated',
  'cluster-authenticated',
  'deny',
  'audit',
] as const;
/** Upstream's `proxy.defaultInboundPolicy` values. */
export type DefaultInboundPolicy = (typeof DEFAULT_INBOUND_POLICIES)[number];

export function oneOf(value: unknown, allowed: readonly unknown[]): string | undefined {
  return allowed.includes(value) ? undefined : `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
}

export function isBoolean(value: unknown): string | undefined {
  return typeof value === 'boolean' ? undefined : 'must be true or false';
}

export function isString(value: unknown): string | undefined {
  return typeof value === 'string' ? undefined : 'must be a string';
}

export function integerInRange(value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): string | undefined {
  const ok = typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
  if (ok) return undefined;
  return max === Number.MAX_SAFE_INTEGER ? `must be an integer >= ${min}` : `must be an integer between ${min} and ${max}`;
}

/** A port number 1-65535 (lib/k8s's rule). */
export const port: (value: unknown) => string | undefined = portNumberProblem;

/** A UID or GID; -1 means "not set" upstream. */
export function userId(value: unknown): string | undefined {
  return integerInRange(value, -1, 2 ** 31 - 1) && 'must be an integer user/group id (-1 to leave unset)';
}

const PORT_OR_RANGE = /^(\d+)(?:-(\d+))?$/;

/**
 * A comma-separated list of ports and `low-high` ranges, e.g. `25,587,5000-6000`. With `allowNames`,
 * IANA service names (container port names) are accepted too, as `opaque-ports` allows.
 */
export function portList(value: unknown, allowNames = false): string | undefined {
  const allowed = `must be a comma-separated list of ports (1-65535) or ranges like 5000-6000${allowNames ? ' or port names' : ''}`;
  if (typeof value === 'number') return port(value) && allowed;
  if (typeof value !== 'string') return allowed;
  for (const raw of value.split(',')) {
    const item = raw.trim();
    if (item === '' && value.trim() === '') continue;
    const m = PORT_OR_RANGE.exec(item);
    if (m) {
      const low = Number(m[1]);
      const high = m[2] === undefined ? low : Number(m[2]);
      if (low < 1 || high > 65535 || low > high) return allowed;
    } else if (!(allowNames && /^[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/.test(item))) {
      return allowed;
    }
  }
  return undefined;
}

function ipv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function ipv6(text: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':')) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  const last = groups[groups.length - 1];
  const v4Tail = last !== undefined && last.includes('.');
  if (v4Tail && !ipv4(last)) return false;
  const hexGroups = v4Tail ? groups.slice(0, -1) : groups;
  if (!hexGroups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const count = hexGroups.length + (v4Tail ? 2 : 0);
  return halves.length === 2 ? count < 8 : count === 8;
}

/** One CIDR such as `10.0.0.0/8` or `fd00::/8`. */
export function cidr(value: unknown): string | undefined {
  const allowed = 'must be a CIDR such as 10.0.0.0/8 or fd00::/8';
  if (typeof value !== 'string') return allowed;
  const [addr, bits, extra] = value.trim().split('/');
  if (extra !== undefined || bits === undefined || !/^\d{1,3}$/.test(bits)) return allowed;
  if (ipv4(addr)) return Number(bits) <= 32 ? undefined : allowed;
  if (ipv6(addr)) return Number(bits) <= 128 ? undefined : allowed;
  return allowed;
}

/** An image tag as `linkerd install` accepts it (upstream's alphaNumDashDot: letters, digits, `.`, `-`). */
export function imageVersion(value: unknown): string | undefined {
  return typeof value === 'string' && /^[.a-zA-Z0-9-]+$/.test(value)
    ? undefined
    : 'is not a valid version: letters, digits, "." and "-" only (e.g. edge-26.8.3), as linkerd install requires';
}

/** An image name as `linkerd install` accepts it (upstream's alphaNumDashDotSlashColon). */
export function imageName(value: unknown): string | undefined {
  return typeof value === 'string' && /^[./a-zA-Z0-9:-]+$/.test(value)
    ? undefined
    : 'is not a valid image name: letters, digits, ".", "/", ":" and "-" only (e.g. cr.l5d.io/linkerd/proxy)';
}

/** A comma-separated CIDR list; empty is allowed. */
export function cidrList(value: unknown): string | undefined {
  if (value === '' || value === undefined) return undefined;
  if (typeof value !== 'string') return 'must be a comma-separated list of CIDRs';
  return value.split(',').some((c) => cidr(c.trim()) !== undefined)
    ? 'must be a comma-separated list of CIDRs such as 10.0.0.0/8,fd00::/8'
    : undefined;
}

const GO_DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/;

/** A Go duration such as `10s`, `1000ms` or `24h0m0s`. */
export function duration(value: unknown, allowEmpty = false): string | undefined {
  if (allowEmpty && (value === '' || value === undefined || value === null)) return undefined;
  return typeof value === 'string' && (GO_DURATION.test(value) || value === '0')
    ? undefined
    : 'must be a duration such as 100ms, 10s, 5m or 24h0m0s';
}

const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+|[EPTGMK]i|[numkMGTPE])?$/i;

/** A Kubernetes resource quantity such as `100m`, `250Mi`; empty means unset. */
export function quantity(value: unknown): string | undefined {
  if (value === '' || value === undefined || value === null) return undefined;
  if (typeof value === 'number' && value >= 0) return undefined;
  return typeof value === 'string' && QUANTITY.test(value)
    ? undefined
    : 'must be a Kubernetes quantity such as 100m, 0.5, 250Mi or 1Gi (or empty)';
}

/** `maxUnavailable` / `maxSurge`: an integer or a percentage. */
export function intOrPercent(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return undefined;
  return typeof value === 'string' && /^(\d+%?)$/.test(value) ? undefined : 'must be a non-negative integer or a percentage such as 25%';
}

/**
 * The proxy's log filter: a level, or `level,target=level,...` directives as in
 * `warn,linkerd=info,hickory=error`.
 */
export function proxyLogLevel(value: unknown): string | undefined {
  const allowed = `must be a log level (${LOG_LEVELS.join(', ')}, off) or directives such as warn,linkerd=info`;
  if (typeof value !== 'string' || value.trim() === '') return allowed;
  const levels = new Set<string>([...LOG_LEVELS, 'off']);
  for (const directive of value.split(',')) {
    const [target, level] = directive.includes('=') ? directive.split('=', 2) : ['', directive];
    if (!levels.has(level.trim().toLowerCase())) return allowed;
    if (directive.includes('=') && !/^[A-Za-z0-9_:.-]+$/.test(target.trim())) return allowed;
  }
  return undefined;
}

/** A PEM block of the given label (e.g. CERTIFICATE); only checks framing, parsing lives in lib/identity. */
export function looksLikePem(value: unknown): boolean {
  return typeof value === 'string' && /-----BEGIN [A-Z0-9 ]+-----/.test(value);
}

/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** The closest candidate to `key`, if close enough to be a likely typo. */
export function didYouMean(key: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(key, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}
