/**
 * `egressnetworks.policy.linkerd.io`: destinations outside the cluster and whether traffic to them is
 * allowed by default. Objects in the global egress namespace (`linkerd-egress`) apply mesh-wide.
 */
import type { ICustomResourceDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition';
import {
  crdVersion,
  customResourceDefinition,
  enumStr,
  linkerdConditions,
  networks,
  obj,
  rootSchema,
} from '../schema/index.js';
import { POLICY_GROUP } from './group.js';

export function egressNetworkCrd(): ICustomResourceDefinition {
  return customResourceDefinition({
    group: POLICY_GROUP,
    names: {
      categories: ['policy'],
      kind: 'EgressNetwork',
      listKind: 'EgressNetworkList',
      plural: 'egressnetworks',
      singular: 'egressnetwork',
    },
    versions: [
      crdVersion({
        name: 'v1alpha1',
        storage: true,
        statusSubresource: true,
        schema: rootSchema(
          obj({ trafficPolicy: enumStr(['Allow', 'Deny']), networks: networks() }, ['trafficPolicy']),
          { typeMeta: true, status: obj({ conditions: linkerdConditions() }) },
        ),
      }),
    ],
  });
}
