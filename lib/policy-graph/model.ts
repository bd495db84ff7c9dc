/** The policy graph's data: typed nodes and edges, the namespace boxes they sit in, and their marks. */

export type NodeKind = 'workload' | 'service' | 'server' | 'route' | 'authorization' | 'authentication' | 'clients' | 'egress' | 'host';

/**
 * What makes a node or edge stand out: `unreachable` (a Server nothing is authorized to reach),
 * `everyone` (admits clients it does not name: unauthenticated networks, `*` identities, allow-type
 * defaults, empty authorizations, egress `Allow`), `audit` (allows and logs what would be denied).
 */
export type Mark = 'unreachable' | 'everyone' | 'audit';

export interface GraphNode {
  /** Stable id, `<kind>:<namespace>/<name>...`: the sort key of every output. */
  readonly id: string;
  readonly kind: NodeKind;
  /** Lines of the label, first line the object's kind and name. */
  readonly lines: readonly string[];
  /** The namespace box the node is drawn in; undefined for cluster-wide nodes (any client, networks, identities). */
  readonly namespace?: string;
  readonly mark?: Mark;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly mark?: Mark;
  /** Drawn dashed: structure (a Server or Service selecting pods, a route on a Server or Service), not a permission. */
  readonly structural?: boolean;
  /** Drawn in the traffic colour: where a route on a Service sends requests (its backends), not a permission. */
  readonly traffic?: boolean;
}

export interface NamespaceBox {
  readonly name: string;
  /** The namespace's `config.linkerd.io/default-inbound-policy`, if set. */
  readonly defaultPolicy?: string;
  readonly mark?: Mark;
}

export interface PolicyGraph {
  readonly namespaces: readonly NamespaceBox[];
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** One legend sample: a box (or the shape of `kind`) styled as `mark`. */
export interface LegendEntry {
  readonly mark: Mark | 'normal';
  /** Lines separated by `\n`. */
  readonly text: string;
  /** Drawn in this kind's shape. @default a plain box */
  readonly kind?: NodeKind;
}

/** The legend both text formats draw: one sample per mark, and one for Services and their routes. */
export const LEGEND: readonly LegendEntry[] = [
  { mark: 'normal', text: 'explicitly authorized' },
  { mark: 'everyone', text: 'admits clients it does not name (any network, any identity, allow default)' },
  { mark: 'audit', text: 'audit: allows and logs what would be denied' },
  { mark: 'unreachable', text: 'unreachable: access denied and no authorization' },
  {
    mark: 'normal',
    kind: 'service',
    text: "Service → its routes → backend Services (blue): where requests go,\nlabelled with the rule's matches and the backend's share;\nretry, timeout and circuit-breaking annotations on the Service and route",
  },
];

/** Code-unit order: the same in every locale. */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
