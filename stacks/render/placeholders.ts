/**
 * Secret slots: charts render synchronously from plain values, but in a stack the webhook
 * certificates only exist as (secret) Outputs of `@pulumi/tls` resources. So the charts are rendered
 * with unique placeholder tokens in those values, and the tokens are then replaced in the rendered
 * objects by the Outputs. A token shows up in three shapes, all handled:
 * - the whole string (e.g. a PEM copied into a field) → the Output;
 * - base64 of the token (Secret `data`, webhook `caBundle`) → the Output, base64-encoded;
 * - inside a larger text (the `linkerd-config` values dump) → an empty YAML string, which is what
 *   upstream's CLI dumps for webhook certificates generated in-template.
 * `unfilledPlaceholders` guards against a token surviving in another shape.
 */
import * as pulumi from '@pulumi/pulumi';

const PREFIX = '@@meshform-slot:';
const SUFFIX = '@@';

/** The placeholder token for slot `name` (single line, no PEM armour, so validators only check presence). */
export function placeholder(name: string): string {
  return `${PREFIX}${name}${SUFFIX}`;
}

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** Slot name → the value that replaces its token. */
export type SlotValues = ReadonlyMap<string, pulumi.Input<string>>;

const TOKEN_PATTERN = /(["']?)@@meshform-slot:[^@\s"']+@@\1/g;

/**
 * `value` with every placeholder replaced. Leaves that hold a slot become Outputs; everything else
 * is copied. Secretness of the slot values carries over to the enclosing resource property.
 */
export function fillPlaceholders(value: unknown, slots: SlotValues): unknown {
  const exact = new Map<string, () => pulumi.Output<string>>();
  for (const [name, input] of slots) {
    const token = placeholder(name);
    exact.set(token, () => pulumi.output(input));
    exact.set(b64(token), () => pulumi.output(input).apply((v) => b64(v.trim())));
  }
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const hit = exact.get(v);
      if (hit) return hit();
      return v.includes(PREFIX) ? v.replace(TOKEN_PATTERN, '""') : v;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object' && !pulumi.Output.isInstance(v)) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value);
}

/** Paths of plain strings still holding a token (raw or base64): must be empty after filling. */
export function unfilledPlaceholders(value: unknown, path = ''): string[] {
  if (typeof value === 'string') {
    const decoded = /^[A-Za-z0-9+/]+=*$/.test(value) ? Buffer.from(value, 'base64').toString('utf8') : '';
    return value.includes(PREFIX) || decoded.includes(PREFIX) ? [path || '(root)'] : [];
  }
  if (Array.isArray(value)) return value.flatMap((x, i) => unfilledPlaceholders(x, `${path}[${i}]`));
  if (value !== null && typeof value === 'object' && !pulumi.Output.isInstance(value)) {
    return Object.entries(value).flatMap(([k, x]) => unfilledPlaceholders(x, path ? `${path}.${k}` : k));
  }
  return [];
}
