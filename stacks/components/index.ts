/**
 * `meshform/pulumi`: the Pulumi components — `LinkerdMesh` (every phase applied in order, identity
 * included), its phase groups and identity, and `MulticlusterLink` — meshform's Kubernetes provider
 * (`createMeshProvider`) and the provider's force-new rules as a lint (`forceNewChanges`). Re-exports only: importing it
 * registers no resource; the Pulumi program of this repository is stacks/index.ts.
 *
 * @module meshform/pulumi
 */
export * from './linkerd-mesh.js';
export * from './mesh-phase.js';
export * from './identity.js';
export * from './multicluster-link.js';
export * from './mesh-provider.js';
export { FORCE_NEW_FIELDS, forceNewChanges, forceNewFields, type ForceNewChange, type ProviderMutability } from '../render/force-new.js';
export { GATEWAY_SERVICE_TYPES, type GatewayServiceType } from '../config.js';
export {
  TOPOLOGY_SPREAD_DEFAULTS,
  WHEN_UNSATISFIABLE,
  withTopologySpread,
  type ResolvedTopologySpread,
  type TopologySpread,
  type TopologySpreadOptions,
  type WhenUnsatisfiable,
} from '../render/topology-spread.js';
export { IDENTITY_MODES, type IdentityMode } from '../../lib/assembly/identity-mode.js';
// What MeshPhaseArgs takes (the API docs name them).
export type { KubeManifest } from './kube-resource.js';
export type { GatewayAwait, ResourcePolicyOptions } from '../render/resource-policy.js';
