/**
 * `meshform`: the cdk8s constructs — `Mesh` (every install phase from one spec), the phase charts,
 * the helpers that mesh an application's own workloads and traffic (`meshWorkload`,
 * `meshNamespace`, opaque ports, ingress) from a mesh reference, synth to numbered phase files,
 * the props and the errors.
 * Re-exports only: importing it registers nothing and writes nothing. The framework-free model is
 * `meshform/model`, the Pulumi components `meshform/pulumi`.
 *
 * @module meshform
 */
export * from './mesh.js';
export * from './crds/crds-chart.js';
export { ControlPlaneChart, type ControlPlaneChartProps } from './control-plane/control-plane-chart.js';
export * from './cni/index.js';
export * from './viz/index.js';
export * from './multicluster/index.js';
export * from './identity/index.js';
export * from './grafana/index.js';
export * from './workload/index.js';
export * from './service-profile/index.js';
// What app code meshes with: the mesh's public facts, read from a file, a render or a stack output.
export * from '../lib/mesh-reference/index.js';
export * from './synth.js';
export * from './gitops/index.js';
export * from './rotation-guard.js';
export * from '../lib/props/index.js';
export * from '../lib/errors.js';
// The Pulumi Kubernetes Operator v2 objects that run this repository's Pulumi program from git (docs/pulumi-operator.md).
export * from './pko/index.js';
// Traffic management: HttpRoute, GrpcRoute, FaultInjection, annotateService and the traffic model (docs/traffic.md).
export * from './traffic/index.js';
// Authorization, rate limits and egress: NamespacePolicy (default-deny + allow), Server, AuthorizationPolicy, EgressPolicy and the policy model (docs/policy.md).
export * from './policy/index.js';
// Cross-object traffic checks at synth, the policy graph of a construct tree, and Flagger canaries (docs/flagger.md).
export * from './traffic-check.js';
export * from './policy-graph.js';
export * from './flagger/index.js';
// What the multicluster object builders above take (the API docs name it).
export type { MulticlusterContext } from './multicluster/context.js';
