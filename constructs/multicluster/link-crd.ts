/** The `links.multicluster.linkerd.io` CRD: one `Link` per linked target cluster. */
import type { ICustomResourceDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition';
import type { IJSONSchemaProps } from 'kubernetes-models/apiextensions.k8s.io/v1/JSONSchemaProps';
import { createdBy, mcLabels, type MulticlusterContext } from './context.js';
import { LINK_STORAGE_VERSION, LINK_VERSIONS, linkSchema } from './link-crd-schema.js';

type Versions = ICustomResourceDefinition['spec']['versions'];

export function linkCrd(ctx: MulticlusterContext): ICustomResourceDefinition {
  const versions: Versions = LINK_VERSIONS.map((name, i) => ({
    name,
    served: true,
    storage: name === LINK_STORAGE_VERSION,
    schema: { openAPIV3Schema: linkSchema(name) as IJSONSchemaProps },
    // Status (mirrored/federated service conditions) exists from v1alpha2 on.
    ...(i >= 1 && { subresources: { status: {} } }),
  }));
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'links.multicluster.linkerd.io', labels: mcLabels(ctx), annotations: createdBy(ctx) },
    spec: {
      group: 'multicluster.linkerd.io',
      versions,
      scope: 'Namespaced',
      names: { plural: 'links', singular: 'link', kind: 'Link' },
    },
  };
}
