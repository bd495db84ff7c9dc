/** `networkauthentications.policy.linkerd.io`: clients authenticated by source IP network. */
import type { ICustomResourceDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition';
import { crdVersion, customResourceDefinition, networks, obj, rootSchema } from '../schema/index.js';
import { POLICY_GROUP } from './group.js';

export function networkAuthenticationCrd(): ICustomResourceDefinition {
  return customResourceDefinition({
    group: POLICY_GROUP,
    names: {
      kind: 'NetworkAuthentication',
      plural: 'networkauthentications',
      singular: 'networkauthentication',
      shortNames: ['netauthn', 'networkauthn'],
    },
    versions: [
      crdVersion({ name: 'v1alpha1', storage: true, schema: rootSchema(obj({ networks: networks() }, ['networks'])) }),
    ],
  });
}
