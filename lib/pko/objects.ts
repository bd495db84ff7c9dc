/**
 * Everything the Pulumi Kubernetes Operator v2 needs (besides itself and the credentials Secret you
 * create) to run this repository's Pulumi program, in apply order: the Namespace, the workspace
 * ServiceAccount, its RBAC, the Stack.
 *
 * The Namespace is kept out of the mesh: annotated `linkerd.io/inject: disabled` and labelled
 * `config.linkerd.io/admission-webhooks: disabled`, so Linkerd's webhooks are not even called for it.
 * The program installs and upgrades the injector; with an HA injector (`failurePolicy: Fail`) down,
 * a meshed namespace could not start the workspace pod that would repair it.
 */
import { ADMISSION_WEBHOOKS_LABEL, INJECT_ANNOTATION, INJECT_DISABLED } from '../k8s/labels.js';
import type { KubeObject } from '../manifest.js';
import { pkoLabels } from './labels.js';
import { resolvePulumiOperator, type PulumiOperatorProps, type ResolvedPulumiOperator } from './props.js';
import { pkoRbacObjects } from './rbac.js';
import { pkoStack } from './stack.js';

/** The workspace ServiceAccount's name. */
export const workspaceServiceAccount = (r: ResolvedPulumiOperator): string => `${r.name}-workspace`;

export function pkoNamespace(r: ResolvedPulumiOperator): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: r.namespace, labels: { ...pkoLabels(r), [ADMISSION_WEBHOOKS_LABEL]: 'disabled' }, annotations: { [INJECT_ANNOTATION]: INJECT_DISABLED } },
  };
}

/** The objects of resolved settings, in apply order. */
export function pkoObjectsOf(r: ResolvedPulumiOperator): KubeObject[] {
  const serviceAccount = workspaceServiceAccount(r);
  return [
    pkoNamespace(r),
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: serviceAccount, namespace: r.namespace, labels: pkoLabels(r) } },
    ...pkoRbacObjects(r, serviceAccount),
    pkoStack(r, serviceAccount),
  ];
}

/** Validates `props` (a MeshformError lists every problem) and returns the objects in apply order. */
export function pulumiOperatorObjects(props: PulumiOperatorProps, path?: string): KubeObject[] {
  return pkoObjectsOf(resolvePulumiOperator(props, path));
}
