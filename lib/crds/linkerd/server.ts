/**
 * `servers.policy.linkerd.io`: a port on a set of pods (or external workloads) that policy applies to.
 * Storage version v1beta3; v1beta2 added `externalWorkloadSelector`, v1beta3 `accessPolicy`.
 */
import type { ICustomResourceDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition';
import {
  column,
  crdVersion,
  customResourceDefinition,
  exactlyOneOf,
  intOrString,
  labelSelector,
  obj,
  rootSchema,
  str,
  type Properties,
  type Schema,
} from '../schema/index.js';
import { deprecationWarning, POLICY_GROUP } from './group.js';

const KIND = 'Server';

function commonFields(): Properties {
  return {
    port: intOrString(),
    // The Rust enum knows unknown, HTTP/1, HTTP/2, gRPC, opaque and TLS, but the schema has no enum.
    proxyProtocol: str({ default: 'unknown' }),
  };
}

/** The spec of a version that selects pods or external workloads (v1beta2 onwards). */
function workloadSelectingSpec(extra: Properties = {}): Schema {
  return obj(
    { ...extra, podSelector: labelSelector(), externalWorkloadSelector: labelSelector(), ...commonFields() },
    ['port'],
    { oneOf: exactlyOneOf('podSelector', 'externalWorkloadSelector') },
  );
}

const PORT_PROTOCOL = [column('Port', '.spec.port'), column('Protocol', '.spec.proxyProtocol')];

/** The Server CRD with all four served versions. */
export function serverCrd(): ICustomResourceDefinition {
  return customResourceDefinition({
    group: POLICY_GROUP,
    names: { kind: KIND, plural: 'servers', singular: 'server', shortNames: ['srv'] },
    versions: [
      crdVersion({
        name: 'v1alpha1',
        deprecationWarning: deprecationWarning(POLICY_GROUP, KIND, 'v1alpha1', 'v1beta1'),
        schema: rootSchema(
          obj({ podSelector: labelSelector({ exactlyOne: true }), ...commonFields() }, ['podSelector', 'port']),
        ),
      }),
      crdVersion({
        name: 'v1beta1',
        deprecationWarning: deprecationWarning(POLICY_GROUP, KIND, 'v1beta1', 'v1beta3'),
        schema: rootSchema(obj({ podSelector: labelSelector(), ...commonFields() }, ['podSelector', 'port'])),
        printerColumns: PORT_PROTOCOL,
      }),
      crdVersion({ name: 'v1beta2', schema: rootSchema(workloadSelectingSpec()), printerColumns: PORT_PROTOCOL }),
      crdVersion({
        name: 'v1beta3',
        storage: true,
        schema: rootSchema(workloadSelectingSpec({ accessPolicy: str({ default: 'deny' }) })),
        printerColumns: [...PORT_PROTOCOL, column('Access Policy', '.spec.accessPolicy')],
      }),
    ],
  });
}
