/**
 * A small emojivoto-shaped app as rendered manifests (the shapes upstream defines), used by the
 * cross-object check and policy-graph tests. Every object is valid on its own; tests mutate copies.
 */
import type { KubeObject } from '../../lib/manifest.js';
import { parseYamlStream } from '../../lib/yaml-input.js';

export const APP_YAML = `
apiVersion: v1
kind: Namespace
metadata:
  name: emojivoto
  annotations:
    config.linkerd.io/default-inbound-policy: deny
    linkerd.io/inject: enabled
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: web, namespace: emojivoto}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: voting, namespace: emojivoto}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: vote-bot, namespace: emojivoto}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: emojivoto}
spec:
  selector: {matchLabels: {app: web-svc}}
  template:
    metadata: {labels: {app: web-svc, version: v1}}
    spec:
      serviceAccountName: web
      containers:
        - name: web-svc
          image: buoyantio/emojivoto-web:v11
          ports: [{name: http, containerPort: 8080}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web-v2, namespace: emojivoto}
spec:
  selector: {matchLabels: {app: web-svc-v2}}
  template:
    metadata: {labels: {app: web-svc-v2, version: v2}}
    spec:
      serviceAccountName: web
      containers:
        - name: web-svc
          image: buoyantio/emojivoto-web:v11
          ports: [{name: http, containerPort: 8080}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: voting, namespace: emojivoto}
spec:
  selector: {matchLabels: {app: voting-svc}}
  template:
    metadata: {labels: {app: voting-svc}}
    spec:
      serviceAccountName: voting
      containers:
        - name: voting-svc
          image: buoyantio/emojivoto-voting-svc:v11
          ports: [{name: grpc, containerPort: 8080}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: vote-bot, namespace: emojivoto}
spec:
  selector: {matchLabels: {app: vote-bot}}
  template:
    metadata: {labels: {app: vote-bot}}
    spec:
      serviceAccountName: vote-bot
      containers:
        - name: vote-bot
          image: buoyantio/emojivoto-web:v11
---
apiVersion: v1
kind: Service
metadata: {name: web-svc, namespace: emojivoto}
spec:
  selector: {app: web-svc}
  ports: [{name: http, port: 80, targetPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: web-svc-v2, namespace: emojivoto}
spec:
  selector: {app: web-svc-v2}
  ports: [{name: http, port: 80, targetPort: 8080}]
---
apiVersion: v1
kind: Service
metadata:
  name: voting-svc
  namespace: emojivoto
  annotations:
    balancer.linkerd.io/failure-accrual: consecutive
    balancer.linkerd.io/failure-accrual-consecutive-max-failures: "7"
    timeout.linkerd.io/request: 1s
spec:
  selector: {app: voting-svc}
  ports: [{name: grpc, port: 8080, targetPort: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web-route, namespace: emojivoto}
spec:
  parentRefs: [{group: core, kind: Service, name: web-svc, port: 80}]
  rules:
    - matches: [{headers: [{name: x-canary, value: "true"}]}]
      backendRefs: [{name: web-svc-v2, port: 80}]
    - timeouts: {request: 10s}
      backendRefs:
        - {name: web-svc, port: 80, weight: 90}
        - {name: web-svc-v2, port: 80, weight: 10}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata:
  name: voting-route
  namespace: emojivoto
  annotations:
    retry.linkerd.io/grpc: unavailable
    retry.linkerd.io/limit: "3"
    retry.linkerd.io/timeout: 300ms
spec:
  parentRefs: [{group: core, kind: Service, name: voting-svc, port: 8080}]
  rules:
    - backendRefs: [{name: voting-svc, port: 8080}]
---
apiVersion: policy.linkerd.io/v1beta3
kind: Server
metadata: {name: web-http, namespace: emojivoto}
spec:
  podSelector: {matchLabels: {app: web-svc}}
  port: http
  proxyProtocol: HTTP/1
---
apiVersion: policy.linkerd.io/v1beta3
kind: Server
metadata: {name: voting-grpc, namespace: emojivoto}
spec:
  podSelector:
    matchExpressions: [{key: app, operator: In, values: [voting-svc]}]
  port: grpc
  proxyProtocol: gRPC
---
apiVersion: policy.linkerd.io/v1alpha1
kind: MeshTLSAuthentication
metadata: {name: vote-bot, namespace: emojivoto}
spec:
  identities: [vote-bot.emojivoto.serviceaccount.identity.linkerd.cluster.local]
---
apiVersion: policy.linkerd.io/v1alpha1
kind: MeshTLSAuthentication
metadata: {name: web, namespace: emojivoto}
spec:
  identityRefs: [{kind: ServiceAccount, name: web}]
---
apiVersion: policy.linkerd.io/v1alpha1
kind: AuthorizationPolicy
metadata: {name: web-http, namespace: emojivoto}
spec:
  targetRef: {group: policy.linkerd.io, kind: Server, name: web-http}
  requiredAuthenticationRefs: [{group: policy.linkerd.io, kind: MeshTLSAuthentication, name: vote-bot}]
---
apiVersion: policy.linkerd.io/v1alpha1
kind: AuthorizationPolicy
metadata: {name: voting-grpc, namespace: emojivoto}
spec:
  targetRef: {group: policy.linkerd.io, kind: Server, name: voting-grpc}
  requiredAuthenticationRefs: [{group: policy.linkerd.io, kind: MeshTLSAuthentication, name: web}]
---
apiVersion: policy.linkerd.io/v1alpha1
kind: HTTPLocalRateLimitPolicy
metadata: {name: voting-grpc, namespace: emojivoto}
spec:
  targetRef: {group: policy.linkerd.io, kind: Server, name: voting-grpc}
  total: {requestsPerSecond: 100}
  identity: {requestsPerSecond: 10}
  overrides:
    - requestsPerSecond: 50
      clientRefs: [{kind: ServiceAccount, name: web}]
---
apiVersion: policy.linkerd.io/v1alpha1
kind: EgressNetwork
metadata: {name: internet, namespace: emojivoto}
spec:
  trafficPolicy: Deny
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
metadata: {name: github, namespace: emojivoto}
spec:
  hostnames: [api.github.com]
  parentRefs: [{group: policy.linkerd.io, kind: EgressNetwork, name: internet, port: 443}]
  rules:
    - backendRefs: [{group: policy.linkerd.io, kind: EgressNetwork, name: internet, port: 443}]
`;

/** A fresh, mutable copy of the app's objects. */
export function appObjects(): KubeObject[] {
  return parseYamlStream(APP_YAML, 'fixture').flatMap((d) => (d.value ? [d.value as KubeObject] : []));
}

/** The object of `kind` named `name` in a list (throws when absent, so a test cannot mutate nothing). */
export function find<T = Record<string, any>>(objects: readonly KubeObject[], kind: string, name: string): T {
  const found = objects.find((o) => o.kind === kind && o.metadata?.name === name);
  if (!found) throw new Error(`fixture has no ${kind} ${name}`);
  return found as T;
}
