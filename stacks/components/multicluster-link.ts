/**
 * `MulticlusterLink`: links a source cluster to a target cluster without the CLI — what upstream's
 * `multicluster allow` (on the target) and `link-gen` + `install --set controllers[0].link.ref.name`
 * (on the source) produce, across two Kubernetes providers:
 * - target: the remote-access ServiceAccount `linkerd-service-mirror-remote-access-<name>`, its
 *   long-lived token Secret and read-only RBAC; then the token and the gateway address are read back;
 * - source: `cluster-credentials-<name>` (kubeconfig, a secret) in the multicluster and linkerd
 *   namespaces, the `Link`, and the link's service-mirror controller.
 * Both clusters must already run the mesh with the multicluster extension (e.g. `LinkerdMesh`).
 */
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { controllerObjects } from '../../constructs/multicluster/controller.js';
import { remoteAccessObjects } from '../../constructs/multicluster/remote-access.js';
import { resolveMulticlusterValues } from '../../lib/values/multicluster/resolve.js';
import { mergeUserValues, type ValueTree } from '../../lib/values/tree.js';
import { credentialsSecrets, linkObject, REMOTE_ACCESS_PREFIX, remoteKubeconfig, type LinkSettings } from '../render/link-objects.js';
import { createKubeResource, type KubeManifest } from './kube-resource.js';

export interface MulticlusterLinkArgs {
  /** Provider of the cluster that mirrors services (runs the controller). */
  readonly sourceProvider: k8s.Provider;
  /** Provider of the cluster whose services are mirrored. */
  readonly targetProvider: k8s.Provider;
  /** The target's API server URL as the source cluster reaches it. */
  readonly targetApiServer: pulumi.Input<string>;
  /** Link name. @default - the component's name */
  readonly linkName?: string;
  /** Comma-separated gateway addresses. @default - read from the target gateway Service's load balancer */
  readonly gatewayAddresses?: pulumi.Input<string>;
  /** @default 'linkerd-multicluster' (both clusters) */
  readonly multiclusterNamespace?: string;
  /** @default 'linkerd' (both clusters) */
  readonly linkerdNamespace?: string;
  /** The target's trust domain. @default 'cluster.local' */
  readonly targetTrustDomain?: string;
  /** The target's cluster domain. @default 'cluster.local' */
  readonly targetClusterDomain?: string;
  /** @default 'linkerd-gateway' */
  readonly gatewayName?: string;
  /** @default 4143 */
  readonly gatewayPort?: number;
  /** @default 4191 */
  readonly probePort?: number;
  /** @default 3 */
  readonly probeSeconds?: number;
  /** @default 'mirror.linkerd.io/exported=true' */
  readonly selector?: string;
  /** Linkerd version of the controller image. @default - LINKERD_VERSION */
  readonly version?: string;
  /** Raw upstream multicluster values for the controller render (e.g. `controllerDefaults`). @default {} */
  readonly values?: ValueTree;
}

export class MulticlusterLink extends pulumi.ComponentResource {
  readonly linkName: string;
  /** The gateway address written into the Link. */
  readonly gatewayAddress: pulumi.Output<string>;
  /** The remote-access token (secret). */
  readonly token: pulumi.Output<string>;

  constructor(name: string, args: MulticlusterLinkArgs, opts?: pulumi.ComponentResourceOptions) {
    super('meshform:index:MulticlusterLink', name, {}, opts);
    const link = args.linkName ?? name;
    const mcNamespace = args.multiclusterNamespace ?? 'linkerd-multicluster';
    const settings: LinkSettings = {
      name: link,
      multiclusterNamespace: mcNamespace,
      linkerdNamespace: args.linkerdNamespace ?? 'linkerd',
      trustDomain: args.targetTrustDomain ?? 'cluster.local',
      clusterDomain: args.targetClusterDomain ?? 'cluster.local',
      gatewayName: args.gatewayName ?? 'linkerd-gateway',
      gatewayNamespace: mcNamespace,
      gatewayPort: args.gatewayPort ?? 4143,
      probePort: args.probePort ?? 4191,
      probePath: '/ready',
      probeSeconds: args.probeSeconds ?? 3,
      selector: args.selector ?? 'mirror.linkerd.io/exported=true',
      remoteDiscoverySelector: 'mirror.linkerd.io/exported=remote-discovery',
      federatedServiceSelector: 'mirror.linkerd.io/federated=member',
      excludedAnnotations: [],
      excludedLabels: [],
    };
    const serviceAccount = `${REMOTE_ACCESS_PREFIX}${link}`;
    const values = resolveMulticlusterValues({
      user: mergeUserValues([
        args.values ?? {},
        {
          remoteMirrorServiceAccountName: serviceAccount,
          linkerdNamespace: settings.linkerdNamespace,
          ...(args.version ? { linkerdVersion: args.version } : {}),
          controllers: [{ link: { ref: { name: link } } }],
        },
      ]),
    });
    const ctx = { values, namespace: mcNamespace };
    const onTarget = { parent: this, provider: args.targetProvider };
    const onSource = { parent: this, provider: args.sourceProvider };

    // Target: what `multicluster allow` renders.
    const access = remoteAccessObjects({ ...ctx, values: { ...values, remoteMirrorServiceAccount: true } });
    const targetResources = access.map((o) => createKubeResource(`${name}-target`, o, onTarget));
    const tokenSecret = k8s.core.v1.Secret.get(`${name}-token`, `${mcNamespace}/${serviceAccount}-token`, {
      ...onTarget,
      dependsOn: targetResources,
    });
    const data = pulumi.secret(tokenSecret.data);
    this.token = pulumi.secret(data.apply((d) => Buffer.from(d?.token ?? '', 'base64').toString('utf8')));
    const caDataB64 = pulumi.secret(data.apply((d) => d?.['ca.crt'] ?? ''));
    this.gatewayAddress = args.gatewayAddresses !== undefined ? pulumi.output(args.gatewayAddresses) : readGatewayAddress(name, settings, onTarget);

    // Source: what `link-gen` prints, then the controller.
    const kubeconfig = pulumi.secret(
      pulumi.all([this.token, caDataB64, args.targetApiServer]).apply(([token, ca, server]) =>
        Buffer.from(remoteKubeconfig({ clusterName: link, server, caDataB64: ca, serviceAccount, token }), 'utf8').toString('base64'),
      ),
    );
    const credentials = credentialsSecrets(settings, kubeconfig).map((o) => createKubeResource(`${name}-source`, o as KubeManifest, onSource));
    const linkResource = createKubeResource(`${name}-source`, linkObject(settings, this.gatewayAddress), { ...onSource, dependsOn: credentials });
    const controller = values.controllers[0];
    for (const o of controllerObjects(ctx, controller)) createKubeResource(`${name}-source`, o, { ...onSource, dependsOn: [linkResource] });

    this.linkName = link;
    this.registerOutputs({ linkName: link, gatewayAddress: this.gatewayAddress, token: this.token });
  }
}

/** The target gateway Service's first load-balancer address (IP or hostname). */
function readGatewayAddress(name: string, s: LinkSettings, opts: pulumi.CustomResourceOptions): pulumi.Output<string> {
  const service = k8s.core.v1.Service.get(`${name}-gateway`, `${s.gatewayNamespace}/${s.gatewayName}`, opts);
  return service.status.apply((st) => {
    const ingress = st?.loadBalancer?.ingress ?? [];
    return ingress.map((i) => i.ip || i.hostname).filter(Boolean).join(',');
  });
}
