/**
 * `NamespacePolicy`: a namespace's inbound policy as a default plus explicit allows. It sets the
 * namespace's default inbound policy (`deny` unless said otherwise, `audit` for a dry run) and grows
 * with `allow(from, to)`, `allowVizScrapes()`, `rateLimit(...)` and `restrictEgress(...)`, each
 * writing the Servers, authentications and policies Linkerd needs under stable names.
 */
import { JsonPatch, type ApiObjectMetadataDefinition } from 'cdk8s';
import { Construct } from 'constructs';
import { IssueCollector, MeshformError } from '../../lib/errors.js';
import type { KubeObject } from '../../lib/manifest.js';
import { allowName, buildAllow, type AllowFrom } from '../../lib/policy/allow.js';
import { ALL_NETWORKS } from '../../lib/policy/networks.js';
import type { AuthorizationTarget } from '../../lib/policy/authorization-policy.js';
import { labelName } from '../../lib/policy/checks.js';
import { defaultInboundPolicyAnnotations } from '../../lib/policy/default-policy.js';
import { identityDomainOf, type IdentityDomain, type IdentityDomainSource } from '../../lib/policy/identity.js';
import type { IdentityForm } from '../../lib/policy/mesh-tls-authentication.js';
import { buildOrThrow } from '../../lib/policy/meta.js';
import type { RateLimitSpec } from '../../lib/policy/rate-limit.js';
import type { AccessPolicy, ServerSpec } from '../../lib/policy/server.js';
import { buildVizScrapes } from '../../lib/policy/viz-scrapes.js';
import { addObject } from '../kube-object.js';
import { EgressPolicy, type EgressPolicyProps } from './egress.js';
import { addPolicyObjects, isTargetSource, type AuthorizationTargetSource } from './policy-object.js';
import { HttpLocalRateLimitPolicy } from './rate-limit.js';
import { Server } from './server.js';
import { ServerRoute, type ServerRouteProps } from './server-route.js';

/** A Namespace construct to annotate (a cdk8s-plus `Namespace`, or an `ApiObject` of kind Namespace). */
export interface NamespaceLike {
  readonly metadata: ApiObjectMetadataDefinition;
}

export interface NamespacePolicyProps extends IdentityDomainSource {
  /** The namespace: its name (a Namespace object is written), or the Namespace construct to annotate. */
  readonly namespace: string | NamespaceLike;
  /**
   * What traffic to ports no Server selects gets; also the `accessPolicy` of the Servers this
   * construct writes when `audit` (a dry run: nothing is refused, unauthorized requests are flagged).
   * @default 'deny'
   */
  readonly defaultInboundPolicy?: AccessPolicy;
  /** How meshed clients are written in MeshTLSAuthentications. @default 'identities' */
  readonly identityForm?: IdentityForm;
  /** Labels on every policy object written. @default - none */
  readonly labels?: Readonly<Record<string, string>>;
}

/** A Server to write as part of an allow: its spec and name. */
export interface InlineServer extends ServerSpec {
  readonly name: string;
}

/** What an allow opens: a Server (construct, inline spec or ref), a route on a Server, or `{ kind: 'Namespace' }`. */
export type AllowTo = AuthorizationTargetSource | AuthorizationTarget | InlineServer;

export interface AllowOptions {
  /** Name of the objects written. @default - `<target>-from-<clients>` */
  readonly name?: string;
}

export interface VizScrapeOptions {
  /** @default 'linkerd-viz' */
  readonly vizNamespace?: string;
  /** @default 'prometheus' */
  readonly prometheusServiceAccount?: string;
}

export interface RateLimitOptions extends Omit<RateLimitSpec, 'server'> {
  /** @default - `<server>-rate-limit` */
  readonly name?: string;
}

const isInlineServer = (to: AllowTo): to is InlineServer => (to as InlineServer).port !== undefined && !('kind' in to);

export class NamespacePolicy extends Construct {
  readonly namespace: string;
  readonly defaultInboundPolicy: AccessPolicy;
  private readonly identityDomain: IdentityDomain;
  private readonly identityForm: IdentityForm | undefined;
  private readonly labels: Readonly<Record<string, string>> | undefined;
  private readonly inlineServers = new Map<string, { readonly server: Server; readonly spec: string }>();

  constructor(scope: Construct, id: string, props: NamespacePolicyProps) {
    super(scope, id);
    const at = this.node.path;
    const issues = new IssueCollector();
    const named = typeof props.namespace === 'string' ? props.namespace : props.namespace.metadata.name;
    issues.check(`${at}.namespace`, named, labelName(named));
    this.namespace = named ?? '';
    this.defaultInboundPolicy = props.defaultInboundPolicy ?? 'deny';
    const annotations = defaultInboundPolicyAnnotations(this.defaultInboundPolicy, at, issues);
    this.identityDomain = identityDomainOf(props, at, issues);
    issues.throwIfAny(`invalid NamespacePolicy ${at}`);
    this.identityForm = props.identityForm;
    this.labels = props.labels;
    if (typeof props.namespace === 'string') {
      const namespace = addObject(this, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: this.namespace, annotations } });
      // A Chart stamps its namespace on every object; a Namespace is cluster-scoped.
      if (namespace.metadata.namespace !== undefined) namespace.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
    } else {
      for (const [key, value] of Object.entries(annotations)) props.namespace.metadata.addAnnotation(key, value);
    }
  }

  /** The access policy of the Servers written here: `audit` in a dry run, else `deny`. */
  private get serverAccessPolicy(): AccessPolicy {
    return this.defaultInboundPolicy === 'audit' ? 'audit' : 'deny';
  }

  /** A child id not yet taken, or a MeshformError naming the clash. */
  private childId(name: string, what: string): string {
    if (this.node.tryFindChild(name)) {
      throw new MeshformError(`invalid NamespacePolicy ${this.node.path}`, [
        { path: `${this.node.path}/${name}`, value: name, message: `${what} reuses the name of an object already written here: give it its own name` },
      ]);
    }
    return name;
  }

  /** A Server in this namespace (`accessPolicy` defaults to `deny`, or `audit` in a dry run). */
  server(spec: InlineServer): Server {
    const key = JSON.stringify(spec);
    const known = this.inlineServers.get(spec.name);
    if (known && known.spec === key) return known.server;
    const server = new Server(this, this.childId(spec.name, 'this Server'), {
      accessPolicy: this.serverAccessPolicy,
      labels: this.labels,
      ...spec,
      namespace: this.namespace,
    });
    this.inlineServers.set(spec.name, { server, spec: key });
    return server;
  }

  /**
   * Authorizes `from` (ServiceAccounts, namespaces, identities, networks) to reach `to`. Identity
   * clients and networks in one call must both match; call twice for either.
   */
  allow(from: AllowFrom | readonly AllowFrom[], to: AllowTo, options: AllowOptions = {}): this {
    const clients: readonly AllowFrom[] = Array.isArray(from) ? from : [from as AllowFrom];
    const target: AuthorizationTarget = isInlineServer(to) ? this.server(to).authorizationTarget : isTargetSource(to) ? to.authorizationTarget : to;
    const name = options.name ?? allowName(target, clients, this.namespace);
    const scope = new Construct(this, this.childId(name, 'this allow'));
    const spec = { name, namespace: this.namespace, from: clients, to: target, identityDomain: this.identityDomain, form: this.identityForm, labels: this.labels };
    this.write(scope, 'allow', (issues) => buildAllow(spec, scope.node.path, issues));
    return this;
  }

  /** viz's Prometheus may scrape every proxy's admin port (Server `proxy-admin`, policy `prometheus-scrape`). */
  allowVizScrapes(options: VizScrapeOptions = {}): this {
    const scope = new Construct(this, this.childId('viz-scrapes', 'allowVizScrapes'));
    const spec = { ...options, namespace: this.namespace, identityDomain: this.identityDomain, accessPolicy: this.serverAccessPolicy, labels: this.labels };
    this.write(scope, 'allowVizScrapes', (issues) => buildVizScrapes(spec, scope.node.path, issues));
    return this;
  }

  /**
   * An inbound route on `server` (Linkerd's HTTPRoute kind unless `group` says otherwise), to pass
   * to `allow` for route-level authorization. Once a route is attached, the Server's kubelet probes
   * need a route and an allow of their own.
   */
  serverRoute(props: ServerRouteProps & { readonly name: string }): ServerRoute {
    return new ServerRoute(this, this.childId(props.name, 'this route'), { labels: this.labels, ...props, namespace: this.namespace });
  }

  /**
   * Authorizes the kubelet's probes of `server`'s pods (`GET` on `paths`, from any address), which
   * Linkerd stops doing by itself once a route is attached to the Server: a route `<server>-probes`
   * and its allow.
   */
  allowProbes(server: Server, paths: readonly string[]): this {
    const route = this.serverRoute({ name: `${server.name}-probes`, server, matches: paths.map((exact) => ({ path: { exact }, method: 'GET' as const })) });
    return this.allow({ networks: ALL_NETWORKS }, route);
  }

  /** Limits requests to `server` (requests per second: total, per identity, per ServiceAccount). */
  rateLimit(server: Server | string, limits: RateLimitOptions): this {
    const serverName = typeof server === 'string' ? server : server.name;
    const name = limits.name ?? `${serverName}-rate-limit`;
    new HttpLocalRateLimitPolicy(this, this.childId(name, 'this rate limit'), { labels: this.labels, ...limits, name, server: serverName, namespace: this.namespace });
    return this;
  }

  /** Lets only `egress.allow` out of the namespace (an EgressNetwork, deny by default, and its routes). */
  restrictEgress(egress: Omit<EgressPolicyProps, 'namespace'>): this {
    new EgressPolicy(this, this.childId(egress.name ?? 'egress', 'this egress policy'), { ...egress, namespace: this.namespace });
    return this;
  }

  private write(scope: Construct, what: string, build: (issues: IssueCollector) => KubeObject[]): void {
    addPolicyObjects(scope, buildOrThrow(what, scope.node.path, build));
  }
}
