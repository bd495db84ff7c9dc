/** Shared by the viz tests: render the chart in memory and compare objects the way manifest-diff does. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'cdk8s';
import { parse, parseAllDocuments } from 'yaml';
import { chartObjects } from '../../constructs/kube-object.js';
import { VizChart } from '../../constructs/viz/viz-chart.js';
import type { KubeObject } from '../../lib/manifest.js';
import { resolveVizValues } from '../../lib/values/viz/resolve.js';
import { userValues, type ValueTree } from '../../lib/values/tree.js';

export const SHARED = join(dirname(fileURLToPath(import.meta.url)), '../../../shared/linkerd');
export const HAVE_SHARED = existsSync(join(SHARED, 'golden/viz'));
export const SKIP_SHARED = HAVE_SHARED ? false : `../shared/linkerd not found: golden comparisons skipped`;

/** The golden cases' pins, as values (same content as the case files, without reading them). */
export const PINS: ValueTree = {
  linkerdVersion: 'dev-undefined',
  tap: { externalSecret: true, caBundle: 'test-tap-ca-bundle' },
  tapInjector: { externalSecret: true, caBundle: 'test-tap-ca-bundle' },
};

export function render(user: ValueTree = PINS, opts: { ha?: boolean; namespace?: string } = {}): KubeObject[] {
  const values = resolveVizValues({ user: userValues([PINS, user]), ha: opts.ha });
  return chartObjects(new VizChart(new App(), 'viz', { values, namespace: opts.namespace }));
}

export function find(objects: readonly KubeObject[], kind: string, name: string): any {
  const found = objects.find((o) => o.kind === kind && o.metadata?.name === name);
  if (!found) throw new Error(`${kind}/${name} not rendered`);
  return found;
}

export function container(objects: readonly KubeObject[], deployment: string, name = deployment): any {
  return find(objects, 'Deployment', deployment).spec.template.spec.containers.find((c: any) => c.name === name);
}

export { objectKey } from '../helpers/manifest-compare.js';

export function loadYamlStream(file: string): any[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((d) => d.toJS())
    .filter((o) => o && typeof o === 'object' && o.kind);
}

const IGNORED = [/^metadata\.annotations\.checksum\//, /annotations\.checksum\//, /annotations\.linkerd\.io\/created-by$/];
const isEmpty = (v: unknown) =>
  v === undefined || v === null || (Array.isArray(v) ? v.length === 0 : typeof v === 'object' && Object.keys(v as object).length === 0);

function parsedDoc(s: unknown): unknown {
  if (typeof s !== 'string' || !s.includes('\n')) return undefined;
  try {
    const v = parse(s);
    return v && typeof v === 'object' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Differences between two objects (absent/null/{}/[] equal, YAML strings compared parsed). */
export function diffObjects(expected: unknown, actual: unknown): string[] {
  const out: string[] = [];
  const walk = (path: string, x: any, y: any): void => {
    if (IGNORED.some((r) => r.test(path))) return;
    if (isEmpty(x) && isEmpty(y)) return;
    const px = parsedDoc(x);
    const py = parsedDoc(y);
    if (px && py) return walk(path, px, py);
    if (Array.isArray(x) && Array.isArray(y)) {
      for (let i = 0; i < Math.max(x.length, y.length); i++) walk(`${path}[${i}]`, x[i], y[i]);
      return;
    }
    if (x && y && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x) && !Array.isArray(y)) {
      for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) walk(path ? `${path}.${k}` : k, x[k], y[k]);
      return;
    }
    if (x !== y) out.push(`${path}: expected ${JSON.stringify(x)}, got ${JSON.stringify(y)}`);
  };
  walk('', expected, actual);
  return out;
}
