/** `httplocalratelimitpolicies.policy.linkerd.io`: per-proxy request rate limits on a Server. */
import type { ICustomResourceDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition';
import {
  arr,
  column,
  crdVersion,
  customResourceDefinition,
  groupName,
  int64,
  kindName,
  linkerdConditions,
  namespacedRef,
  namespaceName,
  obj,
  objectName,
  rootSchema,
  targetRef,
  type Schema,
} from '../schema/index.js';
import { POLICY_GROUP } from './group.js';

function rate(): Schema {
  return obj({ requestsPerSecond: int64() }, ['requestsPerSecond']);
}

function spec(): Schema {
  return obj(
    {
      targetRef: targetRef(),
      total: rate(),
      identity: rate(),
      overrides: arr(
        obj(
          { requestsPerSecond: int64(), clientRefs: arr(namespacedRef({ namespace: namespaceName() })) },
          ['requestsPerSecond', 'clientRefs'],
        ),
      ),
    },
    ['targetRef'],
  );
}

/** Status echoes the target the controller resolved, with the Server defaults applied. */
function status(): Schema {
  return obj(
    {
      conditions: linkerdConditions(),
      targetRef: obj({ group: groupName(POLICY_GROUP), kind: kindName('Server'), name: objectName() }, ['name']),
    },
    ['targetRef'],
  );
}

export function httpLocalRateLimitPolicyCrd(): ICustomResourceDefinition {
  return customResourceDefinition({
    group: POLICY_GROUP,
    names: {
      kind: 'HTTPLocalRateLimitPolicy',
      listKind: 'HTTPLocalRateLimitPolicyList',
      plural: 'httplocalratelimitpolicies',
      singular: 'httplocalratelimitpolicy',
    },
    versions: [
      crdVersion({
        name: 'v1alpha1',
        storage: true,
        statusSubresource: true,
        schema: rootSchema(spec(), { status: status() }),
        printerColumns: [
          column('Target_kind', '.spec.targetRef.kind'),
          column('Target_name', '.spec.targetRef.name'),
          column('Total_RPS', '.spec.total.requestsPerSecond', 'integer', 'int32'),
          column('Identity_RPS', '.spec.identity.requestsPerSecond', 'integer', 'int32'),
        ],
      }),
    ],
  });
}
