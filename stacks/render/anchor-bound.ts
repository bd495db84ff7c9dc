/**
 * What the control plane derives from the trust anchors, bound to the anchors the stack really
 * uses. The charts are rendered before the identity phase exists (the anchors are Outputs of
 * `@pulumi/tls` or config), so the render hashes no anchors at all. Here, after rendering:
 * - every `linkerd.io/trust-root-sha256` annotation (the control-plane pod templates) becomes the
 *   sha256 of the real anchors, so a new anchor changes the pod templates and rolls the control plane;
 * - the heartbeat CronJob's schedule becomes the one the constructs derive from the anchors
 *   (`deterministicHeartbeatSchedule`), unless the user's values set `heartbeatSchedule`.
 * Both use the library's own functions, so a stack and `meshform install` with the same anchors agree.
 */
import * as pulumi from '@pulumi/pulumi';
import { TRUST_ROOT_SHA256_ANNOTATION } from '../../lib/k8s/labels.js';
import { trustRootSha256 } from '../../lib/proxy/metadata.js';
import { deterministicHeartbeatSchedule } from '../../lib/values/mesh/resolve.js';
import type { MeshValues } from '../../lib/values/mesh/types.js';

/** The heartbeat CronJob's name (upstream's `templates/heartbeat.yaml`). */
const HEARTBEAT_CRONJOB = 'linkerd-heartbeat';

export interface AnchorBinding {
  /** The trust anchors' PEM as the identity phase publishes it. */
  readonly anchorsPem: pulumi.Input<string>;
  /** The values the charts were rendered from. */
  readonly values: MeshValues;
  /** The user set `heartbeatSchedule`: keep it. @default false */
  readonly keepHeartbeatSchedule?: boolean;
}

type Tree = Record<string, unknown>;
const isTree = (v: unknown): v is Tree => v !== null && typeof v === 'object' && !Array.isArray(v) && !pulumi.Output.isInstance(v);

/** `obj` with the anchor-derived fields replaced by Outputs of the real anchors; other objects unchanged. */
export function bindToAnchors<T extends { readonly kind: string; readonly metadata?: { readonly name?: string } }>(obj: T, binding: AnchorBinding): T {
  const anchors = pulumi.output(binding.anchorsPem);
  const digest = anchors.apply((pem) => trustRootSha256({ ...binding.values, identityTrustAnchorsPEM: pem }));
  const walk = (v: unknown, key: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, ''));
    if (!isTree(v)) return v;
    const out: Tree = {};
    for (const [k, x] of Object.entries(v)) {
      out[k] = key === 'annotations' && k === TRUST_ROOT_SHA256_ANNOTATION ? digest : walk(x, k);
    }
    return out;
  };
  const bound = walk(obj, '') as T & { spec?: Tree };
  if (obj.kind === 'CronJob' && obj.metadata?.name === HEARTBEAT_CRONJOB && !binding.keepHeartbeatSchedule && isTree(bound.spec)) {
    bound.spec = { ...bound.spec, schedule: anchors.apply(deterministicHeartbeatSchedule) };
  }
  return bound;
}
