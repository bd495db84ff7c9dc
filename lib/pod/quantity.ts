/**
 * Kubernetes resource quantities in their canonical form, as apimachinery's `resource.Quantity`
 * prints them after parsing: upstream's injector round-trips the pod through Go structs, so a
 * `cpu: "0.5"` written by hand comes back as `500m` and `1024Mi` as `1Gi`.
 *
 * The rules (apimachinery `CanonicalizeBytes`): the format follows the suffix given (binary `Ki`…,
 * decimal SI `m`, `k`…, or an exponent `e3`); values are kept to nano precision, rounded up; a
 * decimal value is printed as the smallest integer mantissa with an exponent that is a multiple of 3;
 * a binary value that is whole and at least 1024 in size is printed with the largest 1024 power that
 * divides it, and otherwise falls back to decimal SI.
 */

type Format = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]));
const BINARY_BY_POWER = new Map(Object.entries(BINARY_SUFFIXES).map(([s, p]) => [p, s]));

const QUANTITY = /^([+-]?)([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?[0-9]+))?$/;
/** Exponents beyond this are not quantities anyone writes; refusing them keeps BigInt work bounded. */
const MAX_EXPONENT = 64;
const NANO_SCALE = -9;

/** A decimal value: `mantissa × 10^scale`. */
interface Decimal {
  readonly mantissa: bigint;
  readonly scale: number;
}

const TEN = 10n;
const pow10 = (n: number): bigint => TEN ** BigInt(n);

function parse(text: string): { value: Decimal; format: Format } | undefined {
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const [, sign, number, suffix, exponent] = m;
  const [whole, fraction = ''] = number.split('.');
  let mantissa = BigInt(`${whole || '0'}${fraction}`) * (sign === '-' ? -1n : 1n);
  let scale = -fraction.length;
  let format: Format = 'DecimalSI';
  if (exponent !== undefined) {
    const e = Number(exponent);
    if (Math.abs(e) > MAX_EXPONENT) return undefined;
    scale += e;
    format = 'DecimalExponent';
  } else if (suffix !== undefined && suffix in BINARY_SUFFIXES) {
    mantissa *= 1024n ** BigInt(BINARY_SUFFIXES[suffix]);
    format = 'BinarySI';
  } else if (suffix !== undefined) {
    scale += DECIMAL_SUFFIXES[suffix];
  }
  return { value: roundUpToNano({ mantissa, scale }), format };
}

/** Precision beyond nano units is rounded up (away from zero), as apimachinery does on parse. */
function roundUpToNano(d: Decimal): Decimal {
  if (d.scale >= NANO_SCALE) return d;
  const divisor = pow10(NANO_SCALE - d.scale);
  const negative = d.mantissa < 0n;
  const abs = negative ? -d.mantissa : d.mantissa;
  const rounded = (abs + divisor - 1n) / divisor;
  return { mantissa: negative ? -rounded : rounded, scale: NANO_SCALE };
}

/** The whole value when `d` has no fractional part. */
function asInteger(d: Decimal): bigint | undefined {
  if (d.scale >= 0) return d.mantissa * pow10(d.scale);
  const divisor = pow10(-d.scale);
  return d.mantissa % divisor === 0n ? d.mantissa / divisor : undefined;
}

function decimalString(d: Decimal, format: Format): string {
  let { mantissa, scale: exponent } = d;
  while (mantissa % TEN === 0n) {
    mantissa /= TEN;
    exponent += 1;
  }
  // Go's `%` keeps the dividend's sign, like JavaScript's.
  const shift = ((exponent % 3) + 3) % 3;
  mantissa *= pow10(shift);
  exponent -= shift;
  if (format === 'DecimalExponent') return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`;
  const suffix = DECIMAL_BY_EXPONENT.get(exponent);
  return suffix === undefined ? `${mantissa}e${exponent}` : `${mantissa}${suffix}`;
}

function binaryString(whole: bigint): string {
  let amount = whole;
  let power = 0;
  while (amount % 1024n === 0n && BINARY_BY_POWER.has(power + 1)) {
    amount /= 1024n;
    power += 1;
  }
  return `${amount}${power ? BINARY_BY_POWER.get(power) : ''}`;
}

/**
 * The canonical form of a quantity (`"0.5"` → `"500m"`, `"1024Mi"` → `"1Gi"`), or the input unchanged
 * when it is not a quantity (validation reports those; this only re-encodes).
 */
export function canonicalQuantity(quantity: string | number): string {
  const text = String(quantity);
  const parsed = parse(text);
  if (!parsed) return text;
  const { value } = parsed;
  let format = parsed.format;
  if (value.mantissa === 0n) return '0';
  if (format === 'BinarySI') {
    const whole = asInteger(value);
    const small = whole !== undefined && whole > -1024n && whole < 1024n;
    if (whole !== undefined && !small) return binaryString(whole);
    format = 'DecimalSI';
  }
  return decimalString(value, format);
}
