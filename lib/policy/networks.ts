/**
 * Client networks (NetworkAuthentication, EgressNetwork): a CIDR or bare IP, minus optional
 * exceptions. Linkerd's webhook refuses an exception outside its CIDR or one that covers all of it,
 * so both are checked here, with the addresses compared as numbers.
 */
import { joinPath, type IssueCollector } from '../errors.js';
import { cidr as cidrCheck } from '../values/checks.js';

/** One network: `cidr` minus every `except`. */
export interface NetworkSpec {
  /** A CIDR such as `10.0.0.0/8` or `fd00::/8`, or a bare IP (one address). */
  readonly cidr: string;
  /** Blocks inside `cidr` to leave out. @default - none */
  readonly except?: readonly string[];
}

/** Every IPv4 and IPv6 address. */
export const ALL_NETWORKS: readonly NetworkSpec[] = [{ cidr: '0.0.0.0/0' }, { cidr: '::/0' }];

interface Block {
  readonly v6: boolean;
  readonly base: bigint;
  readonly bits: number;
}

function ipv4Value(text: string): bigint {
  return text.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function ipv6Value(text: string): bigint {
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const groups = (part: string | undefined): bigint[] =>
    !part
      ? []
      : part.split(':').flatMap((g) => (g.includes('.') ? [ipv4Value(g) >> 16n, ipv4Value(g) & 0xffffn] : [BigInt(parseInt(g, 16))]));
  const front = groups(head);
  const back = groups(tail);
  const all = tail === undefined ? front : [...front, ...Array<bigint>(8 - front.length - back.length).fill(0n), ...back];
  return all.reduce((acc, g) => (acc << 16n) | g, 0n);
}

/** `text` as an address block, or undefined when it is neither a CIDR nor a bare IP. */
function parseBlock(text: string): Block | undefined {
  const withBits = text.includes('/') ? text : `${text}/${text.includes(':') ? 128 : 32}`;
  if (cidrCheck(withBits) !== undefined) return undefined;
  const [addr, bitsText] = withBits.trim().split('/');
  const v6 = addr.includes(':');
  const bits = Number(bitsText);
  const width = v6 ? 128 : 32;
  const value = v6 ? ipv6Value(addr) : ipv4Value(addr);
  const mask = bits === 0 ? 0n : ((1n << BigInt(bits)) - 1n) << BigInt(width - bits);
  return { v6, base: value & mask, bits };
}

/** Whether `inner` lies inside `outer` and leaves part of it uncovered. */
function strictlyInside(inner: Block, outer: Block): boolean {
  if (inner.v6 !== outer.v6 || inner.bits <= outer.bits) return false;
  const width = inner.v6 ? 128 : 32;
  const shift = BigInt(width - outer.bits);
  return inner.base >> shift === outer.base >> shift;
}

const CIDR_ALLOWED = 'must be a CIDR such as 10.0.0.0/8 or fd00::/8, or a single IP address';

/** Collects problems with `networks` (each CIDR and each exception). */
export function checkNetworks(networks: readonly NetworkSpec[], at: string, issues: IssueCollector): void {
  networks.forEach((network, i) => {
    const where = joinPath(at, i);
    const outer = typeof network?.cidr === 'string' ? parseBlock(network.cidr) : undefined;
    if (!outer) {
      issues.add(joinPath(where, 'cidr'), network?.cidr, CIDR_ALLOWED);
      return;
    }
    (network.except ?? []).forEach((text, j) => {
      const path = joinPath(joinPath(where, 'except'), j);
      const inner = typeof text === 'string' ? parseBlock(text) : undefined;
      if (!inner) issues.add(path, text, CIDR_ALLOWED);
      else if (!strictlyInside(inner, outer)) {
        issues.add(path, text, `must be a smaller block inside ${network.cidr} (an exception outside it, or covering all of it, is refused by Linkerd)`);
      }
    });
  });
}

export function renderNetworks(networks: readonly NetworkSpec[]): { cidr: string; except?: string[] }[] {
  return networks.map((n) => ({ cidr: n.cidr, ...(n.except?.length ? { except: [...n.except] } : {}) }));
}
