/** The policy graph: who may call whom in a render, as DOT, Mermaid or SVG. */
import type { KubeObject } from '../manifest.js';
import { buildPolicyGraph, type PolicyGraphOptions } from './build.js';
import { toDot } from './dot.js';
import { toMermaid } from './mermaid.js';
import { toSvg } from './svg.js';

export { LEGEND, type GraphEdge, type GraphNode, type LegendEntry, type Mark, type NamespaceBox, type NodeKind, type PolicyGraph } from './model.js';
export { buildPolicyGraph, type PolicyGraphOptions } from './build.js';
export { toDot } from './dot.js';
export { toMermaid } from './mermaid.js';
export { toSvg, dotToSvg } from './svg.js';

export const POLICY_GRAPH_FORMATS = ['dot', 'mermaid', 'svg'] as const;
export type PolicyGraphFormat = (typeof POLICY_GRAPH_FORMATS)[number];

/** The graph of `objects` in one format (SVG loads the Graphviz build on first use). */
export async function renderPolicyGraph(objects: readonly KubeObject[], format: PolicyGraphFormat, options: PolicyGraphOptions = {}): Promise<string> {
  const graph = buildPolicyGraph(objects, options);
  if (format === 'dot') return toDot(graph);
  if (format === 'mermaid') return toMermaid(graph);
  return toSvg(graph);
}
