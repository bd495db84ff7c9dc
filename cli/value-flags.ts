/**
 * The value flags every render command shares (`-f/--values`, `--set`, `--set-string`, `--ha`,
 * `--namespace`), parsed with node's parseArgs so flag order is kept, as Helm applies it.
 */
import { MeshformError } from '../lib/errors.js';
import { dns1123LabelProblem } from '../lib/k8s/name-rules.js';
import { parseYamlDocument } from '../lib/yaml-input.js';
import { isTree, userValues, type SetExpression, type ValueTree } from '../lib/values/tree.js';
import type { UnknownValuesOptions } from '../lib/values/unknown-keys.js';
import type { FlagTable } from './help.js';
import type { CommandIO } from './io.js';
import { readInputFile } from './read-input.js';
import { parseFlags } from './parse-flags.js';

export const VALUE_FLAG_OPTIONS = {
  values: { type: 'string', short: 'f', multiple: true, valueName: 'FILE', description: 'a YAML file of upstream value keys' },
  set: { type: 'string', multiple: true, valueName: 'K=V', description: "set a value key (Helm's --set syntax: a.b=v, list[0]=v, a={x,y})" },
  'set-string': { type: 'string', multiple: true, valueName: 'K=V', description: 'like --set, the value always a string' },
  ha: { type: 'boolean', description: 'merge the chart\'s values-ha.yaml (high availability) under your values' },
  namespace: { type: 'string', short: 'n', valueName: 'NS', description: 'namespace to install into (check: where the control plane runs)' },
  'allow-unknown-values': { type: 'boolean', description: 'keep value keys the chart does not define (as Helm does) instead of refusing them; one warning lists them' },
} as const satisfies FlagTable;

export interface ParsedFlags {
  readonly options: Record<string, string | boolean | (string | boolean)[] | undefined>;
  readonly positionals: readonly string[];
  /** Values files then `--set` expressions, merged Helm's way: the user's own values. */
  readonly user: ValueTree;
  readonly ha: boolean;
  readonly namespace: string | undefined;
  /** `--allow-unknown-values`, with the warning sink the resolvers report kept keys to. */
  readonly unknownValues: UnknownValuesOptions;
}

/** Parses `args` with the value flags plus `extra` options; reads and merges the values files. */
export function parseValueFlags(
  args: readonly string[],
  io: CommandIO,
  extra: FlagTable = {},
  allowPositionals = false,
): ParsedFlags {
  const parsed = parseFlags(args, { ...VALUE_FLAG_OPTIONS, ...extra }, allowPositionals);
  const files: ValueTree[] = [];
  const sets: SetExpression[] = [];
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    if (token.name === 'values') files.push(readValuesFile(String(token.value), io.cwd));
    if (token.name === 'set') sets.push({ expr: String(token.value), asString: false });
    if (token.name === 'set-string') sets.push({ expr: String(token.value), asString: true });
  }
  const namespace = parsed.values.namespace as string | undefined;
  const namespaceProblem = namespace === undefined ? undefined : dns1123LabelProblem(namespace);
  if (namespaceProblem) throw new MeshformError('invalid --namespace', [{ path: '--namespace', value: namespace, message: namespaceProblem }]);
  return {
    options: parsed.values as ParsedFlags['options'],
    positionals: parsed.positionals,
    user: userValues(files, sets),
    ha: parsed.values.ha === true,
    namespace,
    unknownValues: { allowUnknownValues: parsed.values['allow-unknown-values'] === true, warn: (m) => io.stderr(`meshform: warning: ${m}\n`) },
  };
}

/** Reads one `-f` file: a YAML map (an empty file is an empty map). */
export function readValuesFile(path: string, cwd: string): ValueTree {
  const doc = parseYamlDocument(readInputFile(path, cwd, 'values file'), `values file ${path}`);
  if (doc === null) return {};
  if (!isTree(doc)) throw new MeshformError(`values file ${path}: must be a YAML map of upstream value keys`);
  return doc;
}
