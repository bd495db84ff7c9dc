/**
 * When an applied object is ready, for the waits between phases: CRDs Established (their kinds can
 * be created), workloads rolled out, cert-manager's issuers and certificates Ready (the control
 * plane mounts the Secrets they write), trust-manager's Bundle Synced (the trust-roots ConfigMap exists).
 */
import type { KubeObject } from '../manifest.js';
import { apiGroup } from './object-scope.js';

export type Readiness =
  /** `kubectl rollout status`: every replica runs the current template. */
  | { readonly wait: 'rollout' }
  /** `kubectl wait --for condition=<condition>`. */
  | { readonly wait: 'condition'; readonly condition: string };

const ROLLOUT: Readiness = { wait: 'rollout' };
const condition = (name: string): Readiness => ({ wait: 'condition', condition: name });

const BY_GROUP_KIND: Readonly<Record<string, Readiness>> = {
  'apiextensions.k8s.io/CustomResourceDefinition': condition('Established'),
  'apps/Deployment': ROLLOUT,
  'apps/StatefulSet': ROLLOUT,
  'apps/DaemonSet': ROLLOUT,
  'batch/Job': condition('Complete'),
  'cert-manager.io/Certificate': condition('Ready'),
  'cert-manager.io/Issuer': condition('Ready'),
  'cert-manager.io/ClusterIssuer': condition('Ready'),
  'trust.cert-manager.io/Bundle': condition('Synced'),
};

/** How to tell the object is ready; undefined for objects that are ready once applied. */
export function readinessOf(object: KubeObject): Readiness | undefined {
  return BY_GROUP_KIND[`${apiGroup(object.apiVersion)}/${object.kind}`];
}

/**
 * Flux's health assessment (kstatus) reads workloads' rollout and a `Ready` condition; a condition
 * of another name (the Bundle's `Synced`) it cannot judge, so such objects are left out of its checks.
 */
export function fluxCanAssess(readiness: Readiness): boolean {
  return readiness.wait === 'rollout' || ['Ready', 'Established', 'Complete'].includes(readiness.condition);
}
