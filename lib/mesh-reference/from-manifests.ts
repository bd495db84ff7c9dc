/**
 * A mesh reference read from manifests: a render of the control plane, or what
 * `kubectl get cm -n linkerd linkerd-config [linkerd-identity-trust-roots] -o yaml` prints (the
 * ConfigMap alone, or a List). The values come from `linkerd-config`'s `values` dump, the namespace
 * from its metadata; the trust anchors from the dump, else from `linkerd-identity-trust-roots`
 * (an external CA's bundle, which the dump leaves empty).
 */
import { MeshformError } from '../errors.js';
import { CONFIG_MAP } from '../identity/previous-install.js';
import { findObject, type Obj } from '../identity/trust-state-manifests.js';
import { TRUST_ROOTS_CONFIGMAP, TRUST_ROOTS_KEY } from '../k8s/names.js';
import { isTree } from '../values/tree.js';
import { parseYamlDocument } from '../yaml-input.js';
import { meshReferenceFromDump } from './from-values.js';
import { parseMeshReference } from './resolve.js';
import type { MeshReference } from './types.js';

const VALUES_KEY = 'values';

/** Objects with `kind: List` replaced by their items. */
function flatten(objects: readonly unknown[]): unknown[] {
  return objects.flatMap((o) => (isTree(o) && o.kind === 'List' && Array.isArray(o.items) ? (o.items as unknown[]) : [o]));
}

function dataString(configMap: Obj | undefined, key: string): string | undefined {
  const value = isTree(configMap?.data) ? configMap.data[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** Reads `objects`; throws a MeshformError naming `source` when `linkerd-config` or its values are missing. */
export function meshReferenceFromManifests(objects: readonly unknown[], source = 'manifests'): MeshReference {
  const all = flatten(objects);
  const config = findObject(all, 'ConfigMap', CONFIG_MAP);
  if (!config) {
    throw new MeshformError(
      `${source}: no ConfigMap ${CONFIG_MAP} (its values are what the proxy injector applies): give a render of the control plane, ` +
        `or the output of kubectl get cm -n linkerd ${CONFIG_MAP} -o yaml`,
    );
  }
  const where = `${source}: ConfigMap ${CONFIG_MAP} data.${VALUES_KEY}`;
  const text = dataString(config, VALUES_KEY);
  if (text === undefined) throw new MeshformError(`${where}: missing (expected the values dump as a YAML string)`);
  const dump = parseYamlDocument(text, where);
  if (!isTree(dump)) throw new MeshformError(`${where}: not a YAML map of values`);
  const namespace = isTree(config.metadata) ? config.metadata.namespace : undefined;
  const reference = meshReferenceFromDump(dump, {
    controlPlaneNamespace: typeof namespace === 'string' && namespace ? namespace : undefined,
    fallbackTrustAnchorsPem: dataString(findObject(all, 'ConfigMap', TRUST_ROOTS_CONFIGMAP), TRUST_ROOTS_KEY),
  });
  // Manifests are input: what they hold is checked as any reference is, before app code relies on it.
  return parseMeshReference(reference, `mesh reference read from ${source}`);
}
