/**
 * Objects are type-checked against their kubernetes-models interface where they are built, then
 * handed around as plain `KubeObject`s: those interfaces lack KubeObject's index signature, so the
 * widening needs an explicit (and deliberately single) cast.
 */
import type { KubeObject } from '../../lib/manifest.js';

export function asKubeObject<T extends { readonly apiVersion?: string; readonly kind?: string }>(object: T): KubeObject {
  return object as unknown as KubeObject;
}
