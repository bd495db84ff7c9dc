/** Collects nodes and edges once each (by id), and returns them in one deterministic order. */
import { byText, type GraphEdge, type GraphNode, type NamespaceBox, type PolicyGraph } from './model.js';

export class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();

  /** Adds `node` (a node reached twice keeps a mark over none); returns its id. */
  node(node: GraphNode): string {
    const known = this.nodes.get(node.id);
    if (!known || (!known.mark && node.mark)) this.nodes.set(node.id, node);
    return node.id;
  }

  replace(node: GraphNode): void {
    this.nodes.set(node.id, node);
  }

  get(id: string): GraphNode | undefined {
    return this.nodes.get(id);
  }

  edge(edge: GraphEdge): void {
    this.edges.set(`${edge.from}\u0000${edge.to}\u0000${edge.label}`, edge);
  }

  /** Sorted nodes and edges; an edge to an object the set lacks is left out (the traffic checks report it). */
  result(namespaces: readonly NamespaceBox[]): PolicyGraph {
    const nodes = [...this.nodes.values()].sort((a, b) => byText(a.id, b.id));
    const edges = [...this.edges.entries()]
      .filter(([, e]) => this.nodes.has(e.from) && this.nodes.has(e.to))
      .sort(([a], [b]) => byText(a, b))
      .map(([, e]) => e);
    return { namespaces: [...namespaces].sort((a, b) => byText(a.name, b.name)), nodes, edges };
  }
}
