/** `meshtlsauthentications.policy.linkerd.io`: clients authenticated by mesh TLS identity. */
import type { ICustomResourceDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition';
import {
  arr,
  crdVersion,
  customResourceDefinition,
  exactlyOneOf,
  namespacedRef,
  obj,
  rootSchema,
  str,
} from '../schema/index.js';
import { POLICY_GROUP } from './group.js';

export function meshTlsAuthenticationCrd(): ICustomResourceDefinition {
  return customResourceDefinition({
    group: POLICY_GROUP,
    names: {
      kind: 'MeshTLSAuthentication',
      plural: 'meshtlsauthentications',
      singular: 'meshtlsauthentication',
      shortNames: ['meshtlsauthn'],
    },
    versions: [
      crdVersion({
        name: 'v1alpha1',
        storage: true,
        schema: rootSchema(
          obj(
            {
              identities: arr(str(), { minItems: 1 }),
              // A ServiceAccount ref names one account; a Namespace ref (kind only) all of its accounts.
              identityRefs: arr(namespacedRef({ required: ['kind'] }), { minItems: 1 }),
            },
            [],
            { oneOf: exactlyOneOf('identities', 'identityRefs') },
          ),
        ),
      }),
    ],
  });
}
