/**
 * `serverauthorizations.policy.linkerd.io`: the original (pre-AuthorizationPolicy) way to allow clients
 * to reach a Server. v1alpha1 and v1beta1 share one schema.
 */
import type { ICustomResourceDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition';
import {
  arr,
  bool,
  column,
  crdVersion,
  customResourceDefinition,
  DNS_LABEL,
  exactlyOneOf,
  labelSelector,
  MESH_IDENTITY,
  networks,
  obj,
  rootSchema,
  str,
  type Schema,
} from '../schema/index.js';
import { deprecationWarning, POLICY_GROUP } from './group.js';

const KIND = 'ServerAuthorization';

function spec(): Schema {
  const label = (): Schema => str({ pattern: DNS_LABEL });
  return obj(
    {
      server: obj({ name: label(), selector: labelSelector() }, [], { oneOf: exactlyOneOf('name', 'selector') }),
      client: obj({
        networks: networks(),
        unauthenticated: bool(),
        meshTLS: obj({
          unauthenticatedTLS: bool(),
          identities: arr(str({ pattern: MESH_IDENTITY })),
          serviceAccounts: arr(obj({ name: label(), namespace: label() }, ['name'])),
        }),
      }),
    },
    ['server', 'client'],
  );
}

export function serverAuthorizationCrd(): ICustomResourceDefinition {
  return customResourceDefinition({
    group: POLICY_GROUP,
    names: {
      kind: KIND,
      plural: 'serverauthorizations',
      singular: 'serverauthorization',
      shortNames: ['saz', 'serverauthz', 'srvauthz'],
    },
    versions: [
      crdVersion({
        name: 'v1alpha1',
        deprecationWarning: deprecationWarning(POLICY_GROUP, KIND, 'v1alpha1', 'v1beta1'),
        schema: rootSchema(spec()),
      }),
      crdVersion({
        name: 'v1beta1',
        storage: true,
        schema: rootSchema(spec()),
        printerColumns: [column('Server', '.spec.server.name')],
      }),
    ],
  });
}
