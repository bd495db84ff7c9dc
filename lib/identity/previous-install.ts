/**
 * What a previous control-plane install left in its manifests (a render, or `kubectl get -o yaml`
 * of the cluster), as `meshform upgrade --from-manifests` needs it: the values it was rendered with,
 * its identity and its webhook serving certificates.
 *
 * - values: ConfigMap `linkerd-config`, key `values` (the dump; private keys are not in it);
 * - trust anchors: ConfigMap `linkerd-identity-trust-roots`, key `ca-bundle.crt` (what proxies trust
 *   now), else the dump's `identityTrustAnchorsPEM`;
 * - issuer: Secret `linkerd-identity-issuer`, keys `crt.pem` / `key.pem` (`tls.crt` / `tls.key` also
 *   read), base64 `data` or `stringData` — only with scheme `linkerd.io/tls`: an external issuer's
 *   Secret belongs to cert-manager;
 * - webhooks: Secrets `linkerd-<name>-k8s-tls` (`tls.crt` / `tls.key`) unless the values say
 *   `externalSecret`; their CA bundles are in the dump.
 */
import { MeshformError, type ValidationIssue } from '../errors.js';
import { TRUST_ROOTS_CONFIGMAP, TRUST_ROOTS_KEY } from '../k8s/names.js';
import { parseYamlDocument } from '../yaml-input.js';
import { storedOverrides } from '../values/mesh/stored-values.js';
import { getPath, isTree, type ValueTree } from '../values/tree.js';
import { IDENTITY_ISSUER } from './cert-manager.js';
import type { TrustState } from './rotation.js';
import { findObject, secretValue, trustStateFromManifests, type Obj } from './trust-state-manifests.js';
import { CONTROL_PLANE_WEBHOOKS } from './webhook-certs.js';
import { ISSUER_SCHEME_LINKERD } from '../k8s/labels.js';

export const CONFIG_MAP = 'linkerd-config';
const CONFIG_VALUES_KEY = 'values';

export interface PreviousInstall {
  /** The values to render the upgrade from: the stored overrides plus the identity and webhook material. */
  readonly values: ValueTree;
  /** The namespace `linkerd-config` lives in, when the manifests say. */
  readonly namespace: string | undefined;
  /** The install was rendered with the HA overlay (`highAvailability: true`). */
  readonly ha: boolean;
  /** The trust state the manifests deploy, for the rotation checks; undefined when they carry none. */
  readonly trust: TrustState | undefined;
  /**
   * Material the control plane needs that the manifests lack (a Secret not included), by value path;
   * the caller decides whether flags supply it.
   */
  readonly missing: readonly ValidationIssue[];
  /** The object each value taken from an object (not from the stored values) came from, by value path prefix. */
  readonly origins: Readonly<Record<string, string>>;
}

/** Reads `objects` (Lists already flattened); throws a MeshformError naming `source` when they are no install. */
export function previousInstall(objects: readonly unknown[], source: string): PreviousInstall {
  const fail = (message: string): never => {
    throw new MeshformError(`${source}: ${message}`);
  };
  const config = findObject(objects, 'ConfigMap', CONFIG_MAP);
  if (!config) {
    return fail(
      `no ConfigMap ${CONFIG_MAP} (it holds the values the control plane was rendered with): give a render of the control plane, ` +
        `or the output of kubectl get -n linkerd configmap secret -o yaml`,
    );
  }
  const text = isTree(config.data) ? config.data[CONFIG_VALUES_KEY] : undefined;
  if (typeof text !== 'string') return fail(`ConfigMap ${CONFIG_MAP} has no data.${CONFIG_VALUES_KEY} string`);
  // The one bounded reader: aliases cannot expand without limit, prototype keys are refused.
  const dump = parseYamlDocument(text, `${source}: ConfigMap ${CONFIG_MAP} data.${CONFIG_VALUES_KEY}`);
  if (!isTree(dump)) return fail(`ConfigMap ${CONFIG_MAP} data.${CONFIG_VALUES_KEY} is not a YAML map of values`);

  const values = storedOverrides(dump);
  const missing: ValidationIssue[] = [];
  const origins: Record<string, string> = {};
  const anchors = stringData(findObject(objects, 'ConfigMap', TRUST_ROOTS_CONFIGMAP), TRUST_ROOTS_KEY);
  if (anchors?.trim()) {
    values.identityTrustAnchorsPEM = asStored(getPath(dump, 'identityTrustAnchorsPEM'), anchors);
    origins.identityTrustAnchorsPEM = `ConfigMap ${TRUST_ROOTS_CONFIGMAP}`;
  }

  const scheme = getPath(dump, 'identity.issuer.scheme');
  if (scheme === undefined || scheme === ISSUER_SCHEME_LINKERD) {
    const secret = findObject(objects, 'Secret', IDENTITY_ISSUER);
    const crt = pick(secret, ['crt.pem', 'tls.crt']);
    const key = pick(secret, ['key.pem', 'tls.key']);
    if (crt !== undefined && key !== undefined) {
      setPath(values, ['identity', 'issuer', 'tls'], storedPair(getPath(dump, 'identity.issuer.tls.crtPEM'), crt, key));
      origins['identity.issuer.tls'] = `Secret ${IDENTITY_ISSUER}`;
    } else {
      missing.push({ path: 'identity.issuer.tls.keyPEM', value: undefined, message: `${source}: no Secret ${IDENTITY_ISSUER} with crt.pem and key.pem (the issuer's key is kept only there)` });
    }
  }

  for (const spec of CONTROL_PLANE_WEBHOOKS) {
    if (getPath(dump, `${spec.valuesKey}.externalSecret`) === true) continue;
    const name = `${spec.serviceName}-k8s-tls`;
    const secret = findObject(objects, 'Secret', name);
    const crt = pick(secret, ['tls.crt']);
    const key = pick(secret, ['tls.key']);
    if (crt !== undefined && key !== undefined) {
      setPath(values, [spec.valuesKey], storedPair(getPath(dump, `${spec.valuesKey}.crtPEM`), crt, key));
      origins[spec.valuesKey] = `Secret ${name}`;
    } else {
      missing.push({ path: `${spec.valuesKey}.keyPEM`, value: undefined, message: `${source}: no Secret ${name} with tls.crt and tls.key (the ${spec.name} webhook's key is kept only there)` });
    }
  }

  const namespace = (config.metadata as Record<string, unknown> | undefined)?.namespace;
  return {
    values,
    namespace: typeof namespace === 'string' ? namespace : undefined,
    ha: dump.highAvailability === true,
    trust: deployedTrust(objects, source),
    missing,
    origins,
  };
}

function deployedTrust(objects: readonly unknown[], source: string): TrustState | undefined {
  try {
    return trustStateFromManifests(objects);
  } catch (e) {
    if (e instanceof MeshformError) throw new MeshformError(`${source}: ${e.message}`, e.issues);
    throw e;
  }
}

function stringData(configMap: Obj | undefined, key: string): string | undefined {
  const v = isTree(configMap?.data) ? configMap.data[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/**
 * The deployed PEM, in the dump's spelling when they are the same certificates: the objects carry
 * PEM trimmed, the values as given, and a trailing newline changes the checksums the pods carry.
 */
function asStored(stored: unknown, deployed: string): string {
  return typeof stored === 'string' && stored.trim() === deployed.trim() ? stored : deployed;
}

/**
 * A certificate and key from a Secret as the values had them: the key takes the trailing whitespace
 * the dump's certificate has beyond the Secret's (both were given alike), since the webhooks' pod
 * checksums hash the key as given.
 */
function storedPair(stored: unknown, crt: string, key: string): ValueTree {
  const crtPEM = asStored(stored, crt);
  const suffix = crtPEM.startsWith(crt) ? crtPEM.slice(crt.length) : '';
  return { crtPEM, keyPEM: /^\s*$/.test(suffix) && !key.endsWith(suffix) ? key + suffix : key };
}

/** The first of `keys` the Secret holds a non-blank value for. */
function pick(secret: Obj | undefined, keys: readonly string[]): string | undefined {
  if (!secret) return undefined;
  for (const key of keys) {
    const v = secretValue(secret, key);
    if (v?.trim()) return v;
  }
  return undefined;
}

/** Merges `leaf` into the map at `path`, creating maps on the way (values already there stay). */
function setPath(tree: ValueTree, path: readonly string[], leaf: ValueTree): void {
  let node = tree;
  for (const key of path) {
    if (!isTree(node[key])) node[key] = {};
    node = node[key] as ValueTree;
  }
  Object.assign(node, leaf);
}
