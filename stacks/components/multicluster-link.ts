/**
 * `MulticlusterLink`: links a source cluster to a target cluster without the CLI — what upstream's
 * `multicluster allow` (on the target) and `link-gen` + `install --set controllers[0].link.ref.name`
 * (on the source) produce, across two Kubernetes providers:
 * - target: the remote-access ServiceAccount `linkerd-service-mirror-remote-access-<name>`, its
 *   long-lived token Secret (after the ServiceAccount; the token is the created Secret's output, which
 *   the provider awaits) and read-only RBAC;
 * - read from the target, as link-gen reads them: the gateway Service (identity, ports, probe, address)
 *   and `linkerd-config` (trust and cluster domain) — or given by the caller when the same program
 *   creates them (`targetGateway`, `targetLinkerdConfig`), since a `.get` of an object the same run
 *   creates fails. Reads are skipped in a preview (their facts are unknown there), so a first preview
 *   never reads what does not exist yet;
 * - source: `cluster-credentials-<name>` (the kubeconfig built from the user's target kubeconfig, a
 *   secret) in the multicluster and linkerd namespaces, the `Link`, and the link's service-mirror controller.
 * Both clusters must already run the mesh with the multicluster extension (e.g. `LinkerdMesh`).
 * Deleting a link leaves the Services it mirrored; docs/multicluster.md has the cleanup.
 */
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { controllerObjects } from '../../constructs/multicluster/controller.js';
import { remoteAccessObjects } from '../../constructs/multicluster/remote-access.js';
import { IssueCollector, MeshformError } from '../../lib/errors.js';
import { DEFAULT_MIRROR_SELECTORS } from '../../lib/k8s/labels.js';
import { portNumberProblem } from '../../lib/k8s/ports.js';
import { resolveMulticlusterValues } from '../../lib/values/multicluster/resolve.js';
import { mergeUserValues, type ValueTree } from '../../lib/values/tree.js';
import { labelSelectorOf, type LabelSelector } from '../render/label-query.js';
import { remoteKubeconfig } from '../render/link-kubeconfig.js';
import { credentialsSecrets, linkObject, REMOTE_ACCESS_PREFIX, type LinkSettings, type LinkTarget } from '../render/link-objects.js';
import { gatewayFacts, meshFacts, type GatewayFacts, type GatewayServiceState, type NodeState } from '../render/link-target.js';
import { createKubeResource, type KubeManifest } from './kube-resource.js';
import type { LinkerdMesh } from './linkerd-mesh.js';
import { MeshPhase } from './mesh-phase.js';

export type { LabelSelector, LabelSelectorRequirement } from '../render/label-query.js';
export type { GatewayServiceState, NodeState } from '../render/link-target.js';

export interface MulticlusterLinkArgs {
  /** Provider of the cluster that mirrors services (runs the controller). */
  readonly sourceProvider: k8s.Provider;
  /** Provider of the cluster whose services are mirrored. */
  readonly targetProvider: k8s.Provider;
  /**
   * The kubeconfig `targetProvider` uses (contents or a path): the link's kubeconfig keeps its
   * context's cluster entry (server, CA, tls-server-name, proxy-url) and authenticates with the token.
   */
  readonly targetKubeconfig: pulumi.Input<string>;
  /** Context of `targetKubeconfig`. @default - its current-context */
  readonly targetContext?: string;
  /** The target's API server as the source cluster reaches it (`--api-server-address`). @default - the context cluster's server */
  readonly targetApiServer?: pulumi.Input<string>;
  /** Link name. @default - the component's name */
  readonly linkName?: string;
  /** @default 'linkerd-multicluster' (both clusters) */
  readonly multiclusterNamespace?: string;
  /** @default 'linkerd' (both clusters) */
  readonly linkerdNamespace?: string;
  /** Link through the target's gateway; false makes a remote-discovery-only link (`--gateway=false`). @default true */
  readonly gateway?: boolean;
  /** @default 'linkerd-gateway' */
  readonly gatewayName?: string;
  /** @default - the multicluster namespace */
  readonly gatewayNamespace?: string;
  /** Comma-separated gateway addresses (`--gateway-addresses`). @default - the Service's load-balancer ingress; for NodePort its external IPs, else `gatewayNodes`' addresses */
  readonly gatewayAddresses?: pulumi.Input<string>;
  /** @default - the Service's `mc-gateway` port (its node port for a NodePort Service) */
  readonly gatewayPort?: number;
  /** Target nodes whose addresses a NodePort gateway is reached at (each read from the target). @default [] */
  readonly gatewayNodes?: readonly string[];
  /** Node address type used for `gatewayNodes`. @default 'InternalIP' */
  readonly nodeAddressType?: string;
  /**
   * The target's gateway Service state, when this program creates it (nothing is then read), e.g.
   * `pulumi.all([svc.metadata, svc.spec, svc.status]).apply(([metadata, spec, status]) => ({ metadata, spec, status }))`.
   * @default - read from the target at `up`
   */
  readonly targetGateway?: pulumi.Input<GatewayServiceState>;
  /** The target's `linkerd-config` data, when this program creates it. @default - read from the target at `up` */
  readonly targetLinkerdConfig?: pulumi.Input<Record<string, string>>;
  /**
   * The target's `LinkerdMesh`, when this program creates it (with `multicluster: true`): its gateway
   * Service and `linkerd-config` are taken from the created resources' outputs; nothing is read.
   * `targetGateway` and `targetLinkerdConfig` win over it. @default - none
   */
  readonly targetMesh?: Pick<LinkerdMesh, 'phases'>;
  /** Services to mirror: a label query (`-l`) or a LabelSelector. @default 'mirror.linkerd.io/exported=true' */
  readonly selector?: string | LabelSelector;
  /** @default 'mirror.linkerd.io/exported=remote-discovery' */
  readonly remoteDiscoverySelector?: string | LabelSelector;
  /** @default 'mirror.linkerd.io/federated=member' */
  readonly federatedServiceSelector?: string | LabelSelector;
  /** Annotations not copied to mirrors. @default [] */
  readonly excludedAnnotations?: readonly string[];
  /** Labels not copied to mirrors. @default [] */
  readonly excludedLabels?: readonly string[];
  /** Linkerd version of the controller image. @default - LINKERD_VERSION */
  readonly version?: string;
  /** Raw upstream multicluster values for the controller render (e.g. `controllerDefaults`). @default {} */
  readonly values?: ValueTree;
}

/** A bad-input error as Pulumi shows it: the message, no stack. */
function userError(e: unknown, resource: pulumi.Resource): never {
  if (e instanceof MeshformError) throw new pulumi.ResourceError(e.message, resource, true);
  throw e;
}

/** A read of an object the target already has; unknown in a preview, where it may not exist yet. */
function readOnTarget<T>(read: () => pulumi.Output<T>): pulumi.Output<T> {
  return pulumi.runtime.isDryRun() ? (pulumi.output(pulumi.unknown) as unknown as pulumi.Output<T>) : read();
}

export class MulticlusterLink extends pulumi.ComponentResource {
  readonly linkName: string;
  /** The gateway address written into the Link ('' for a link without gateway; unknown in a preview). */
  readonly gatewayAddress: pulumi.Output<string>;
  /** The remote-access token (secret). */
  readonly token: pulumi.Output<string>;

  constructor(name: string, args: MulticlusterLinkArgs, opts?: pulumi.ComponentResourceOptions) {
    super('meshform:index:MulticlusterLink', name, {}, opts);
    const link = args.linkName ?? name;
    const mcNamespace = args.multiclusterNamespace ?? 'linkerd-multicluster';
    const linkerdNamespace = args.linkerdNamespace ?? 'linkerd';
    const issues = new IssueCollector();
    const settings: LinkSettings = {
      name: link,
      multiclusterNamespace: mcNamespace,
      linkerdNamespace,
      selector: labelSelectorOf(args.selector ?? DEFAULT_MIRROR_SELECTORS.exported, `${name}.selector`, issues),
      remoteDiscoverySelector: labelSelectorOf(args.remoteDiscoverySelector ?? DEFAULT_MIRROR_SELECTORS.remoteDiscovery, `${name}.remoteDiscoverySelector`, issues),
      federatedServiceSelector: labelSelectorOf(args.federatedServiceSelector ?? DEFAULT_MIRROR_SELECTORS.federated, `${name}.federatedServiceSelector`, issues),
      excludedAnnotations: args.excludedAnnotations ?? [],
      excludedLabels: args.excludedLabels ?? [],
    };
    if (args.targetKubeconfig === undefined) issues.add(`${name}.targetKubeconfig`, undefined, "is required (the target's kubeconfig, as its provider takes it)");
    if (args.gatewayPort !== undefined) issues.check(`${name}.gatewayPort`, args.gatewayPort, portNumberProblem(args.gatewayPort));
    try {
      issues.throwIfAny(`MulticlusterLink ${name}`);
    } catch (e) {
      userError(e, this);
    }
    const serviceAccount = `${REMOTE_ACCESS_PREFIX}${link}`;
    const values = resolveMulticlusterValues({
      user: mergeUserValues([
        args.values ?? {},
        {
          remoteMirrorServiceAccountName: serviceAccount,
          linkerdNamespace,
          ...(args.version ? { linkerdVersion: args.version } : {}),
          controllers: [{ link: { ref: { name: link } } }],
        },
      ]),
    });
    const ctx = { values, namespace: mcNamespace };
    const onTarget = { parent: this, provider: args.targetProvider };
    const onSource = { parent: this, provider: args.sourceProvider };

    // Target: what `multicluster allow` renders; the token Secret after its ServiceAccount (the token controller deletes a token Secret whose ServiceAccount is missing).
    const access = remoteAccessObjects({ ...ctx, values: { ...values, remoteMirrorServiceAccount: true } });
    const accountObject = access.find((o) => o.kind === 'ServiceAccount') as KubeManifest;
    const account = createKubeResource(`${name}-target`, accountObject, onTarget);
    let tokenSecret: k8s.core.v1.Secret | undefined;
    for (const o of access) {
      if (o === accountObject) continue;
      const isToken = o.kind === 'Secret';
      const created = createKubeResource(`${name}-target`, o as KubeManifest, isToken ? { ...onTarget, dependsOn: [account] } : onTarget);
      if (isToken) tokenSecret = created as k8s.core.v1.Secret;
    }
    if (!tokenSecret) throw new Error('remote access renders a token Secret');
    this.token = pulumi.secret(
      tokenSecret.data.apply((d) => {
        if (!d?.token) throw new pulumi.ResourceError(`${name}: the token Secret ${mcNamespace}/${serviceAccount}-token has no token`, this, true);
        return Buffer.from(d.token, 'base64').toString('utf8');
      }),
    );

    const target = this.targetFacts(name, args, { mcNamespace, linkerdNamespace }, onTarget);
    this.gatewayAddress = target.gateway ? (target.gateway.address as pulumi.Output<string>) : pulumi.output('');

    // Source: what `link-gen` prints, then the controller.
    const kubeconfig = pulumi.secret(
      pulumi.all([args.targetKubeconfig, args.targetApiServer, this.token]).apply(([text, apiServer, token]) => {
        try {
          const yaml = remoteKubeconfig({ kubeconfig: text, field: `${name}.targetKubeconfig`, context: args.targetContext, apiServer, serviceAccount, token });
          return Buffer.from(yaml, 'utf8').toString('base64');
        } catch (e) {
          return userError(e, this);
        }
      }),
    );
    const credentials = credentialsSecrets(settings, target, kubeconfig).map((o) => createKubeResource(`${name}-source`, o as KubeManifest, onSource));
    const linkResource = createKubeResource(`${name}-source`, linkObject(settings, target), { ...onSource, dependsOn: credentials });
    const controller = values.controllers[0];
    for (const o of controllerObjects(ctx, controller)) createKubeResource(`${name}-source`, o, { ...onSource, dependsOn: [linkResource] });

    this.linkName = link;
    this.registerOutputs({ linkName: link, gatewayAddress: this.gatewayAddress, token: this.token });
  }

  /** The target's mesh and gateway facts, from the caller or read from the target (preview-safe). */
  private targetFacts(
    name: string,
    args: MulticlusterLinkArgs,
    ns: { readonly mcNamespace: string; readonly linkerdNamespace: string },
    onTarget: pulumi.CustomResourceOptions,
  ): LinkTarget {
    const configWhere = `ConfigMap ${ns.linkerdNamespace}/linkerd-config`;
    const fromMesh = (kind: 'Service' | 'ConfigMap', namespace: string, objectName: string) =>
      args.targetMesh ? createdObject(args.targetMesh, kind, namespace, objectName, this) : undefined;
    const configData =
      args.targetLinkerdConfig !== undefined
        ? pulumi.output(args.targetLinkerdConfig)
        : (fromMesh('ConfigMap', ns.linkerdNamespace, 'linkerd-config')?.apply((c) => c.data as Record<string, string>) ??
          readOnTarget(() => k8s.core.v1.ConfigMap.get(`${name}-target-linkerd-config`, `${ns.linkerdNamespace}/linkerd-config`, onTarget).data));
    const mesh = configData.apply((data) => {
      try {
        return meshFacts(data, configWhere);
      } catch (e) {
        return userError(e, this);
      }
    });
    const facts = { trustDomain: mesh.trustDomain, clusterDomain: mesh.clusterDomain };
    if (args.gateway === false) return facts;

    const gatewayNamespace = args.gatewayNamespace ?? ns.mcNamespace;
    const gatewayName = args.gatewayName ?? 'linkerd-gateway';
    const service =
      args.targetGateway !== undefined
        ? pulumi.output(args.targetGateway as pulumi.Input<GatewayServiceState>)
        : (fromMesh('Service', gatewayNamespace, gatewayName) as pulumi.Output<GatewayServiceState> | undefined) ??
          readOnTarget(() => {
            const svc = k8s.core.v1.Service.get(`${name}-target-gateway`, `${gatewayNamespace}/${gatewayName}`, onTarget);
            return pulumi.all([svc.metadata, svc.spec, svc.status]).apply(([metadata, spec, status]) => ({ metadata, spec, status }) as GatewayServiceState);
          });
    const nodes = (args.gatewayNodes ?? []).map((node) =>
      readOnTarget(() => k8s.core.v1.Node.get(`${name}-target-node-${node}`, node, onTarget).status.apply((status) => ({ metadata: { name: node }, status }) as NodeState)),
    );
    const gateway: pulumi.Output<GatewayFacts> = pulumi
      .all([service, pulumi.all(nodes), args.gatewayAddresses])
      .apply(([svc, nodeStates, addresses]) => {
        try {
          const named = { ...svc, metadata: { name: gatewayName, namespace: gatewayNamespace, ...svc.metadata } };
          return gatewayFacts(named, nodeStates, { addresses, port: args.gatewayPort, nodeAddressType: args.nodeAddressType });
        } catch (e) {
          return userError(e, this);
        }
      });
    return {
      ...facts,
      gateway: {
        address: gateway.address,
        identity: gateway.identity,
        port: gateway.port.apply(String),
        probe: gateway.probe.apply((p) => ({ path: p.path, port: String(p.port), period: p.period })),
      },
    };
  }
}

/** State of a created object, as far as a link reads it. */
interface CreatedState {
  readonly metadata?: { readonly name?: string; readonly namespace?: string };
  readonly spec?: unknown;
  readonly status?: unknown;
  readonly data?: unknown;
}

/**
 * The outputs of a Service or ConfigMap a `LinkerdMesh` of this program creates, found by namespace
 * and name among its phases' resources; a `MeshformError` when the mesh has none (e.g. no multicluster).
 */
function createdObject(mesh: Pick<LinkerdMesh, 'phases'>, kind: 'Service' | 'ConfigMap', namespace: string, name: string, link: pulumi.Resource): pulumi.Output<CreatedState> {
  const resources = [...mesh.phases.values()].flatMap((phase) => (phase instanceof MeshPhase ? phase.resources : []));
  const states =
    kind === 'Service'
      ? resources.filter((r) => k8s.core.v1.Service.isInstance(r)).map((r) => {
          const s = r as k8s.core.v1.Service;
          return pulumi.all([s.metadata, s.spec, s.status]).apply(([metadata, spec, status]): CreatedState => ({ metadata, spec, status }));
        })
      : resources.filter((r) => k8s.core.v1.ConfigMap.isInstance(r)).map((r) => {
          const c = r as k8s.core.v1.ConfigMap;
          return pulumi.all([c.metadata, c.data]).apply(([metadata, data]): CreatedState => ({ metadata, data }));
        });
  return pulumi.output(states).apply((all: readonly CreatedState[]): CreatedState => {
    const found = all.find((o) => o.metadata?.name === name && (o.metadata?.namespace ?? '') === namespace);
    if (!found) return userError(new MeshformError(`targetMesh creates no ${kind} ${namespace}/${name}`, [{ path: 'targetMesh', value: undefined, message: `needs the ${kind} ${namespace}/${name} (is multicluster on?)` }]), link);
    return found;
  });
}
