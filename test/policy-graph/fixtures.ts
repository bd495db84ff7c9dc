/** A namespace of permissive and broken policy, next to the emojivoto fixture, to exercise every mark. */
import type { KubeObject } from '../../lib/manifest.js';
import { parseYamlStream } from '../../lib/yaml-input.js';
import { appObjects } from '../traffic-check/fixtures.js';

export const SHOP_YAML = `
apiVersion: v1
kind: Namespace
metadata: {name: shop, annotations: {linkerd.io/inject: enabled}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: api, image: example/api:1, ports: [{name: http, containerPort: 8080}, {name: admin, containerPort: 9000}]}]
---
apiVersion: policy.linkerd.io/v1beta3
kind: Server
metadata: {name: api-http, namespace: shop}
spec: {podSelector: {matchLabels: {app: api}}, port: http, accessPolicy: audit}
---
apiVersion: policy.linkerd.io/v1beta3
kind: Server
metadata: {name: api-admin, namespace: shop}
spec: {podSelector: {matchLabels: {app: api}}, port: admin}
---
apiVersion: policy.linkerd.io/v1beta3
kind: Server
metadata: {name: api-metrics, namespace: shop}
spec: {podSelector: {matchLabels: {app: api}}, port: 4191}
---
apiVersion: policy.linkerd.io/v1alpha1
kind: NetworkAuthentication
metadata: {name: internet, namespace: shop}
spec:
  networks: [{cidr: 0.0.0.0/0}, {cidr: "::/0"}]
---
apiVersion: policy.linkerd.io/v1alpha1
kind: AuthorizationPolicy
metadata: {name: metrics-open, namespace: shop}
spec:
  targetRef: {group: policy.linkerd.io, kind: Server, name: api-metrics}
  requiredAuthenticationRefs: [{group: policy.linkerd.io, kind: NetworkAuthentication, name: internet}]
---
apiVersion: policy.linkerd.io/v1alpha1
kind: MeshTLSAuthentication
metadata: {name: any-meshed, namespace: shop}
spec: {identities: ["*"]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: api-orders, namespace: shop}
spec:
  parentRefs: [{group: policy.linkerd.io, kind: Server, name: api-http}]
  rules:
    - matches: [{path: {type: PathPrefix, value: /orders}, method: POST}]
---
apiVersion: policy.linkerd.io/v1alpha1
kind: AuthorizationPolicy
metadata: {name: orders-meshed, namespace: shop}
spec:
  targetRef: {group: gateway.networking.k8s.io, kind: HTTPRoute, name: api-orders}
  requiredAuthenticationRefs: [{group: policy.linkerd.io, kind: MeshTLSAuthentication, name: any-meshed}]
---
apiVersion: policy.linkerd.io/v1alpha1
kind: EgressNetwork
metadata: {name: all-out, namespace: shop}
spec: {trafficPolicy: Allow}
`;

export function shopObjects(): KubeObject[] {
  return parseYamlStream(SHOP_YAML, 'shop fixture').flatMap((d) => (d.value ? [d.value as KubeObject] : []));
}

/** Both namespaces, in one render. */
export function graphObjects(): KubeObject[] {
  return [...appObjects(), ...shopObjects()];
}
