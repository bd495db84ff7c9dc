/**
 * Assembles CustomResourceDefinition objects from schema fragments: the root schema of a version,
 * printer columns, and the CRD itself. Labels and annotations shared by a whole chart are stamped
 * on later (see `lib/crds/index.ts`), so CRD builders only state what is specific to them.
 */
import type { ICustomResourceDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition';
import type { ICustomResourceColumnDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceColumnDefinition';
import type { ICustomResourceDefinitionVersion } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinitionVersion';
import { emptyObject, str, type Schema } from './primitives.js';

/** Options of {@link rootSchema}. */
export interface RootSchemaOptions {
  /**
   * The `status` schema.
   * @default - no status property
   */
  readonly status?: Schema;
  /**
   * Declare `apiVersion`, `kind` and `metadata` explicitly (controller-gen output does; hand-written
   * upstream CRDs do not).
   * @default false
   */
  readonly typeMeta?: boolean;
  /**
   * Whether `spec` is required.
   * @default true
   */
  readonly specRequired?: boolean;
}

/** A version's `openAPIV3Schema`: an object with `spec` and optionally `status`. */
export function rootSchema(spec: Schema, options: RootSchemaOptions = {}): Schema {
  return {
    type: 'object',
    ...(options.specRequired === false ? {} : { required: ['spec'] }),
    properties: {
      ...(options.typeMeta ? { apiVersion: str(), kind: str(), metadata: emptyObject() } : {}),
      spec,
      ...(options.status ? { status: options.status } : {}),
    },
  };
}

/** A printer column; `type` defaults to `string`. */
export function column(name: string, jsonPath: string, type = 'string', format?: string): ICustomResourceColumnDefinition {
  return { name, type, ...(format ? { format } : {}), jsonPath };
}

/** One served version of a CRD. */
export interface CrdVersionSpec {
  readonly name: string;
  /** The version's `openAPIV3Schema` (usually from {@link rootSchema}). */
  readonly schema: Schema;
  /**
   * The storage version; exactly one version per CRD has it.
   * @default false
   */
  readonly storage?: boolean;
  /**
   * Served by the API server.
   * @default true
   */
  readonly served?: boolean;
  /**
   * Warning returned to clients using this version; setting it marks the version deprecated.
   * @default - not deprecated
   */
  readonly deprecationWarning?: string;
  /**
   * Enable the `/status` subresource.
   * @default false
   */
  readonly statusSubresource?: boolean;
  /**
   * `kubectl get` columns.
   * @default - none
   */
  readonly printerColumns?: readonly ICustomResourceColumnDefinition[];
}

export function crdVersion(spec: CrdVersionSpec): ICustomResourceDefinitionVersion {
  return {
    name: spec.name,
    served: spec.served ?? true,
    storage: spec.storage ?? false,
    ...(spec.deprecationWarning ? { deprecated: true, deprecationWarning: spec.deprecationWarning } : {}),
    ...(spec.statusSubresource ? { subresources: { status: {} } } : {}),
    schema: { openAPIV3Schema: spec.schema },
    ...(spec.printerColumns?.length ? { additionalPrinterColumns: [...spec.printerColumns] } : {}),
  };
}

/** The `names` block; `plural` also forms the CRD's name. */
export interface CrdNames {
  readonly kind: string;
  readonly plural: string;
  readonly singular: string;
  /**
   * @default - not declared (the API server derives `<Kind>List`)
   */
  readonly listKind?: string;
  /** @default - none */
  readonly shortNames?: readonly string[];
  /** @default - none */
  readonly categories?: readonly string[];
}

export interface CrdSpec {
  readonly group: string;
  readonly names: CrdNames;
  readonly versions: readonly ICustomResourceDefinitionVersion[];
  /**
   * @default 'Namespaced'
   */
  readonly scope?: 'Namespaced' | 'Cluster';
  /**
   * Carry the empty `status` stub controller-gen leaves in generated CRDs (the API server overwrites
   * it; upstream ships it, so parity keeps it).
   * @default false
   */
  readonly emptyStatus?: boolean;
}

/** A CRD named `<plural>.<group>` with no labels or annotations yet. */
export function customResourceDefinition(spec: CrdSpec): ICustomResourceDefinition {
  const n = spec.names;
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${n.plural}.${spec.group}` },
    spec: {
      group: spec.group,
      names: {
        ...(n.categories?.length ? { categories: [...n.categories] } : {}),
        kind: n.kind,
        ...(n.listKind ? { listKind: n.listKind } : {}),
        plural: n.plural,
        singular: n.singular,
        ...(n.shortNames?.length ? { shortNames: [...n.shortNames] } : {}),
      },
      scope: spec.scope ?? 'Namespaced',
      versions: [...spec.versions],
    },
    ...(spec.emptyStatus ? { status: { acceptedNames: { kind: '', plural: '' }, conditions: [], storedVersions: [] } } : {}),
  };
}
