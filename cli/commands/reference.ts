/**
 * `meshform reference [-f VALUES]... [--set K=V]... [--ha] [-n NS] | --from-manifests FILE|-` [-o yaml|json]:
 * prints the installed mesh's MeshReference, the public facts app code meshes workloads with
 * (`meshWorkload(d, { mesh })`, `inject --mesh-reference`): versions, domains, namespace, trust anchors,
 * proxy defaults. Never a key: the issuer is not needed and not read.
 */
import { MeshformError } from '../../lib/errors.js';
import { meshReferenceFromManifests, meshReferenceFromValues, type MeshReference } from '../../lib/mesh-reference/index.js';
import { resolveMeshValues } from '../../lib/values/mesh/resolve.js';
import { mergeUserValues } from '../../lib/values/tree.js';
import { manifestObjects, readManifests } from '../deployed.js';
import type { FlagTable } from '../help.js';
import { IDENTITY_OPTIONS, identityFlagValues } from '../install-flags.js';
import { UsageError, type Command } from '../io.js';
import { formatObjects, OUTPUT_OPTION, outputFormat } from '../render.js';
import { parseValueFlags } from '../value-flags.js';

const FROM_MANIFESTS = 'from-manifests';

/** The identity flags that name public facts (anchors, domains); the issuer's are install's business. */
const PUBLIC_IDENTITY_OPTIONS = {
  'identity-trust-anchors-file': IDENTITY_OPTIONS['identity-trust-anchors-file'],
  'identity-trust-domain': IDENTITY_OPTIONS['identity-trust-domain'],
  'cluster-domain': IDENTITY_OPTIONS['cluster-domain'],
} as const satisfies FlagTable;

export const REFERENCE_OPTIONS = {
  [FROM_MANIFESTS]: {
    type: 'string',
    valueName: 'FILE',
    description: 'read the installed mesh from YAML instead (a render, or kubectl get cm -n linkerd linkerd-config -o yaml; - reads stdin)',
  },
  ...PUBLIC_IDENTITY_OPTIONS,
  ...OUTPUT_OPTION,
} as const satisfies FlagTable;

/** Flags that describe the mesh by its values, which --from-manifests reads instead. */
const VALUE_SOURCES = ['values', 'set', 'set-string', 'ha', ...Object.keys(PUBLIC_IDENTITY_OPTIONS)];

export const reference: Command = async (args, io) => {
  const flags = parseValueFlags(args, io, REFERENCE_OPTIONS);
  const options = flags.options;
  const format = outputFormat(options);
  const from = options[FROM_MANIFESTS] as string | undefined;
  let ref: MeshReference;
  if (from !== undefined) {
    const given = VALUE_SOURCES.filter((name) => options[name] !== undefined && options[name] !== false);
    if (given.length) throw new UsageError(`--${FROM_MANIFESTS} reads the installed values: ${given.map((n) => `--${n}`).join(', ')} cannot be combined with it`);
    const source = `--${FROM_MANIFESTS} ${from}`;
    const objects = from === '-' ? manifestObjects(await io.stdin(), source) : readManifests(from, io.cwd, `--${FROM_MANIFESTS}`);
    const found = meshReferenceFromManifests(objects, source);
    ref = flags.namespace === undefined ? found : { ...found, controlPlaneNamespace: flags.namespace };
  } else {
    const identity = identityFlagValues(options, io.cwd);
    if (identity.issues.length) throw new MeshformError('cannot read the identity files', identity.issues);
    // The identity flags first, -f/--set over them, as install merges them. No issuer is needed.
    const values = resolveMeshValues({ user: mergeUserValues([identity.tree, flags.user]), ha: flags.ha, crdsOnly: true, ...flags.unknownValues });
    ref = meshReferenceFromValues(values, { controlPlaneNamespace: flags.namespace });
  }
  io.stdout(formatObjects([ref], format));
  return 0;
};
