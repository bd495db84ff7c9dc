/**
 * The linkerd2-cni chart: the CNI plugin DaemonSet that sets up each meshed pod's iptables rules at
 * network setup, so pods need no privileged `linkerd-init` container. Install it before a control plane
 * with `cniEnabled: true`.
 */
import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import { DEFAULT_NAMESPACES } from '../../lib/assembly/namespaces.js';
import type { CniValues } from '../../lib/values/cni/types.js';
import { addObject } from '../kube-object.js';
import { cniConfigMap } from './config-map.js';
import { cniDaemonSet } from './daemon-set.js';
import { kube } from './labels.js';
import { cniNamespace } from './namespace.js';
import { cniClusterRole, cniClusterRoleBinding, cniPodSecurityObjects, cniServiceAccount } from './rbac.js';

export interface CniChartProps extends ChartProps {
  /** Resolved, validated values (`resolveCniValues`). */
  readonly values: CniValues;
  /** Namespace the plugin runs in. @default 'linkerd-cni' */
  readonly namespace?: string;
}

export class CniChart extends Chart {
  /** The namespace the plugin was rendered into. */
  readonly cniNamespace: string;

  constructor(scope: Construct, id: string, props: CniChartProps) {
    const namespace = props.namespace ?? DEFAULT_NAMESPACES.cni;
    super(scope, id, { ...props, namespace: undefined });
    this.cniNamespace = namespace;
    const { values } = props;
    addObject(this, kube(cniNamespace(namespace)));
    addObject(this, kube(cniServiceAccount(values, namespace)));
    addObject(this, kube(cniClusterRole(values)));
    addObject(this, kube(cniClusterRoleBinding(values, namespace)));
    if (values.enablePSP) for (const o of cniPodSecurityObjects(values, namespace)) addObject(this, o);
    addObject(this, kube(cniConfigMap(values, namespace)));
    addObject(this, kube(cniDaemonSet(values, namespace)));
  }
}
