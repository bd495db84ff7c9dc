/**
 * What every control-plane template reads besides the values: the release namespace. Kept as a tiny
 * shared type so each object builder is a pure function `(ctx) => KubeObject[]`.
 */
import type { MeshValues } from '../../lib/values/mesh/types.js';

export interface ControlPlaneContext {
  /** Resolved, validated values (defaults ⊕ HA ⊕ user). */
  readonly values: MeshValues;
  /** The namespace the control plane is installed into (upstream's `.Release.Namespace`). */
  readonly namespace: string;
}
