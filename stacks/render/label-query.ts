/**
 * Label queries as `link-gen -l` takes them (`metav1.ParseToLabelSelector`): `key=value`/`key==value`
 * become `matchLabels`; `key in (a,b)`, `key notin (a,b)`, `key` and `!key` become `matchExpressions`
 * (requirements sorted by key, values sorted, as apimachinery's parser leaves them). `!=`, `<` and `>`
 * parse as label queries but have no label-selector form, so they are refused, as upstream refuses them.
 */
import type { IssueCollector } from '../../lib/errors.js';

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  /** Present for In and NotIn. @default - none */
  readonly values?: readonly string[];
}

/** A Kubernetes `LabelSelector`. */
export interface LabelSelector {
  /** @default - none */
  readonly matchLabels?: Readonly<Record<string, string>>;
  /** @default - none */
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

const NAME = '[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?';
const KEY = new RegExp(`^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?${NAME}$`);
const VALUE = new RegExp(`^(${NAME})?$`);
const OPERATORS: Readonly<Record<string, LabelSelectorRequirement['operator']>> = { in: 'In', notin: 'NotIn' };

/** Splits on commas outside parentheses: `a in (x,y),b` → `a in (x,y)`, `b`. */
function requirements(query: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of query) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  parts.push(current.trim());
  return parts;
}

interface Parsed {
  readonly key: string;
  readonly equals?: string;
  readonly requirement?: LabelSelectorRequirement;
}

function parseRequirement(text: string): Parsed | string {
  let m = /^(!?)\s*([^\s!=<>(),]+)$/.exec(text);
  if (m) return { key: m[2], requirement: { key: m[2], operator: m[1] ? 'DoesNotExist' : 'Exists' } };
  m = /^([^\s!=<>(),]+)\s*(==|=)\s*([^\s!=<>(),]*)$/.exec(text);
  if (m) return VALUE.test(m[3]) ? { key: m[1], equals: m[3] } : `value ${JSON.stringify(m[3])} is not a label value`;
  m = /^([^\s!=<>(),]+)\s+(in|notin)\s*\(([^()]*)\)$/.exec(text);
  if (m) {
    const values = m[3].split(',').map((v) => v.trim());
    const bad = values.find((v) => !VALUE.test(v));
    if (bad !== undefined) return `value ${JSON.stringify(bad)} is not a label value`;
    return { key: m[1], requirement: { key: m[1], operator: OPERATORS[m[2]], values: [...new Set(values)].sort() } };
  }
  if (/^[^\s!=<>(),]+\s*(!=|<|>)/.test(text)) return `"${text}": !=, < and > have no label-selector form (use notin, or matchExpressions)`;
  return `"${text}" is not a label requirement (key=value, key in (a,b), key notin (a,b), key, !key)`;
}

/** A label query → a selector; problems are added under `path` and the result is then empty. */
export function parseLabelQuery(query: string, path: string, issues: IssueCollector): LabelSelector {
  const matchLabels: Record<string, string> = {};
  const matchExpressions: LabelSelectorRequirement[] = [];
  const before = issues.issues.length;
  if (query.trim() === '') issues.add(path, query, 'must not be empty (a link mirrors what its selector matches)');
  else {
    const parsed: Parsed[] = [];
    for (const text of requirements(query)) {
      const p = parseRequirement(text);
      if (typeof p === 'string') issues.add(path, query, p);
      else if (!KEY.test(p.key)) issues.add(path, query, `${JSON.stringify(p.key)} is not a label key`);
      else parsed.push(p);
    }
    for (const p of parsed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
      if (p.equals !== undefined) matchLabels[p.key] = p.equals;
      else if (p.requirement) matchExpressions.push(p.requirement);
    }
  }
  if (issues.issues.length > before) return {};
  return {
    ...(Object.keys(matchLabels).length ? { matchLabels } : {}),
    ...(matchExpressions.length ? { matchExpressions } : {}),
  };
}

/** A selector given as a query string or as a `LabelSelector` (checked: keys, operators, values). */
export function labelSelectorOf(input: string | LabelSelector, path: string, issues: IssueCollector): LabelSelector {
  if (typeof input === 'string') return parseLabelQuery(input, path, issues);
  for (const [key, value] of Object.entries(input.matchLabels ?? {})) {
    if (!KEY.test(key)) issues.add(`${path}.matchLabels`, key, 'is not a label key');
    if (!VALUE.test(value)) issues.add(`${path}.matchLabels.${key}`, value, 'is not a label value');
  }
  (input.matchExpressions ?? []).forEach((r, i) => {
    const at = `${path}.matchExpressions[${i}]`;
    if (!KEY.test(r.key)) issues.add(`${at}.key`, r.key, 'is not a label key');
    const needsValues = r.operator === 'In' || r.operator === 'NotIn';
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(r.operator)) issues.add(`${at}.operator`, r.operator, 'must be In, NotIn, Exists or DoesNotExist');
    else if (needsValues && !r.values?.length) issues.add(`${at}.values`, r.values, `must not be empty for ${r.operator}`);
    else if (!needsValues && r.values?.length) issues.add(`${at}.values`, r.values, `must be empty for ${r.operator}`);
  });
  if (!Object.keys(input.matchLabels ?? {}).length && !(input.matchExpressions ?? []).length) {
    issues.add(path, input, 'must not be empty (an empty selector matches every Service)');
  }
  return input;
}
