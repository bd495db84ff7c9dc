/**
 * `MeshPhase`: one install phase (a chart's objects) as a component. Phases are ordered with
 * `dependsOn` on whole phases (a component is ready when all its children are); inside a phase
 * everything is applied in parallel except that namespaced objects wait for the phase's own
 * Namespace, the only ordering the API server enforces.
 */
import * as pulumi from '@pulumi/pulumi';
import { createKubeResource, type KubeManifest } from './kube-resource.js';

export interface MeshPhaseArgs {
  /** The phase's objects in apply order; leaves may be Outputs. */
  readonly objects: readonly KubeManifest[];
  /** Prefix of the child resource names (the owning mesh's name). @default - the phase's name */
  readonly namePrefix?: string;
}

export class MeshPhase extends pulumi.ComponentResource {
  /** The Kubernetes resources, in the order of `objects`. */
  readonly resources: readonly pulumi.CustomResource[];

  constructor(name: string, args: MeshPhaseArgs, opts?: pulumi.ComponentResourceOptions) {
    super('meshform:index:MeshPhase', name, {}, opts);
    const prefix = args.namePrefix ?? name;
    const namespaces = new Map<string, pulumi.CustomResource>();
    const resources: pulumi.CustomResource[] = [];
    for (const obj of args.objects) {
      const ns = obj.metadata?.namespace;
      const owner = ns ? namespaces.get(ns) : undefined;
      const resource = createKubeResource(prefix, obj, { parent: this, ...(owner ? { dependsOn: [owner] } : {}) });
      if (obj.apiVersion === 'v1' && obj.kind === 'Namespace' && obj.metadata?.name) namespaces.set(obj.metadata.name, resource);
      resources.push(resource);
    }
    this.resources = resources;
    this.registerOutputs({ count: resources.length });
  }
}
