/**
 * `meshform/model`: the framework-free model — upstream's value trees (control plane, CNI, viz,
 * multicluster) with their defaults, HA overlays, resolution and validation; the typed props; the
 * identity material (generate, parse, check, rotate); the injection model (decide, annotate, inject,
 * uninject); the error contract. No cdk8s, no Pulumi. Re-exports only: importing it does nothing.
 *
 * @module meshform/model
 */
export * from './errors.js';
export * from './versions.js';
export { toYaml, toYamlStream, toJsonStream, type KubeObject } from './manifest.js';
export type { Scalar, Value, ValueTree } from './values/tree.js';
export * from './values/mesh/index.js';
export * from './values/cni/index.js';
export * from './values/viz/index.js';
export * from './values/multicluster/index.js';
// Both trees have a `controller` section; the multicluster one is renamed here.
export type { ControllerValues } from './values/mesh/index.js';
export type { ControllerValues as MulticlusterControllerValues } from './values/multicluster/index.js';
export * from './props/index.js';
// The one preparation of every install phase (what `Mesh`, the CLI and the Pulumi components render from).
export * from './assembly/index.js';
export * from './identity/index.js';
export * from './inject/index.js';
export * from './mesh-reference/index.js';
export * from './service-profile/index.js';
// The GitOps layout: phase directories and the Argo CD / Flux / plain objects that apply them in order.
export * from './gitops/index.js';
// meshform diff: two renders, phase directories or GitOps trees compared per phase (docs/diff.md).
export * from './diff/index.js';
// The Pulumi Kubernetes Operator v2 objects that run this repository's program from git (docs/pulumi-operator.md).
export * from './pko/index.js';
// Traffic management: routes, retries, timeouts, circuit breaking, fault backends (docs/traffic.md).
export * from './traffic/index.js';
// Authorization, rate limits and egress: Server, AuthorizationPolicy, authentications, EgressNetwork (docs/policy.md).
export * from './policy/index.js';
// Cross-object checks of traffic and policy manifests, and the policy graph (who may call whom) as DOT, Mermaid or SVG.
export * from './traffic-check/index.js';
export * from './policy-graph/index.js';
// Types and constants the API above refers to, exported so users (and the API docs) can name them.
export { DEFAULT_INBOUND_POLICIES, LOG_FORMATS, LOG_LEVELS } from './values/checks.js';
export type { KnownKeys, UnknownValuesOptions } from './values/unknown-keys.js';
export type { CrdsValues } from './crds/values.js';
export type { LinkerdDashboard } from './grafana/dashboards.js';
export type { PortSet, ProxyAccessLog, ProxyConfig, ProxyDefaultInboundPolicy, ProxyLogFormat, ProxyLogHttpHeaders, ProxyPullPolicy } from './proxy-config/types.js';
export type { JsonMap } from './traffic-check/objects.js';
export type { AtomicWriteOptions, StagedFile } from './fs/atomic-write.js';
export type { OwnedFilesOptions, StageFile } from './fs/owned-files.js';
