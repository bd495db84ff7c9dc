/**
 * `serviceprofiles.linkerd.io`: per-service routes, retries and timeouts (the pre-HTTPRoute API).
 * v1alpha1 required `routes`; v1alpha2 (storage) does not.
 */
import type { ICustomResourceDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition';
import {
  arr,
  bool,
  crdVersion,
  customResourceDefinition,
  freeForm,
  int32,
  intOrString,
  num,
  obj,
  QUANTITY,
  rootSchema,
  str,
  type Schema,
} from '../schema/index.js';

export const CORE_GROUP = 'linkerd.io';

/** Nested request/response matchers are recursive, so the schema keeps them free-form. */
function freeForms(): Schema {
  return arr(freeForm());
}

function route(): Schema {
  return obj(
    {
      condition: obj({ pathRegex: str(), method: str(), all: freeForms(), any: freeForms(), not: freeForms() }),
      isRetryable: bool(),
      name: str(),
      timeout: str(),
      responseClasses: arr(
        obj(
          {
            condition: obj({
              all: freeForms(),
              any: freeForms(),
              // Unlike a request condition's `not`, a response condition's is a single matcher.
              not: freeForm(),
              status: obj({ max: int32(), min: int32() }),
            }),
            isFailure: bool(),
          },
          ['condition'],
        ),
      ),
    },
    ['condition', 'name'],
  );
}

function spec(routesRequired: boolean): Schema {
  return obj(
    {
      // Upstream puts `required` on the array rather than on its items, so it constrains nothing;
      // kept for parity.
      dstOverrides: arr(
        obj({
          authority: str(),
          weight: intOrString({ anyOf: [{ type: 'integer' }, { type: 'string' }], pattern: QUANTITY }),
        }),
        { required: ['authority', 'weight'] },
      ),
      opaquePorts: arr(str()),
      retryBudget: obj(
        { minRetriesPerSecond: int32(), retryRatio: num({ format: 'float' }), ttl: str() },
        ['minRetriesPerSecond', 'retryRatio', 'ttl'],
      ),
      routes: arr(route()),
    },
    routesRequired ? ['routes'] : [],
  );
}

export function serviceProfileCrd(): ICustomResourceDefinition {
  return customResourceDefinition({
    group: CORE_GROUP,
    names: { kind: 'ServiceProfile', plural: 'serviceprofiles', singular: 'serviceprofile', shortNames: ['sp'] },
    versions: [
      crdVersion({ name: 'v1alpha1', schema: rootSchema(spec(true), { specRequired: false }) }),
      crdVersion({ name: 'v1alpha2', storage: true, schema: rootSchema(spec(false), { specRequired: false }) }),
    ],
  });
}
