/**
 * Renders every control-plane golden case of ../shared/linkerd/cases/cases.yaml through
 * ControlPlaneChart and compares each object with upstream's golden, field by field.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { App } from 'cdk8s';
import { parse, parseAllDocuments } from 'yaml';
import { readValuesFile } from '../../cli/value-flags.js';
import { ControlPlaneChart } from '../../constructs/control-plane/control-plane-chart.js';
import { chartObjects } from '../../constructs/kube-object.js';
import type { KubeObject } from '../../lib/manifest.js';
import { resolveMeshValues } from '../../lib/values/mesh/resolve.js';
import { userValues } from '../../lib/values/tree.js';
import { compareObjects, objectKey } from '../helpers/manifest-compare.js';

const CASES_DIR = join(import.meta.dirname, '../../../shared/linkerd/cases');
const CASES_FILE = join(CASES_DIR, 'cases.yaml');

interface Case {
  readonly name: string;
  readonly args: readonly string[];
  readonly golden: string;
  readonly skip?: readonly string[];
}

function render(args: readonly string[]): KubeObject[] {
  const files: string[] = [];
  let ha = false;
  let namespace = 'linkerd';
  let allowUnknownValues = false;
  for (let i = 1; i < args.length; i++) {
    if (args[i] === '-f') files.push(args[++i]);
    else if (args[i] === '--ha') ha = true;
    else if (args[i] === '--namespace') namespace = args[++i];
    else if (args[i] === '--allow-unknown-values') allowUnknownValues = true;
    else throw new Error(`test harness: unsupported argument ${args[i]}`);
  }
  const values = resolveMeshValues({ user: userValues(files.map((f) => readValuesFile(f, CASES_DIR))), ha, allowUnknownValues });
  const chart = new ControlPlaneChart(new App(), 'control-plane', { values, namespace });
  return chartObjects(chart);
}

function loadGolden(path: string): Map<string, KubeObject> {
  const out = new Map<string, KubeObject>();
  for (const doc of parseAllDocuments(readFileSync(path, 'utf8'))) {
    const o = doc.toJS() as KubeObject | null;
    if (o && o.kind) out.set(objectKey(o), o);
  }
  return out;
}

describe('control-plane goldens', () => {
  if (!existsSync(CASES_FILE)) {
    it('skipped: ../shared/linkerd/cases/cases.yaml is absent', { skip: true }, () => {});
    return;
  }
  const cases = (parse(readFileSync(CASES_FILE, 'utf8')) as Case[]).filter((c) => /^install_(?!cni|crds)/.test(c.name));
  for (const c of cases) {
    it(c.name, () => {
      const skips = (c.skip ?? []).map((s) => new RegExp(s));
      const expected = loadGolden(join(CASES_DIR, c.golden));
      const actual = new Map(render(c.args).map((o) => [objectKey(o), o] as const));
      const problems: string[] = [];
      for (const [key, e] of expected) {
        if (skips.some((r) => r.test(key))) continue;
        const a = actual.get(key);
        if (!a) {
          problems.push(`missing ${key}`);
          continue;
        }
        for (const d of compareObjects(e, a).slice(0, 5)) {
          problems.push(`${key}: ${d.path}: expected ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}`);
        }
      }
      for (const key of actual.keys()) {
        if (!expected.has(key) && !skips.some((r) => r.test(key))) problems.push(`extra ${key}`);
      }
      assert.deepEqual(problems, []);
    });
  }
});
