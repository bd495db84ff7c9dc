/** Runs `fn`, asserts it refuses with a MeshformError, and returns its issues (path, value, message). */
import assert from 'node:assert/strict';
import { MeshformError, type ValidationIssue } from '../../lib/errors.js';

export function issuesOf(fn: () => unknown): readonly ValidationIssue[] {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof MeshformError, `expected a MeshformError, got ${String(error)}`);
    return error.issues;
  }
  assert.fail('expected a MeshformError, but nothing was refused');
}

/** The issue at `path`; fails listing every path found when there is none. */
export function issueAt(issues: readonly ValidationIssue[], path: string): ValidationIssue {
  const found = issues.find((i) => i.path === path);
  assert.ok(found, `no issue at ${path}; found: ${issues.map((i) => i.path).join(', ')}`);
  return found;
}
