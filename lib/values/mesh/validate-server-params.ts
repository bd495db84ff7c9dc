/**
 * `proxy.inbound` / `proxy.outbound` are free maps (scope → protocol → parameter) that the proxy
 * partial turns into env vars leaf by leaf, so any key is accepted; only a leaf that cannot be an env
 * value (a list) or a branch that is not a map is refused.
 */
import { joinPath, type ValidationIssue } from '../../errors.js';
import { isTree } from '../tree.js';

const ALLOWED = 'must be a map of scope → protocol → parameter, each parameter a string, number or boolean';

export function serverParamsIssues(path: 'proxy.inbound' | 'proxy.outbound', value: unknown): ValidationIssue[] {
  if (value === undefined || value === null) return [];
  if (!isTree(value)) return [{ path, value, message: ALLOWED }];
  const issues: ValidationIssue[] = [];
  const walk = (node: Record<string, unknown>, at: string): void => {
    for (const [key, v] of Object.entries(node)) {
      const child = joinPath(at, key);
      if (isTree(v)) walk(v, child);
      else if (Array.isArray(v) || (typeof v === 'object' && v !== null)) issues.push({ path: child, value: v, message: ALLOWED });
    }
  };
  walk(value, path);
  return issues;
}
