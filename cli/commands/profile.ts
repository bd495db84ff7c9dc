/**
 * `meshform profile [flags] (--template | --open-api FILE | --proto FILE) SERVICE`: upstream's
 * `linkerd profile`, offline. Prints the ServiceProfile template, or a profile generated from an
 * OpenAPI/Swagger or .proto file (`-` reads stdin), for SERVICE in `-n` (default `default`: there
 * is no kubeconfig to read a context namespace from) and the cluster domain `cluster.local`
 * (upstream reads the installed one unless --ignore-cluster; `--cluster-domain` sets it here).
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { MeshformError } from '../../lib/errors.js';
import {
  DEFAULT_CLUSTER_DOMAIN,
  dns1035LabelErrors,
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  formatProfileJson,
  formatProfileYaml,
  profileFromOpenApi,
  profileFromProto,
  profileTemplate,
  type ProfileTarget,
} from '../../lib/service-profile/index.js';
import { parseYamlDocument } from '../../lib/yaml-input.js';
import type { FlagTable } from '../help.js';
import { UsageError, type Command, type CommandIO } from '../io.js';
import { parseFlags } from '../parse-flags.js';
import { readInputFile } from '../read-input.js';
import { IGNORE_CLUSTER_OPTION, OUTPUT_OPTION, outputFormat } from '../render.js';

/** Largest spec accepted: real OpenAPI and .proto files are far smaller; more is refused before parsing. */
export const MAX_SPEC_BYTES = 4 * 1024 * 1024;

export const PROFILE_OPTIONS = {
  template: { type: 'boolean', description: 'Output a service profile template' },
  'open-api': { type: 'string', valueName: 'FILE', description: 'Output a service profile based on the given OpenAPI spec file (- reads stdin)' },
  proto: { type: 'string', valueName: 'FILE', description: 'Output a service profile based on the given Protobuf spec file (- reads stdin)' },
  namespace: { type: 'string', short: 'n', valueName: 'NS', description: 'Namespace of the service (default "default": offline there is no kubeconfig context)' },
  'cluster-domain': { type: 'string', valueName: 'DOMAIN', description: `cluster domain in the profile's name (default ${DEFAULT_CLUSTER_DOMAIN}; upstream reads the installed one)` },
  ...IGNORE_CLUSTER_OPTION,
  ...OUTPUT_OPTION,
} as const satisfies FlagTable;

/** Upstream's text, word for word. */
const ONE_SOURCE = 'You must specify exactly one of --template or --open-api or --proto';

/** Upstream's refusal of a bad SERVICE or namespace: `invalid service "X": [<apimachinery's messages>]`. */
function checkNames(target: Required<ProfileTarget>): void {
  const refusals = [
    ['service', target.service, dns1035LabelErrors(target.service)],
    ['namespace', target.namespace, dns1123LabelErrors(target.namespace)],
    ['cluster domain', target.clusterDomain, dns1123SubdomainErrors(target.clusterDomain)],
  ] as const;
  for (const [what, value, errors] of refusals) {
    if (errors.length) throw new MeshformError(`invalid ${what} ${JSON.stringify(value)}: [${errors.join(' ')}]`);
  }
}

async function readSpec(flag: string, path: string, io: CommandIO): Promise<{ text: string; source: string }> {
  const source = `--${flag} ${path === '-' ? '(stdin)' : path}`;
  const tooLarge = (): MeshformError => new MeshformError(`${source}: larger than ${MAX_SPEC_BYTES} bytes (refused)`);
  if (path === '-') {
    const text = await io.stdin();
    if (Buffer.byteLength(text) > MAX_SPEC_BYTES) throw tooLarge();
    return { text, source };
  }
  let size = 0;
  try {
    size = statSync(resolve(io.cwd, path)).size;
  } catch {
    // readInputFile reports the reason (no such file, permission...).
  }
  if (size > MAX_SPEC_BYTES) throw tooLarge();
  return { text: readInputFile(path, io.cwd, `--${flag}`), source };
}

export const profile: Command = async (args, io) => {
  const { values, positionals } = parseFlags(args, PROFILE_OPTIONS, true);
  const format = outputFormat(values);
  const openApi = values['open-api'] as string | undefined;
  const proto = values.proto as string | undefined;
  const sources = [values.template === true, openApi !== undefined, proto !== undefined].filter(Boolean).length;
  if (positionals.length !== 1) throw new UsageError(`accepts 1 arg(s), received ${positionals.length}: the SERVICE to profile`);
  if (sources !== 1) throw new UsageError(ONE_SOURCE);
  const target = {
    service: positionals[0],
    namespace: (values.namespace as string | undefined) ?? 'default',
    clusterDomain: (values['cluster-domain'] as string | undefined) ?? DEFAULT_CLUSTER_DOMAIN,
  };
  checkNames(target);
  if (values.template === true) {
    const text = profileTemplate(target);
    io.stdout(format === 'json' ? formatProfileJson(parseYamlDocument(text, 'the template')) : text);
    return 0;
  }
  const generated =
    openApi !== undefined
      ? await readSpec('open-api', openApi, io).then(({ text, source }) => profileFromOpenApi(text, source, target))
      : await readSpec('proto', proto as string, io).then(({ text, source }) => profileFromProto(text, source, target));
  io.stdout(format === 'json' ? formatProfileJson(generated) : formatProfileYaml(generated));
  return 0;
};
