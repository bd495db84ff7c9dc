/**
 * Label queries as `link-gen -l` takes them (`metav1.ParseToLabelSelector`): `key=value`/`key==value`
 * become `matchLabels`; `key in (a,b)`, `key notin (a,b)`, `key` and `!key` become `matchExpressions`
 * (requirements sorted by key, values sorted, as apimachinery's parser leaves them). `!=`, `<` and `>`
 * parse as label queries but have no label-selector form, so they are refused, as upstream refuses them.
 */
import type { IssueCollector } from '../../lib/errors.js';
import { checkLabelSelector, labelKeyProblem, labelValueProblem, type LabelSelector, type LabelSelectorRequirement } from '../../lib/k8s/label-selector.js';

export type { LabelSelector, LabelSelectorRequirement } from '../../lib/k8s/label-selector.js';

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
  if (m) {
    const problem = labelValueProblem(m[3]);
    return problem === undefined ? { key: m[1], equals: m[3] } : `value ${JSON.stringify(m[3])} ${problem}`;
  }
  m = /^([^\s!=<>(),]+)\s+(in|notin)\s*\(([^()]*)\)$/.exec(text);
  if (m) {
    const values = m[3].split(',').map((v) => v.trim());
    const bad = values.find((v) => labelValueProblem(v) !== undefined);
    if (bad !== undefined) return `value ${JSON.stringify(bad)} ${labelValueProblem(bad)}`;
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
      else if (labelKeyProblem(p.key)) issues.add(path, query, `${JSON.stringify(p.key)} ${labelKeyProblem(p.key)}`);
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
  checkLabelSelector(input, path, issues);
  if (!Object.keys(input.matchLabels ?? {}).length && !(input.matchExpressions ?? []).length) {
    issues.add(path, input, 'must not be empty (an empty selector matches every Service)');
  }
  return input;
}
