/**
 * The Pulumi program (`Pulumi.yaml` main): stack config → one `LinkerdMesh`. Parsing is the pure
 * `parseStackConfig`; only the issuer secrets are read here, with `requireSecret`. The mesh creates its
 * own Kubernetes provider (mutable ConfigMaps and Secrets) from the stack's `kubernetes:*` config.
 */
import * as pulumi from '@pulumi/pulumi';
import { LinkerdMesh } from './components/linkerd-mesh.js';
import { parseStackConfig } from './config.js';

const config = new pulumi.Config('meshform');
const settings = parseStackConfig(
  (key) => config.get(key),
  (message) => void pulumi.log.warn(message),
);
const provided = settings.identity === 'provided';

const mesh = new LinkerdMesh('linkerd', {
  version: settings.version,
  imageTag: settings.imageTag,
  retainCrds: settings.retainCrds,
  adopt: settings.adopt,
  ...(settings.multicluster
    ? { multiclusterGateway: { serviceType: settings.gateway.serviceType, await: settings.gateway.await, awaitSeconds: settings.gateway.awaitSeconds || undefined } }
    : {}),
  ha: settings.ha,
  topologySpread: settings.topologySpread,
  viz: settings.viz,
  cni: settings.cni,
  multicluster: settings.multicluster,
  identity: settings.identity,
  values: settings.values,
  namespace: settings.namespace,
  trustDomain: settings.trustDomain,
  trustAnchorPem: settings.trustAnchorPem,
  issuerCertPem: provided ? config.requireSecret('issuerCertPem') : undefined,
  issuerKeyPem: provided ? config.requireSecret('issuerKeyPem') : undefined,
  certManager: settings.certManager,
});

export const namespace = mesh.namespace;
// With identity cert-manager the anchors exist only in-cluster (ConfigMap linkerd-identity-trust-roots):
// the output is left out rather than exported empty.
export const trustAnchorPem = settings.identity === 'cert-manager' ? undefined : mesh.trustAnchorPem;
export const linkerdVersion = mesh.linkerdVersion;
export const proxyVersion = mesh.proxyVersion;
/** The mesh's public facts for application teams (`meshWorkload(d, { mesh })`): `pulumi stack output meshReference --json`. */
export const meshReference = mesh.reference;
