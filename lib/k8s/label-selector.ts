/**
 * Kubernetes label selectors (`metav1.LabelSelector`) and the rules for what they hold: label keys
 * (an optional DNS-subdomain prefix and `/`, then a name), label values and the operator set. Every
 * layer that takes a selector (Server, link-gen's label queries) checks it here.
 */
import { joinPath, type IssueCollector } from '../errors.js';
import { DNS1123_SUBDOMAIN_FORMAT } from './name-rules.js';

export const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;
export type SelectorOperator = (typeof SELECTOR_OPERATORS)[number];

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  /** Required (non-empty) for `In`/`NotIn`, absent for `Exists`/`DoesNotExist`. @default - none */
  readonly values?: readonly string[];
}

/** `matchLabels` and `matchExpressions` are ANDed. */
export interface LabelSelector {
  /** @default - none */
  readonly matchLabels?: Readonly<Record<string, string>>;
  /** @default - none */
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

const NAME_MAX = 63;
const PREFIX_MAX = 253;
/** apimachinery's qualified-name format: a label key's name part and a non-empty label value. */
const NAME = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const NAME_RE = new RegExp(`^${NAME}$`);
const PREFIX_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FORMAT}$`);
const VALUE_RE = new RegExp(`^(${NAME})?$`);

/** A label key's problem, for `IssueCollector.check`: undefined for `name` or `prefix/name`. */
export function labelKeyProblem(value: unknown): string | undefined {
  const parts = typeof value === 'string' ? value.split('/') : [];
  const name = parts[parts.length - 1] ?? '';
  const prefix = parts.length === 2 ? parts[0] : '';
  const ok =
    (parts.length === 1 || (parts.length === 2 && prefix.length <= PREFIX_MAX && PREFIX_RE.test(prefix))) &&
    name.length <= NAME_MAX &&
    NAME_RE.test(name);
  return ok ? undefined : `must be a label key: an optional DNS prefix and "/", then at most ${NAME_MAX} letters, digits, "-", "_" or "."`;
}

/** A label value's problem, for `IssueCollector.check` (the empty value is a value). */
export function labelValueProblem(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= NAME_MAX && VALUE_RE.test(value)
    ? undefined
    : `must be a label value: at most ${NAME_MAX} letters, digits, "-", "_" or ".", starting and ending with a letter or digit`;
}

/** Collects problems with `selector` under `at` (keys, values, operators and their value lists). */
export function checkLabelSelector(selector: LabelSelector, at: string, issues: IssueCollector): void {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    const where = joinPath(joinPath(at, 'matchLabels'), key);
    issues.check(where, key, labelKeyProblem(key));
    issues.check(where, value, labelValueProblem(value));
  }
  (selector.matchExpressions ?? []).forEach((req, i) => {
    const where = joinPath(joinPath(at, 'matchExpressions'), i);
    issues.check(joinPath(where, 'key'), req.key, labelKeyProblem(req.key));
    if (!SELECTOR_OPERATORS.includes(req.operator)) {
      issues.add(joinPath(where, 'operator'), req.operator, `must be one of ${SELECTOR_OPERATORS.join(', ')}`);
      return;
    }
    const values = req.values ?? [];
    const needsValues = req.operator === 'In' || req.operator === 'NotIn';
    if (needsValues && values.length === 0) issues.add(joinPath(where, 'values'), req.values, `must be non-empty for operator ${req.operator}`);
    if (!needsValues && values.length > 0) issues.add(joinPath(where, 'values'), req.values, `must be empty for operator ${req.operator}`);
    values.forEach((v, j) => issues.check(joinPath(joinPath(where, 'values'), j), v, labelValueProblem(v)));
  });
}
