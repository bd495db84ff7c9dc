/**
 * Shared by the traffic tests: a cdk8s chart to build in, its objects as JSON, the CRDs custom
 * resources validate against (meshform's CRD render, and upstream's golden when ../shared is there),
 * and a helper asserting that a call fails with exactly the expected issues.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Chart, Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { chartObjects } from '../../constructs/kube-object.js';
import { allKnownCrds } from '../../lib/crds/linkerd-crds.js';
import { MeshformError, type ValidationIssue } from '../../lib/errors.js';
import type { KubeObject } from '../../lib/manifest.js';
import { validateRender } from '../helpers/validate-all.js';

export function chart(id = 'app'): Chart {
  return new Chart(Testing.app(), id);
}

export const objectsOf = (c: Chart): KubeObject[] => chartObjects(c);

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'linkerd', 'golden', 'crds', 'install_crds_with_gateway_api.golden');
export const goldenSkip = existsSync(GOLDEN) ? false : `upstream CRD golden not found at ${GOLDEN} (../shared absent)`;

/** Upstream's linkerd-crds render with the Gateway API route CRDs. */
export function goldenCrds(): unknown[] {
  return parseAllDocuments(readFileSync(GOLDEN, 'utf8')).map((d) => d.toJSON() as unknown).filter((d) => d != null);
}

/** Asserts every object validates (built-ins by the Kubernetes schema, the rest by `crds`); returns the CRD-validated keys. */
export function assertValid(objects: readonly KubeObject[], crds: readonly unknown[] = allKnownCrds()): readonly string[] {
  const result = validateRender(objects as Parameters<typeof validateRender>[0], crds);
  assert.deepEqual(result.problems, []);
  assert.equal(result.bySchema.length + result.byCrd.length, objects.length);
  return result.byCrd;
}

/** The issues of the MeshformError `fn` throws (fails if it throws anything else, or nothing). */
export function issuesOf(fn: () => unknown): readonly ValidationIssue[] {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof MeshformError, `expected a MeshformError, got ${String(e)}`);
    assert.doesNotMatch(e.message, /\n\s+at /, 'no stack trace in the message');
    return e.issues;
  }
  assert.fail('expected a MeshformError');
}

/** Asserts `fn` fails with exactly one issue at `path` whose message matches `message`. */
export function assertOneIssue(fn: () => unknown, path: string, message: RegExp): void {
  const issues = issuesOf(fn);
  assert.deepEqual(issues.map((i) => i.path), [path]);
  assert.match(issues[0].message, message);
}
