/**
 * `ServiceProfile`: a typed `linkerd.io/v1alpha2` ServiceProfile for one Service, named as Linkerd
 * looks it up (`<service>.<namespace>.svc.<clusterDomain>`, the domain from the mesh reference) and
 * checked with the sp-validator's rules when constructed, every problem under this construct's path
 * (`app/web-profile.routes[1].timeout`).
 *
 * Mind the trap (docs/service-profiles.md): a profile with routes or dstOverrides takes over the
 * Service's routing — its HTTPRoutes/GRPCRoutes and retry/timeout annotations are ignored and
 * circuit breaking is off. `overridesPolicy` says whether this one does.
 */
import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { IssueCollector, joinPath } from '../../lib/errors.js';
import type { MeshReference } from '../../lib/mesh-reference/types.js';
import {
  DEFAULT_CLUSTER_DOMAIN,
  buildServiceProfile,
  profileOverridesPolicy,
  type ServiceProfileObject,
  type ServiceProfileSpec,
} from '../../lib/service-profile/index.js';
import { serviceRef, type ServiceLike } from '../traffic/service-ref.js';

export interface ServiceProfileProps extends ServiceProfileSpec {
  /** The Service to profile: its name, or the Service construct itself. */
  readonly service: ServiceLike;
  /** The Service's namespace. @default - the Service construct's namespace, else the chart's, else `default` */
  readonly namespace?: string;
  /** The mesh the Service is in: its `clusterDomain` completes the profile's name. @default - `clusterDomain` */
  readonly mesh?: MeshReference;
  /** The cluster domain, when no `mesh` is given. @default - `mesh.clusterDomain`, else `cluster.local` */
  readonly clusterDomain?: string;
}

export class ServiceProfile extends Construct {
  /** `<service>.<namespace>.svc.<clusterDomain>`. */
  readonly name: string;
  readonly namespace: string;
  /** The Service profiled. */
  readonly serviceName: string;
  /** True when the profile has routes or dstOverrides, so it overrides the Service's routes, retries, timeouts and circuit breaking. */
  readonly overridesPolicy: boolean;
  /** The rendered object. */
  readonly object: ServiceProfileObject;
  readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, props: ServiceProfileProps) {
    super(scope, id);
    const at = this.node.path;
    const { service, namespace, mesh, clusterDomain, ...spec } = props;
    const ref = serviceRef(service);
    const serviceName = ref.name;
    const resolvedNamespace = namespace ?? ref.namespace ?? Chart.of(this).namespace ?? 'default';
    const meshDomain = mesh?.clusterDomain;
    if (clusterDomain !== undefined && meshDomain !== undefined && clusterDomain !== meshDomain) {
      const issues = new IssueCollector();
      issues.add(joinPath(at, 'clusterDomain'), clusterDomain, `contradicts the mesh reference's clusterDomain "${meshDomain}": give one of them`);
      issues.throwIfAny(`invalid ServiceProfile ${at}`);
    }
    this.object = buildServiceProfile(
      { ...spec, service: serviceName, namespace: resolvedNamespace, clusterDomain: clusterDomain ?? meshDomain ?? DEFAULT_CLUSTER_DOMAIN },
      at,
    );
    this.name = this.object.metadata.name;
    this.namespace = resolvedNamespace;
    this.serviceName = serviceName;
    this.overridesPolicy = profileOverridesPolicy(this.object.spec);
    // `Resource`: the traffic checks name a wrapped object by this construct's path.
    this.apiObject = new ApiObject(this, 'Resource', this.object as unknown as ConstructorParameters<typeof ApiObject>[2]);
  }
}
