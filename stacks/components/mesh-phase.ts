/**
 * `MeshPhase`: one install phase (a chart's objects) as a component. Phases are ordered with
 * `dependsOn` on whole phases (a component is ready when all its children are). Inside a phase the
 * objects are applied in parallel except for the edges `render/object-edges.ts` computes: namespaced
 * objects wait for the phase's own Namespace; webhook configurations and APIServices for the
 * Service and workloads behind them (so they are also deleted first); token Secrets for their
 * ServiceAccount. Each object gets its resource policy (CRD retention, gateway await).
 */
import * as pulumi from '@pulumi/pulumi';
import type { KubeObject } from '../../lib/manifest.js';
import { dependencyOrder, objectDependencies } from '../render/object-edges.js';
import type { ResourcePolicyOptions } from '../render/resource-policy.js';
import { createPolicedKubeResource, type KubeManifest } from './kube-resource.js';

export interface MeshPhaseArgs {
  /** The phase's objects in apply order; leaves may be Outputs. */
  readonly objects: readonly KubeManifest[];
  /** Prefix of the child resource names (the owning mesh's name). @default - the phase's name */
  readonly namePrefix?: string;
  /** Retention and await options of the objects. @default - CRDs retained, every object awaited */
  readonly policy?: ResourcePolicyOptions;
}

export class MeshPhase extends pulumi.ComponentResource {
  /** The Kubernetes resources, in the order of `objects`. */
  readonly resources: readonly pulumi.CustomResource[];

  constructor(name: string, args: MeshPhaseArgs, opts?: pulumi.ComponentResourceOptions) {
    super('meshform:index:MeshPhase', name, {}, opts);
    const prefix = args.namePrefix ?? name;
    // Only metadata, types and service references are read: Output leaves do not matter.
    const deps = objectDependencies(args.objects as readonly KubeObject[]);
    const created = new Array<pulumi.CustomResource>(args.objects.length);
    for (const i of dependencyOrder(deps)) {
      const dependsOn = deps[i].map((d) => created[d]);
      created[i] = createPolicedKubeResource(prefix, args.objects[i], { parent: this, ...(dependsOn.length ? { dependsOn } : {}) }, args.policy);
    }
    this.resources = created;
    this.registerOutputs({ count: created.length });
  }
}
