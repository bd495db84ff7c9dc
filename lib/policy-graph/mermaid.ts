/** The policy graph as a Mermaid flowchart (renders in a GitOps pull request): namespaces as subgraphs, marks as classes, a legend. */
import { MARK_STYLE, TRAFFIC_COLOUR } from './dot.js';
import { LEGEND, type GraphNode, type Mark, type NodeKind, type PolicyGraph } from './model.js';

/** Mermaid's node shapes, open and close, per kind. */
const SHAPES: Readonly<Record<NodeKind, readonly [string, string]>> = {
  workload: ['[', ']'],
  service: ['(', ')'],
  server: ['[[', ']]'],
  route: ['[/', '/]'],
  authorization: ['{{', '}}'],
  authentication: ['>', ']'],
  clients: ['([', '])'],
  egress: ['[(', ')]'],
  host: ['((', '))'],
};

/** Label text inside `"..."`: quotes, markup characters and `|` (an edge label's delimiter) as entities, lines as `<br/>`. */
function label(lines: readonly string[]): string {
  const escape = (text: string) => text.replace(/&/g, '#amp;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/\|/g, '#124;');
  return `"${lines.map(escape).join('<br/>')}"`;
}

export function toMermaid(graph: PolicyGraph): string {
  // Mermaid ids must be plain words: number the (sorted) nodes.
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const out = ['flowchart LR'];
  const node = (n: GraphNode, indent: string) => {
    const [open, close] = SHAPES[n.kind];
    out.push(`${indent}${ids.get(n.id)}${open}${label(n.lines)}${close}`);
  };
  graph.namespaces.forEach((ns, i) => {
    const members = graph.nodes.filter((n) => n.namespace === ns.name);
    if (!members.length) return;
    out.push(`  subgraph ns${i}[${label([`namespace ${ns.name}`, ...(ns.defaultPolicy ? [`default inbound policy: ${ns.defaultPolicy}`] : [])])}]`);
    for (const n of members) node(n, '    ');
    out.push('  end');
  });
  for (const n of graph.nodes.filter((x) => x.namespace === undefined)) node(n, '  ');
  const linkStyles: string[] = [];
  graph.edges.forEach((e, i) => {
    // Traffic edges thick (`==>`), structure dashed (`-.->`), permissions plain.
    const arrow = e.traffic ? '==>' : e.structural ? '-.->' : '-->';
    out.push(`  ${ids.get(e.from)} ${arrow}|${label(e.label.split('\n'))}| ${ids.get(e.to)}`);
    if (e.traffic) linkStyles.push(`  linkStyle ${i} stroke:${TRAFFIC_COLOUR},stroke-width:2px`);
    else if (e.mark) linkStyles.push(`  linkStyle ${i} stroke:${MARK_STYLE[e.mark].stroke},stroke-width:2px`);
  });
  out.push('  subgraph legend["legend"]');
  LEGEND.forEach((entry, i) => {
    const [open, close] = SHAPES[entry.kind ?? 'workload'];
    out.push(`    legend${i}${open}${label(entry.text.split('\n'))}${close}`);
  });
  out.push('  end');
  out.push(...linkStyles);
  const marks: readonly Mark[] = ['everyone', 'audit', 'unreachable'];
  for (const mark of marks) {
    const style = MARK_STYLE[mark];
    out.push(`  classDef ${mark} fill:${style.fill},stroke:${style.stroke},stroke-width:2px${mark === 'unreachable' ? ',stroke-dasharray:5 5' : ''}`);
    const members = [
      ...graph.nodes.filter((n) => n.mark === mark).map((n) => ids.get(n.id)!),
      ...graph.namespaces.flatMap((ns, i) => (ns.mark === mark && graph.nodes.some((n) => n.namespace === ns.name) ? [`ns${i}`] : [])),
      ...LEGEND.flatMap((entry, i) => (entry.mark === mark ? [`legend${i}`] : [])),
    ];
    if (members.length) out.push(`  class ${members.join(',')} ${mark}`);
  }
  return `${out.join('\n')}\n`;
}
