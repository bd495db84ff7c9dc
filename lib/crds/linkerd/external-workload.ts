/**
 * `externalworkloads.workload.linkerd.io`: a workload outside Kubernetes (a VM) that joins the mesh.
 * v1alpha1 spelled the TLS block `meshTls` and allowed one IP; v1beta1 (storage) spells it `meshTLS`
 * and allows two (dual stack).
 */
import type { ICustomResourceDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition';
import {
  arr,
  column,
  crdVersion,
  customResourceDefinition,
  linkerdConditions,
  obj,
  portNumber,
  rootSchema,
  str,
  type Schema,
} from '../schema/index.js';

export const WORKLOAD_GROUP = 'workload.linkerd.io';

function spec(meshTlsKey: string, maxIps: number): Schema {
  const bounded = (): Schema => str({ minLength: 1, maxLength: 253 });
  return obj(
    {
      [meshTlsKey]: obj({ identity: bounded(), serverName: bounded() }, ['identity', 'serverName']),
      ports: arr(obj({ name: str(), port: portNumber(), protocol: str({ default: 'TCP' }) }, ['port'])),
      workloadIPs: arr(obj({ ip: str() }), { maxItems: maxIps }),
    },
    [meshTlsKey],
  );
}

function schema(meshTlsKey: string, maxIps: number): Schema {
  return rootSchema(spec(meshTlsKey, maxIps), {
    typeMeta: true,
    status: obj({ conditions: linkerdConditions({ lastProbeTime: true }) }),
  });
}

function columns(meshTlsKey: string) {
  return [column('Identity', `.spec.${meshTlsKey}.identity`), column('Age', '.metadata.creationTimestamp', 'date')];
}

export function externalWorkloadCrd(): ICustomResourceDefinition {
  return customResourceDefinition({
    group: WORKLOAD_GROUP,
    names: {
      categories: ['external'],
      kind: 'ExternalWorkload',
      listKind: 'ExternalWorkloadList',
      plural: 'externalworkloads',
      singular: 'externalworkload',
    },
    versions: [
      crdVersion({ name: 'v1alpha1', schema: schema('meshTls', 1), printerColumns: columns('meshTls') }),
      crdVersion({
        name: 'v1beta1',
        storage: true,
        statusSubresource: true,
        schema: schema('meshTLS', 2),
        printerColumns: columns('meshTLS'),
      }),
    ],
  });
}
