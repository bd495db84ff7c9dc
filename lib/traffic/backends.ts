/**
 * Weighted backends: canary and blue/green splits, and the exact integer weights of a fault split.
 * Weights are relative (a backend gets weight / sum of the rule's traffic), integers from 0 to
 * 1,000,000, and not all zero.
 */
import type { IssueCollector } from '../errors.js';
import type { HeaderModifier } from './filters.js';
import type { ServiceBackend } from './refs.js';

/** A Service backend of an HTTP or gRPC rule. */
export interface WeightedBackend extends ServiceBackend {
  /**
   * Relative share of the rule's traffic, an integer from 0 to 1,000,000.
   * @default 1
   */
  readonly weight?: number;
  /**
   * Header edits on requests sent to this backend.
   * @default - none
   */
  readonly requestHeaders?: HeaderModifier;
  /**
   * Header edits on this backend's responses.
   * @default - none
   */
  readonly responseHeaders?: HeaderModifier;
}

export const MAX_WEIGHT = 1_000_000;

/** `percent` % of traffic to `next`, the rest to `stable`. */
export function canary(stable: ServiceBackend, next: ServiceBackend, percent: number): WeightedBackend[] {
  return [
    { ...stable, weight: 100 - percent },
    { ...next, weight: percent },
  ];
}

/** Both colours listed, all traffic on `active`: switching is a one-word change. */
export function blueGreen(active: 'blue' | 'green', colours: { readonly blue: ServiceBackend; readonly green: ServiceBackend }): WeightedBackend[] {
  return [
    { ...colours.blue, weight: active === 'blue' ? 1 : 0 },
    { ...colours.green, weight: active === 'green' ? 1 : 0 },
  ];
}

export function checkWeights(backends: readonly { readonly weight?: number }[], path: string, issues: IssueCollector): void {
  let valid = true;
  backends.forEach((b, i) => {
    if (b.weight === undefined) return;
    if (!Number.isInteger(b.weight) || b.weight < 0 || b.weight > MAX_WEIGHT) {
      issues.add(`${path}[${i}].weight`, b.weight, `must be an integer from 0 to ${MAX_WEIGHT}`);
      valid = false;
    }
  });
  if (valid && backends.length > 0 && backends.every((b) => b.weight === 0)) {
    issues.add(`${path}`, backends.map((b) => b.weight), 'the weights are all zero: at least one backend must get traffic');
  }
}

/** How much of a rule's traffic the fault backend answers, in percent (above 0, at most 100, up to 4 decimals). */
export function faultPercentProblem(percent: unknown): string | undefined {
  if (typeof percent !== 'number' || !Number.isFinite(percent) || percent <= 0 || percent > 100) return 'must be a percentage above 0 and at most 100';
  if (Math.abs(percent * 10_000 - Math.round(percent * 10_000)) > 1e-6) return 'must have at most 4 decimals';
  return undefined;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/**
 * Integer weights giving the fault backend exactly `percent` % and each other backend exactly its
 * share of the rest: 90/10 with 5 % faults → 855/95/50 (85.5 %, 9.5 %, 5 %). The exact weights are
 * reduced, then scaled so they add up to a power of ten when that stays within the weight limit,
 * which makes each weight readable as a share. Undefined when the exact weights exceed the limit.
 */
export function faultSplitWeights(weights: readonly number[], percent: number): { readonly backends: number[]; readonly fault: number } | undefined {
  const scale = 10_000n;
  const faultPart = BigInt(Math.round(percent * 10_000));
  const rest = 100n * scale - faultPart;
  const total = weights.reduce((s, w) => s + BigInt(w), 0n);
  const raw = [...weights.map((w) => rest * BigInt(w)), faultPart * total];
  const divisor = raw.reduce((g, w) => gcd(g, w), 0n);
  const reduced = raw.map((w) => w / divisor);
  const sum = reduced.reduce((s, w) => s + w, 0n);
  let factor = 1n;
  for (let power = 10n; power <= BigInt(MAX_WEIGHT); power *= 10n) {
    if (power >= sum && power % sum === 0n) {
      factor = power / sum;
      break;
    }
  }
  const scaled = reduced.map((w) => w * factor);
  if (scaled.some((w) => w > BigInt(MAX_WEIGHT))) return undefined;
  const out = scaled.map(Number);
  return { backends: out.slice(0, -1), fault: out[out.length - 1] };
}
