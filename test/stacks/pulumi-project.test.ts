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
import { matchesType } from './harness/project-config.js';

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
    // topologySpread is true, false or an object, so untyped too; its default false is "off".
    assert.equal(project.get('topologySpread')?.default, false);
    assert.equal(settings.topologySpread, false);
    // `{}` is "not set" in any identity mode, so the default never trips "only used with cert-manager".
    assert.equal(parseStackConfig((k) => ({ identity: 'provided', trustAnchorPem: 'PEM', certManager: '{ }' })[k]).certManager, undefined);
  });
});

/** Shell words of one command line: quotes honoured, a trailing `# comment` dropped. */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|"([^"]*)"|(#.*$)|(\S+)/g)) {
    if (m[3] !== undefined) break;
    out.push(m[1] ?? m[2] ?? m[4]);
  }
  return out;
}

/** `pulumi config set [--path] [--secret] KEY VALUE` applied to a stack's config, as the CLI writes it. */
function applyConfigSet(stack: Record<string, unknown>, args: readonly string[]): string {
  const flags = args.filter((a) => a.startsWith('--'));
  const [key, value] = args.filter((a) => !a.startsWith('--'));
  assert.ok(key && value !== undefined, `pulumi config set ${args.join(' ')}: a key and a value`);
  if (!flags.includes('--path')) {
    stack[key] = value;
    return key;
  }
  const [root, ...path] = key.split('.');
  let node = (stack[root] ??= {}) as Record<string, unknown>;
  for (const p of path.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]] = value;
  return root;
}

/** Each `sh` block of a Markdown file that runs `pulumi config set`: its config steps. */
function configScenarios(markdown: string): string[][][] {
  const blocks = [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks
    .map((b) => b.split('\n').map(words).filter((w) => w[0] === 'pulumi' && w[1] === 'config' && w[2] === 'set').map((w) => w.slice(3)))
    .filter((steps) => steps.length > 0);
}

/** Secrets the program reads with `requireSecret` (not declared: a declared secret could have no default). */
const SECRET_KEYS = ['meshform:issuerCertPem', 'meshform:issuerKeyPem'];

describe('the documented `pulumi up` steps under the CLI config rules', () => {
  const docs = { 'README.md': `${root}/README.md`, 'docs/guide-platform-pulumi.md': `${root}/docs/guide-platform-pulumi.md` };
  for (const [doc, path] of Object.entries(docs)) {
    it(`${doc}: every config step, on each stack, leaves no key missing and the program accepts the config`, () => {
      const scenarios = configScenarios(readFileSync(path, 'utf8'));
      assert.ok(scenarios.length > 0, `${doc} shows pulumi config set steps`);
      for (const steps of scenarios) {
        for (const [name, base] of Object.entries(stacks)) {
          const stack: Record<string, unknown> = structuredClone(base) as Record<string, unknown>;
          for (const step of steps) {
            const key = applyConfigSet(stack, step);
            assert.ok(SECRET_KEYS.includes(key) || project.has(key.slice(NAMESPACE.length + 1)), `${doc}: ${key} is declared in Pulumi.yaml`);
          }
          assert.deepEqual(requiredKeys(project, stack), [], `${doc} on ${name}`);
          for (const [key, v] of Object.entries(stack)) {
            const type = project.get(key.slice(NAMESPACE.length + 1))?.type;
            if (type) assert.ok(matchesType(type, v), `${doc}: ${key}=${JSON.stringify(v)} is a ${type}`);
          }
          assert.doesNotThrow(() => parseStackConfig(programConfig(project, stack)), `${doc} on ${name}: ${JSON.stringify(steps)}`);
        }
      }
    });
  }

  it('every key the program reads is declared in Pulumi.yaml with a default', () => {
    const asked = new Set<string>();
    parseStackConfig((key) => (asked.add(key), programConfig(project, {})(key)));
    assert.ok(asked.has('retainCrds') && asked.has('gatewayAwait') && asked.has('imageTag'), [...asked].join());
    for (const key of asked) assert.ok(present(project.get(key)?.default), `meshform:${key} is declared with a default`);
  });

  it('the words of a step: quotes and comments', () => {
    assert.deepEqual(words(`pulumi config set --path 'meshform:values.proxy.logLevel' debug  # why`), ['pulumi', 'config', 'set', '--path', 'meshform:values.proxy.logLevel', 'debug']);
    const stack: Record<string, unknown> = {};
    applyConfigSet(stack, ['--path', 'meshform:values.proxy.logLevel', 'debug']);
    assert.deepEqual(stack, { 'meshform:values': { proxy: { logLevel: 'debug' } } });
  });
});
