/** Assembles a Gateway API route CRD from its kind, versions and spec schema. */
import type { ICustomResourceDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition';
import type { ICustomResourceDefinitionVersion } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinitionVersion';
import { gatewayCrdMetadata } from './metadata.js';
import { object, string, type Schema } from './primitives.js';
import { routeStatus } from './route-status.js';

export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

export interface RouteVersion {
  readonly name: string;
  /** Exactly one version per CRD is stored. */
  readonly storage: boolean;
  /** Marks the version deprecated, with this warning. @default - not deprecated */
  readonly deprecationWarning?: string;
}

export interface RouteCrdSpec {
  /** CamelCase kind, e.g. `HTTPRoute`; plural and singular are its lowercase forms. */
  readonly kind: string;
  /** Served versions, newest first; each gets its own copy of the schema. */
  readonly versions: readonly RouteVersion[];
  /** Builds `spec`'s schema (called once per version). */
  readonly spec: () => Schema;
  /** Whether the root schema requires `spec`. GRPCRoute's upstream schema does not. */
  readonly specRequired: boolean;
  /** Whether `kubectl get` shows a Hostnames column (kinds that have `spec.hostnames`). */
  readonly hostnamesColumn: boolean;
}

function rootSchema(spec: RouteCrdSpec): Schema {
  return object(
    { apiVersion: string(), kind: string(), metadata: { type: 'object' }, spec: spec.spec(), status: routeStatus() },
    { required: spec.specRequired ? ['spec'] : undefined },
  );
}

function version(spec: RouteCrdSpec, v: RouteVersion): ICustomResourceDefinitionVersion {
  const columns = [
    ...(spec.hostnamesColumn ? [{ jsonPath: '.spec.hostnames', name: 'Hostnames', type: 'string' }] : []),
    { jsonPath: '.metadata.creationTimestamp', name: 'Age', type: 'date' },
  ];
  return {
    additionalPrinterColumns: columns,
    ...(v.deprecationWarning ? { deprecated: true, deprecationWarning: v.deprecationWarning } : {}),
    name: v.name,
    schema: { openAPIV3Schema: rootSchema(spec) },
    served: true,
    storage: v.storage,
    subresources: { status: {} },
  };
}

export function routeCrd(spec: RouteCrdSpec): ICustomResourceDefinition {
  const plural = `${spec.kind.toLowerCase()}s`;
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: gatewayCrdMetadata(`${plural}.${GATEWAY_API_GROUP}`),
    spec: {
      group: GATEWAY_API_GROUP,
      names: {
        categories: ['gateway-api'],
        kind: spec.kind,
        listKind: `${spec.kind}List`,
        plural,
        singular: spec.kind.toLowerCase(),
      },
      scope: 'Namespaced',
      versions: spec.versions.map((v) => version(spec, v)),
    },
    // What an unapplied CRD reports: upstream's generated files carry this empty status.
    status: { acceptedNames: { kind: '', plural: '' }, conditions: [], storedVersions: [] },
  };
}
