/**
 * `FaultInjection`: the fault backend Linkerd's docs describe (a Deployment answering every request
 * with one HTTP status, its Service and NGINX ConfigMap). A route rule sends it a share of traffic
 * with `fault: faults.share(5)`; the rule's other backends keep their proportions exactly.
 */
import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { buildFaultBackend, type FaultBackendSpec } from '../../lib/traffic/fault-backend.js';
import type { FaultSplit } from '../../lib/traffic/http-route.js';
import type { ServiceBackend } from '../../lib/traffic/refs.js';
import { addObject } from '../kube-object.js';

export interface FaultInjectionProps extends Omit<FaultBackendSpec, 'name'> {
  /**
   * Name of the Deployment, Service and ConfigMap.
   * @default - the construct id
   */
  readonly name?: string;
}

export class FaultInjection extends Construct {
  readonly configMap: ApiObject;
  readonly deployment: ApiObject;
  readonly service: ApiObject;
  /** The Service routes send faulty traffic to. */
  readonly backend: ServiceBackend;
  readonly status: number;

  constructor(scope: Construct, id: string, props: FaultInjectionProps) {
    super(scope, id);
    const built = buildFaultBackend({ ...props, name: props.name ?? id }, this.node.path);
    this.configMap = addObject(this, built.configMap);
    this.deployment = addObject(this, built.deployment);
    this.service = addObject(this, built.service);
    this.backend = built.backend;
    this.status = props.status;
  }

  /** A rule's `fault`: `percent` % of the rule's traffic answered with this backend's status. */
  share(percent: number): FaultSplit {
    return { backend: this.backend, percent };
  }
}
