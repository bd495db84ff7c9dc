/**
 * The `Link` custom resource's OpenAPI schemas, one per served version, built in code. Each version
 * adds to the previous one: v1alpha2 gives the probe period a duration format and adds federated
 * services and the status subresource; v1alpha3 (storage) adds excluded labels/annotations.
 * Upstream's prose descriptions are left out.
 */
import { API_GROUP, API_KIND, CONDITION_REASON, CONDITION_TYPE, CONTROLLER_NAME, DNS_LABEL } from '../../lib/crds/schema/patterns.js';
import { SELECTOR_OPERATORS } from '../../lib/k8s/label-selector.js';

/** A JSON-schema fragment as the API server reads it. */
export type SchemaObject = { readonly [key: string]: unknown };

const str = (extra: SchemaObject = {}): SchemaObject => ({ type: 'string', ...extra });
const strings = (): SchemaObject => ({ type: 'array', items: str() });

/** A Kubernetes label selector (`matchLabels` / `matchExpressions`). */
function labelSelector(): SchemaObject {
  return {
    type: 'object',
    properties: {
      matchLabels: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      matchExpressions: {
        type: 'array',
        items: {
          type: 'object',
          required: ['key', 'operator'],
          properties: {
            key: str(),
            operator: str({ enum: [...SELECTOR_OPERATORS] }),
            values: strings(),
          },
        },
      },
    },
  };
}

function probeSpec(periodIsDuration: boolean): SchemaObject {
  return {
    type: 'object',
    properties: {
      failureThreshold: str({ default: '3' }),
      path: str(),
      period: periodIsDuration ? str({ format: 'duration' }) : str(),
      port: str(),
      timeout: str({ default: '30s', format: 'duration' }),
    },
  };
}

/** A Gateway-API-style reference to a Service on either side of the link. */
function serviceRef(): SchemaObject {
  return {
    type: 'object',
    required: ['name', 'namespace'],
    properties: {
      group: str({ default: 'core', maxLength: 253, pattern: API_GROUP }),
      kind: str({ default: 'Service', maxLength: 63, minLength: 1, pattern: API_KIND }),
      name: str({ maxLength: 253, minLength: 1 }),
      namespace: str({ maxLength: 63, minLength: 1, pattern: DNS_LABEL }),
    },
  };
}

/** A standard `metav1.Condition` plus the local Service it concerns. */
function condition(): SchemaObject {
  return {
    type: 'object',
    required: ['lastTransitionTime', 'message', 'reason', 'status', 'type'],
    properties: {
      lastTransitionTime: str({ format: 'date-time' }),
      message: str(),
      reason: str({ maxLength: 1024, minLength: 1, pattern: CONDITION_REASON }),
      status: str({ enum: ['True', 'False', 'Unknown'] }),
      type: str({
        maxLength: 316,
        pattern: CONDITION_TYPE,
      }),
      localRef: serviceRef(),
    },
  };
}

/** Per mirrored (or federated) service: which controller owns it and how it is doing. */
function serviceStatusList(): SchemaObject {
  return {
    type: 'array',
    items: {
      type: 'object',
      required: ['controllerName', 'remoteRef'],
      properties: {
        conditions: { type: 'array', items: condition() },
        controllerName: str({
          maxLength: 253,
          minLength: 1,
          pattern: CONTROLLER_NAME,
        }),
        remoteRef: serviceRef(),
      },
    },
  };
}

export type LinkVersion = 'v1alpha1' | 'v1alpha2' | 'v1alpha3';
export const LINK_VERSIONS: readonly LinkVersion[] = ['v1alpha1', 'v1alpha2', 'v1alpha3'];
export const LINK_STORAGE_VERSION: LinkVersion = 'v1alpha3';

/** The `openAPIV3Schema` of one served version of `Link`. */
export function linkSchema(version: LinkVersion): SchemaObject {
  const level = LINK_VERSIONS.indexOf(version);
  const spec: Record<string, SchemaObject> = {
    clusterCredentialsSecret: str(),
    gatewayAddress: str(),
    gatewayIdentity: str(),
    gatewayPort: str(),
    probeSpec: probeSpec(level >= 1),
    selector: labelSelector(),
    remoteDiscoverySelector: labelSelector(),
    ...(level >= 1 && { federatedServiceSelector: labelSelector() }),
    targetClusterName: str(),
    targetClusterDomain: str(),
    targetClusterLinkerdNamespace: str(),
    ...(level >= 2 && { excludedAnnotations: strings(), excludedLabels: strings() }),
  };
  return {
    type: 'object',
    properties: {
      spec: { type: 'object', properties: spec },
      ...(level >= 1 && {
        status: { type: 'object', properties: { mirrorServices: serviceStatusList(), federatedServices: serviceStatusList() } },
      }),
    },
  };
}
