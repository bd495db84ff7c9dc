// Pulumi.yaml against the pulumi CLI's config rules (the CLI cannot run here, so its rules are
// applied in the test): a project key with neither `default` nor `value` that the stack file does
// not set is required, and `pulumi up` stops before the program runs; a declared `type` is one of
// string, integer, boolean, array, and defaults and stack values must match it. Then the config the
// program would get — defaults under the stack's values — must pass stacks/config.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { parseStackConfig } from '../../stacks/config.js';

const root = new URL('../..', import.meta.url).pathname;
const NAMESPACE = 'meshform';
const TYPES = ['string', 'integer', 'boolean', 'array'];

interface Declaration {
  readonly type?: string;
  readonly default?: unknown;
  readonly value?: unknown;
}

type Stack = Readonly<Record<string, unknown>>;

/** The project's config declarations; a non-map entry is the short form (`key: value`), i.e. a value. */
function declarations(projectYaml: string): Map<string, Declaration> {
  const config = (parse(projectYaml) as { config?: Record<string, unknown> }).config ?? {};
  return new Map(
    Object.entries(config).map(([key, d]): [string, Declaration] => [
      key,
      typeof d === 'object' && d !== null && !Array.isArray(d) ? (d as Declaration) : { value: d },
    ]),
  );
}

const stackKey = (key: string): string => (key.includes(':') ? key : `${NAMESPACE}:${key}`);
const present = (v: unknown): boolean => v !== undefined && v !== null;

/** The CLI's rule: keys neither defaulted nor valued in the project nor set in the stack. */
function requiredKeys(project: Map<string, Declaration>, stack: Stack): string[] {
  return [...project].filter(([key, d]) => !present(d.default) && !present(d.value) && !present(stack[stackKey(key)])).map(([key]) => key);
}

/** The CLI's type check: stack values are strings, so a boolean or integer may be given as its text. */
function matchesType(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value) || (typeof value === 'string' && /^[+-]?\d+$/.test(value));
    case 'boolean':
      return typeof value === 'boolean' || (typeof value === 'string' && /^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/.test(value));
    case 'array':
      return Array.isArray(value);
    default:
      return false;
  }
}

/** What `pulumi.Config.get` returns for each key: the stack's value, else the project's, scalars as text, objects as JSON. */
function programConfig(project: Map<string, Declaration>, stack: Stack): (key: string) => string | undefined {
  return (key) => {
    const d = project.get(key);
    const v = stack[stackKey(key)] ?? d?.value ?? d?.default;
    if (!present(v)) return undefined;
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
}

const project = declarations(readFileSync(`${root}/Pulumi.yaml`, 'utf8'));
const stacks: Readonly<Record<string, Stack>> = {
  'Pulumi.dev.yaml (the example stack)': (parse(readFileSync(`${root}/Pulumi.dev.yaml`, 'utf8')) as { config?: Stack }).config ?? {},
  'a new stack (pulumi stack init, no config)': {},
};

describe('Pulumi.yaml under the pulumi CLI config rules', () => {
  it('the rule itself: a key with neither default nor value is required unless the stack sets it', () => {
    const p = declarations('config:\n  values:\n    description: x\n  ha:\n    type: boolean\n    default: false\n  region: us-west-2\n');
    assert.deepEqual(requiredKeys(p, {}), ['values']);
    assert.deepEqual(requiredKeys(p, { 'meshform:values': { a: 1 } }), []);
  });

  for (const [name, stack] of Object.entries(stacks)) {
    it(`${name}: no key is required, every value matches its declared type, the program accepts the config`, () => {
      assert.deepEqual(requiredKeys(project, stack), []);
      for (const key of Object.keys(stack)) {
        assert.ok(key.startsWith(`${NAMESPACE}:`) && project.has(key.slice(NAMESPACE.length + 1)), `${key} is not declared in Pulumi.yaml`);
      }
      for (const [key, d] of project) {
        if (d.type === undefined) continue;
        assert.ok(TYPES.includes(d.type), `${key}: type ${d.type} is not one the CLI accepts`);
        if (present(d.default)) assert.ok(matchesType(d.type, d.default), `${key}: default ${JSON.stringify(d.default)} is not a ${d.type}`);
        const v = stack[stackKey(key)];
        if (present(v)) assert.ok(matchesType(d.type, v), `${key}: ${JSON.stringify(v)} is not a ${d.type}`);
      }
      assert.doesNotThrow(() => parseStackConfig(programConfig(project, stack)));
    });
  }

  it('the object keys default to {}, which the program reads as not set', () => {
    for (const key of ['values', 'certManager']) assert.deepEqual(project.get(key)?.default, {}, key);
    const settings = parseStackConfig(programConfig(project, {}));
    assert.deepEqual(settings.values, {});
    assert.equal(settings.certManager, undefined);
    assert.equal(settings.identity, 'generated');
    // `{}` is "not set" in any identity mode, so the default never trips "only used with cert-manager".
    assert.equal(parseStackConfig((k) => ({ identity: 'provided', trustAnchorPem: 'PEM', certManager: '{ }' })[k]).certManager, undefined);
  });
});
