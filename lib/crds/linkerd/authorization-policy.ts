/** `authorizationpolicies.policy.linkerd.io`: which authentications a target (Server, route, namespace) requires. */
import type { ICustomResourceDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition';
import { arr, crdVersion, customResourceDefinition, namespacedRef, obj, rootSchema, targetRef } from '../schema/index.js';
import { POLICY_GROUP } from './group.js';

export function authorizationPolicyCrd(): ICustomResourceDefinition {
  return customResourceDefinition({
    group: POLICY_GROUP,
    names: {
      kind: 'AuthorizationPolicy',
      plural: 'authorizationpolicies',
      singular: 'authorizationpolicy',
      shortNames: ['authzpolicy'],
    },
    versions: [
      crdVersion({
        name: 'v1alpha1',
        storage: true,
        schema: rootSchema(
          obj({ targetRef: targetRef(), requiredAuthenticationRefs: arr(namespacedRef()) }, [
            'targetRef',
            'requiredAuthenticationRefs',
          ]),
        ),
      }),
    ],
  });
}
