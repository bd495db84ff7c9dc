/**
 * Kubernetes label selectors as Server selects pods (or ExternalWorkloads) with them: `matchLabels`
 * and `matchExpressions` are ANDed; an empty selector selects every pod in the namespace.
 */
import { joinPath, type IssueCollector } from '../errors.js';
import { DNS1123_SUBDOMAIN_FORMAT } from '../k8s/name-rules.js';

export const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;
export type SelectorOperator = (typeof SELECTOR_OPERATORS)[number];

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  /** Required (non-empty) for `In`/`NotIn`, absent for `Exists`/`DoesNotExist`. @default - none */
  readonly values?: readonly string[];
}

export interface LabelSelector {
  /** @default - none */
  readonly matchLabels?: Readonly<Record<string, string>>;
  /** @default - none */
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

/** Selects every pod of the namespace. */
export const ALL_PODS: LabelSelector = { matchLabels: {} };

const NAME = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const KEY_RE = new RegExp(`^(${DNS1123_SUBDOMAIN_FORMAT}/)?${NAME}$`);
const VALUE_RE = new RegExp(`^(${NAME})?$`);

function labelKey(value: unknown): string | undefined {
  const ok = typeof value === 'string' && KEY_RE.test(value) && value.split('/').pop()!.length <= 63 && value.length <= 317;
  return ok ? undefined : 'must be a label key: an optional DNS prefix and "/", then at most 63 letters, digits, "-", "_" or "."';
}

function labelValue(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= 63 && VALUE_RE.test(value)
    ? undefined
    : 'must be a label value: at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit';
}

/** Collects problems with `selector`. */
export function checkLabelSelector(selector: LabelSelector, at: string, issues: IssueCollector): void {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    const where = joinPath(joinPath(at, 'matchLabels'), key);
    issues.check(where, key, labelKey(key));
    issues.check(where, value, labelValue(value));
  }
  (selector.matchExpressions ?? []).forEach((req, i) => {
    const where = joinPath(joinPath(at, 'matchExpressions'), i);
    issues.check(joinPath(where, 'key'), req.key, labelKey(req.key));
    if (!SELECTOR_OPERATORS.includes(req.operator)) {
      issues.add(joinPath(where, 'operator'), req.operator, `must be one of ${SELECTOR_OPERATORS.join(', ')}`);
      return;
    }
    const values = req.values ?? [];
    const needsValues = req.operator === 'In' || req.operator === 'NotIn';
    if (needsValues && values.length === 0) issues.add(joinPath(where, 'values'), req.values, `must be non-empty for operator ${req.operator}`);
    if (!needsValues && values.length > 0) issues.add(joinPath(where, 'values'), req.values, `must be empty for operator ${req.operator}`);
    values.forEach((v, j) => issues.check(joinPath(joinPath(where, 'values'), j), v, labelValue(v)));
  });
}

export function renderLabelSelector(selector: LabelSelector): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (selector.matchLabels !== undefined) out.matchLabels = { ...selector.matchLabels };
  if (selector.matchExpressions?.length) {
    out.matchExpressions = selector.matchExpressions.map((r) => ({ key: r.key, operator: r.operator, ...(r.values?.length ? { values: [...r.values] } : {}) }));
  }
  // An empty selector selects everything; upstream spells it `matchLabels: {}`.
  return Object.keys(out).length ? out : { matchLabels: {} };
}
