/**
 * The plain layout's apply sequence (`apply.sh`): each phase applied server-side, then waited for —
 * CRDs Established, cert-manager objects Ready, workloads rolled out — before the next starts, so
 * (for example) viz's pods are created only once the proxy injector answers. Last, the data-plane
 * restart of the listed namespaces.
 */
import type { KubeObject } from '../manifest.js';
import { apiGroup } from './object-scope.js';
import { readinessOf } from './readiness.js';
import { rolloutRestartCommands } from './rollout-restart.js';

/** A phase as the script applies it: its directory and file in the layout, and its objects. */
export interface ScriptPhase {
  readonly directory: string;
  readonly file: string;
  readonly objects: readonly KubeObject[];
}

const TIMEOUT = '5m';

export function applyScript(phases: readonly ScriptPhase[], restartNamespaces: readonly string[]): string {
  const lines = [
    '#!/bin/sh',
    '# Written by meshform: applies the mesh phase by phase, waiting for each phase to be ready before',
    '# the next. Run it from any directory; re-run it after each synth to upgrade.',
    'set -eu',
    'cd "$(dirname "$0")"',
  ];
  for (const phase of phases) {
    lines.push('', `echo "meshform: applying ${phase.directory}"`, `kubectl apply --server-side -f ${phase.directory}/${phase.file}`, ...waits(phase.objects));
  }
  lines.push('', '# Data plane: pods keep their old proxy until they restart. Workloads meshed with meshWorkload roll');
  lines.push('# by themselves (meshform.io/mesh-revision); restart the others once the control plane is ready:');
  if (restartNamespaces.length) lines.push(...rolloutRestartCommands(restartNamespaces));
  else lines.push('#   kubectl rollout restart deployments,statefulsets,daemonsets --namespace <namespace>');
  return `${lines.join('\n')}\n`;
}

/** `kubectl wait` per namespace and condition, `kubectl rollout status` per workload, in object order. */
function waits(objects: readonly KubeObject[]): string[] {
  const conditionGroups = new Map<string, string[]>();
  const rollouts: string[] = [];
  for (const o of objects) {
    const readiness = readinessOf(o);
    if (!readiness) continue;
    const resource = `${o.kind.toLowerCase()}${apiGroup(o.apiVersion) ? `.${apiGroup(o.apiVersion)}` : ''}/${o.metadata?.name ?? ''}`;
    const namespaceFlag = o.metadata?.namespace ? ` --namespace ${o.metadata.namespace}` : '';
    if (readiness.wait === 'rollout') {
      rollouts.push(`kubectl rollout status --timeout=${TIMEOUT}${namespaceFlag} ${resource}`);
      continue;
    }
    const key = `kubectl wait --for condition=${readiness.condition} --timeout=${TIMEOUT}${namespaceFlag}`;
    conditionGroups.set(key, [...(conditionGroups.get(key) ?? []), resource]);
  }
  const conditionWaits = [...conditionGroups].map(([command, resources]) => [command, ...resources].join(' \\\n  '));
  return [...conditionWaits, ...rollouts];
}
