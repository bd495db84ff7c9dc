/**
 * `FlaggerCanary`: progressive delivery of a Deployment on Linkerd with Flagger. meshform writes the
 * Canary and its metric templates; Flagger creates the primary/canary Deployments and Services and
 * moves the HTTPRoute weights step by step while Linkerd's metrics stay within the thresholds.
 */
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { addObject } from '../kube-object.js';
import { canaryObjects } from './canary-objects.js';
import { resolveCanaryProps, type FlaggerCanaryProps, type ResolvedCanary } from './canary-props.js';

export interface FlaggerCanaryConstructProps extends FlaggerCanaryProps {
  /**
   * Name of the Canary (the MetricTemplates are `<name>-success-rate` and `<name>-latency`).
   * @default - the Deployment's name
   */
  readonly name?: string;
}

export class FlaggerCanary extends Construct {
  /** The validated settings, defaults applied. */
  readonly settings: ResolvedCanary;
  readonly canary: ApiObject;
  readonly metricTemplates: readonly ApiObject[];

  constructor(scope: Construct, id: string, props: FlaggerCanaryConstructProps) {
    super(scope, id);
    this.settings = resolveCanaryProps(props, this.node.path);
    const objects = canaryObjects(props.name ?? props.deployment, this.settings).map((o) => addObject(this, o));
    this.canary = objects[objects.length - 1];
    this.metricTemplates = objects.slice(0, -1);
  }
}
