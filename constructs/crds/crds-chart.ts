/**
 * The CRD install phase (`meshform install --crds`, upstream's linkerd-crds chart): every CRD as its
 * own ApiObject, so cdk8s synth and the Pulumi stacks apply them before the control plane.
 */
import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import { linkerdCrds } from '../../lib/crds/linkerd-crds.js';
import type { CrdsValues } from '../../lib/crds/values.js';
import type { KubeObject } from '../../lib/manifest.js';
import { addObject } from '../kube-object.js';

export interface CrdsChartProps extends ChartProps {
  /** The chart values (a MeshValues object works: it carries the same keys). */
  readonly values: CrdsValues;
  /**
   * The control-plane namespace (as every phase chart names it), recorded in each CRD's
   * `linkerd.io/control-plane-ns` label. CRDs are cluster-scoped, so this is a label only: no object
   * gets a namespace.
   * @default 'linkerd'
   */
  readonly namespace?: string;
  /** @deprecated Use `namespace`. @default - `namespace` */
  readonly controlPlaneNamespace?: string;
  /**
   * The `linkerd.io/created-by` annotation.
   * @default - `linkerd/cli <release>`
   */
  readonly createdBy?: string;
}

export class CrdsChart extends Chart {
  constructor(scope: Construct, id: string, props: CrdsChartProps) {
    // The objects are cluster-scoped: the chart must not stamp a namespace on them.
    const { values, namespace, controlPlaneNamespace, createdBy, ...chartProps } = props;
    super(scope, id, { ...chartProps, namespace: undefined });
    const crds = linkerdCrds(values, { namespace: namespace ?? controlPlaneNamespace, createdBy });
    // kubernetes-models interfaces lack KubeObject's index signature; the objects are plain JSON, so
    // widening them is safe.
    for (const crd of crds) addObject(this, crd as unknown as KubeObject);
  }
}
