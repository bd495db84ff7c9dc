/**
 * What the pulumi CLI does with Pulumi.yaml and Pulumi.<stack>.yaml before it starts a program, as
 * data: the entry point and directory (`main`), the Node runtime options, and the config map it hands
 * the program in `PULUMI_CONFIG`. Config rules applied:
 * - a project key without a namespace is the project's (`version` → `meshform:version`);
 * - a declaration is a map (`type`, `default`, `value`, ...); anything else is the short form, a value;
 * - the stack file's value wins over the project's `value`, then `default`;
 * - a project key with neither `default` nor `value` the stack does not set is required: the CLI stops;
 * - a declared `type` (string, integer, boolean, array) must match the default and the stack value;
 * - values reach the program as text: scalars as written, objects and arrays as JSON.
 * Encrypted (`secure:`) stack values need the stack's secrets provider, which the harness does not have.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';

export interface ProjectRuntime {
  /** Directory the program runs in (`--pwd`): `main`'s directory, or the project's. */
  readonly pwd: string;
  /** The entry point relative to `pwd` (`.` when `main` is unset or a directory). */
  readonly entryPoint: string;
  /** `runtime.options.nodeargs`, split on whitespace. */
  readonly nodeArgs: readonly string[];
  /** `runtime.options.typescript` (the CLI's default is true). */
  readonly typescript: boolean;
}

export interface ProjectSettings extends ProjectRuntime {
  readonly name: string;
  /** `PULUMI_CONFIG`: `<namespace>:<key>` → text. */
  readonly config: Readonly<Record<string, string>>;
}

interface Declaration {
  readonly type?: string;
  readonly default?: unknown;
  readonly value?: unknown;
}

const present = (v: unknown): boolean => v !== undefined && v !== null;
const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readYaml(path: string): Record<string, unknown> {
  const doc: unknown = parse(readFileSync(path, 'utf8'));
  if (!isMap(doc)) throw new Error(`${path}: not a YAML map`);
  return doc;
}

/** The CLI's type check; stack values are text, so a boolean or integer may be given as its text. */
export function matchesType(type: string, value: unknown): boolean {
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

const asText = (v: unknown): string => (typeof v === 'object' ? JSON.stringify(v) : String(v));

/** The CLI's `main` rule: a file runs from its own directory, a directory is the entry point `.`. */
function runtimeOf(projectDir: string, project: Record<string, unknown>): ProjectRuntime {
  const runtime = project.runtime;
  const options = isMap(runtime) && isMap(runtime.options) ? runtime.options : {};
  const main = typeof project.main === 'string' ? resolve(projectDir, project.main) : projectDir;
  const isDir = statSync(main).isDirectory();
  return {
    pwd: isDir ? main : dirname(main),
    entryPoint: isDir ? '.' : basename(main),
    nodeArgs: typeof options.nodeargs === 'string' ? options.nodeargs.split(/\s+/).filter(Boolean) : [],
    typescript: options.typescript !== false,
  };
}

/**
 * The project as the CLI would run it for `stack`. `overrides` act as `pulumi config set` on the
 * stack (full keys, `meshform:ha`). Throws what the CLI would refuse (a required key, a type mismatch).
 */
export function loadProject(projectDir: string, stack: string, overrides: Readonly<Record<string, unknown>> = {}): ProjectSettings {
  const project = readYaml(join(projectDir, 'Pulumi.yaml'));
  const name = project.name;
  if (typeof name !== 'string') throw new Error(`${projectDir}/Pulumi.yaml: no project name`);
  const qualify = (key: string): string => (key.includes(':') ? key : `${name}:${key}`);
  const stackPath = join(projectDir, `Pulumi.${stack}.yaml`);
  const stackFile = existsSync(stackPath) ? readYaml(stackPath) : {};
  const stackConfig: Record<string, unknown> = { ...(isMap(stackFile.config) ? stackFile.config : {}), ...overrides };

  const declared = new Map<string, Declaration>();
  for (const [key, d] of Object.entries(isMap(project.config) ? project.config : {})) {
    declared.set(qualify(key), isMap(d) ? (d as Declaration) : { value: d });
  }
  const problems: string[] = [];
  const config: Record<string, string> = {};
  for (const [key, d] of declared) {
    if (d.type !== undefined && present(d.default) && !matchesType(d.type, d.default)) problems.push(`${key}: default is not of type ${d.type}`);
    const value = stackConfig[key] ?? d.value ?? d.default;
    if (!present(value)) problems.push(`missing required configuration key "${key}"`);
    else if (d.type !== undefined && present(stackConfig[key]) && !matchesType(d.type, stackConfig[key])) problems.push(`${key}: value is not of type ${d.type}`);
    else config[key] = asText(value);
  }
  for (const [key, value] of Object.entries(stackConfig)) {
    if (isMap(value) && 'secure' in value) problems.push(`${key}: encrypted values need the stack's secrets provider`);
    else if (present(value)) config[key] = asText(value);
  }
  if (problems.length) throw new Error(`pulumi would not run ${name}/${stack}:\n  ${problems.join('\n  ')}`);
  return { name, config, ...runtimeOf(projectDir, project) };
}
