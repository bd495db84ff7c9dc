/** The policy graph as Graphviz DOT: one box per namespace, marks as colours and styles, and a legend. */
import { LEGEND, type GraphNode, type Mark, type NodeKind, type PolicyGraph } from './model.js';

const SHAPES: Readonly<Record<NodeKind, string>> = {
  workload: 'box',
  service: 'component',
  server: 'box3d',
  route: 'cds',
  authorization: 'hexagon',
  authentication: 'note',
  clients: 'ellipse',
  egress: 'folder',
  host: 'oval',
};

/** Colours shared with the Mermaid output. */
export const MARK_STYLE: Readonly<Record<Mark | 'normal', { readonly stroke: string; readonly fill: string }>> = {
  normal: { stroke: '#4a4a4a', fill: '#ffffff' },
  everyone: { stroke: '#d62728', fill: '#fde0dc' },
  audit: { stroke: '#ff7f0e', fill: '#fff1e0' },
  unreachable: { stroke: '#7f7f7f', fill: '#e6e6e6' },
};

/** Where a route sends requests (blue, apart from the permission colours). */
export const TRAFFIC_COLOUR = '#1f77b4';

/** A DOT double-quoted string. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function attributes(attrs: Readonly<Record<string, string | undefined>>): string {
  return `[${Object.entries(attrs)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${quote(v)}`)
    .join(', ')}]`;
}

function markAttrs(mark: Mark | undefined, base: string): Record<string, string> {
  const style = MARK_STYLE[mark ?? 'normal'];
  return {
    style: mark === 'unreachable' ? `${base},dashed` : base,
    color: style.stroke,
    fillcolor: style.fill,
    ...(mark === 'everyone' || mark === 'audit' ? { penwidth: '2' } : {}),
  };
}

function nodeLine(node: GraphNode, indent: string): string {
  return `${indent}${quote(node.id)} ${attributes({ label: node.lines.join('\n'), shape: SHAPES[node.kind], ...markAttrs(node.mark, 'filled') })};`;
}

export function toDot(graph: PolicyGraph): string {
  const out = [
    'digraph "policy" {',
    '  graph [rankdir="LR", fontname="Helvetica", fontsize="11", compound="true"];',
    '  node [fontname="Helvetica", fontsize="10"];',
    '  edge [fontname="Helvetica", fontsize="9"];',
  ];
  graph.namespaces.forEach((ns, i) => {
    const members = graph.nodes.filter((n) => n.namespace === ns.name);
    if (!members.length) return;
    const label = `namespace ${ns.name}${ns.defaultPolicy ? `\ndefault inbound policy: ${ns.defaultPolicy}` : ''}`;
    out.push(`  subgraph "cluster_${i}" {`, `    graph ${attributes({ label, ...markAttrs(ns.mark, 'rounded') })};`);
    for (const node of members) out.push(nodeLine(node, '    '));
    out.push('  }');
  });
  for (const node of graph.nodes.filter((n) => n.namespace === undefined)) out.push(nodeLine(node, '  '));
  for (const edge of graph.edges) {
    const colour = edge.traffic ? TRAFFIC_COLOUR : MARK_STYLE[edge.mark ?? 'normal'].stroke;
    const dash = edge.structural ? 'dashed' : undefined;
    const bold = edge.traffic || edge.mark === 'everyone' || edge.mark === 'audit';
    out.push(`  ${quote(edge.from)} -> ${quote(edge.to)} ${attributes({ label: edge.label, color: colour, fontcolor: colour, style: dash, penwidth: bold ? '2' : undefined })};`);
  }
  out.push('  subgraph "cluster_legend" {', `    graph ${attributes({ label: 'legend', style: 'rounded', color: '#bbbbbb' })};`);
  LEGEND.forEach((entry, i) => {
    const mark = entry.mark === 'normal' ? undefined : entry.mark;
    out.push(`    ${quote(`legend:${i}`)} ${attributes({ label: entry.text, shape: entry.kind ? SHAPES[entry.kind] : 'box', ...markAttrs(mark, 'filled') })};`);
  });
  out.push('  }', '}', '');
  return out.join('\n');
}
