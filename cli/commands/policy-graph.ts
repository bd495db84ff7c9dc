/**
 * `meshform policy graph [-f FILE|DIR|-] [-o dot|mermaid|svg]`: who may call whom in a render
 * (workloads, Services and their routes, Servers, authorizations, egress), as Graphviz DOT (default), Mermaid (for a
 * pull request) or SVG. Unreachable Servers and allow-everyone policies stand out.
 */
import type { KubeObject } from '../../lib/manifest.js';
import { POLICY_GRAPH_FORMATS, renderPolicyGraph, type PolicyGraphFormat } from '../../lib/policy-graph/index.js';
import { DEFAULT_POLICIES } from '../../lib/traffic-check/policy.js';
import type { FlagTable } from '../help.js';
import { UsageError, type Command } from '../io.js';
import { parseFlags } from '../parse-flags.js';
import { readManifestInput } from './inject.js';

const POLICY_GRAPH_OPTIONS = {
  filename: { type: 'string', short: 'f', valueName: 'FILE|DIR|-', description: 'the manifests to read: a file, a directory of YAML/JSON files, or - for stdin (default -)' },
  output: { type: 'string', short: 'o', valueName: 'dot|mermaid|svg', description: 'output format: dot (default), mermaid or svg' },
  'identity-trust-domain': { type: 'string', valueName: 'DOMAIN', description: "the mesh's identity trust domain (default cluster.local)" },
  'linkerd-namespace': { type: 'string', short: 'L', valueName: 'NS', description: 'namespace of the control plane, part of every identity (default linkerd)' },
  'default-inbound-policy': { type: 'string', valueName: 'POLICY', description: "the cluster's proxy.defaultInboundPolicy, for namespaces that set none (default all-unauthenticated)" },
} as const satisfies FlagTable;

/** Objects of the stream, `kind: List` items included (a document without apiVersion and kind names nothing). */
function flatten(docs: readonly Record<string, unknown>[]): KubeObject[] {
  const objects = docs.flatMap((d) => (d.kind === 'List' && Array.isArray(d.items) ? (d.items as Record<string, unknown>[]) : [d]));
  return objects.filter((o): o is KubeObject => typeof o?.apiVersion === 'string' && typeof o.kind === 'string');
}

export const policyGraph: Command = async (args, io) => {
  const { values } = parseFlags(args, POLICY_GRAPH_OPTIONS);
  const format = (values.output ?? 'dot') as PolicyGraphFormat;
  if (!POLICY_GRAPH_FORMATS.includes(format)) throw new UsageError(`invalid --output "${String(values.output)}": must be one of ${POLICY_GRAPH_FORMATS.join(', ')}`);
  const policy = values['default-inbound-policy'] as string | undefined;
  if (policy !== undefined && !(DEFAULT_POLICIES as readonly string[]).includes(policy)) {
    throw new UsageError(`invalid --default-inbound-policy "${policy}": must be one of ${DEFAULT_POLICIES.join(', ')}`);
  }
  const docs = await readManifestInput([(values.filename as string | undefined) ?? '-'], io);
  io.stdout(
    await renderPolicyGraph(flatten(docs), format, {
      trustDomain: values['identity-trust-domain'] as string | undefined,
      controlPlaneNamespace: values['linkerd-namespace'] as string | undefined,
      defaultInboundPolicy: policy,
    }),
  );
  return 0;
};
