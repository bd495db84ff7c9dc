/**
 * Traffic and policy around emojivoto (examples/emojivoto), written with meshform's typed constructs:
 *
 * - `web-svc`: requests with `x-canary: true` go to `web-svc-v2` on every path; all others split
 *   90 % `web-svc` / 10 % `web-svc-v2`, except that under `/api/vote` 5 % of them get HTTP 503 from a
 *   fault backend (the other 95 % keep the 90/10 split);
 * - `emoji-svc` (gRPC): retries on `unavailable` up to 3 times, 300ms per try, 1s per request;
 * - `voting-svc`: circuit breaking after 7 consecutive failures; rate limit 100 rps in all, 10 rps
 *   per client identity, 50 rps for `web`'s;
 * - namespace `emojivoto` denies by default; allowed: `vote-bot` → `web-svc` (both versions),
 *   `web` → `emoji-svc` and `voting-svc`, viz Prometheus → every proxy's admin port;
 * - egress: only `api.github.com:443` out of the namespace;
 * - a Flagger canary for `web`: success rate ≥ 99 %, p99 latency ≤ 500 ms.
 *
 * Every object is checked against the others before it is printed (`checkTraffic`: references,
 * ports, weights, selectors, identities, ServiceProfile overrides), so a broken reference is an error
 * naming the construct path and field, not a route Linkerd silently drops.
 *
 *   npm run example:traffic                     # YAML on stdout
 *   npm run example:traffic -- --graph [svg|dot|mermaid]   # the policy picture on stdout (default svg)
 */
import { pathToFileURL } from 'node:url';
import { App } from 'cdk8s';
import { MeshformError } from '../../lib/errors.js';
import { toYamlStream } from '../../lib/manifest.js';
import { MESH_REFERENCE_API_VERSION, MESH_REFERENCE_KIND, type MeshReference } from '../../lib/mesh-reference/index.js';
import type { PolicyGraphFormat } from '../../lib/policy-graph/index.js';
import { FlaggerCanary } from '../../constructs/flagger/index.js';
import { chartObjects } from '../../constructs/kube-object.js';
import { policyGraph } from '../../constructs/policy-graph.js';
import { NamespacePolicy } from '../../constructs/policy/index.js';
import { checkTraffic } from '../../constructs/traffic-check.js';
import { annotateService, canary, FaultInjection, GrpcRoute, HttpRoute, serviceRef } from '../../constructs/traffic/index.js';
import { addWebVersion, EMOJIVOTO_NAMESPACE, emojivoto, type Emojivoto } from '../emojivoto/app.js';

/** The figures the app is built from (the numbers, in one place). */
export const TRAFFIC = {
  canaryHeader: { name: 'x-canary', value: 'true' },
  canaryPercent: 10,
  faultPath: '/api/vote',
  faultStatus: 503,
  faultPercent: 5,
  emojiRetry: { grpc: ['unavailable'] as const, limit: 3, timeout: '300ms' as const },
  emojiRequestTimeout: '1s' as const,
  votingConsecutiveFailures: 7,
  votingRateLimit: { total: 100, identity: 10, web: 50 },
  egress: { hostname: 'api.github.com', port: 443 },
  canaryAnalysis: { minSuccessPercent: 99, maxLatencyMs: 500 },
} as const;

/** The emojivoto app with `web-v2`, its routes, resilience, policy, egress and canary. */
export function buildTrafficApp(scope: App, mesh: MeshReference): Emojivoto {
  const app = emojivoto(scope, mesh, { voteBotServiceAccount: true });
  const { chart, services } = app;
  const webV2 = addWebVersion(app, mesh, { name: 'web-v2', serviceName: 'web-svc-v2' });

  // web-svc: header canary first (first match wins; meshform widens it over /api/vote so the
  // canary header still wins there under Gateway API's longest-path precedence), then the faulted
  // /api/vote split, then everything else.
  const web = serviceRef(services['web-svc'], 80);
  const v2 = serviceRef(webV2.service, 80);
  const split = canary(web, v2, TRAFFIC.canaryPercent);
  const faults = new FaultInjection(chart, 'web-fault', { namespace: EMOJIVOTO_NAMESPACE, status: TRAFFIC.faultStatus });
  new HttpRoute(chart, 'web-route', {
    parent: web,
    rules: [
      { matches: [{ headers: { [TRAFFIC.canaryHeader.name]: TRAFFIC.canaryHeader.value } }], backends: [v2] },
      { matches: [{ path: { prefix: TRAFFIC.faultPath } }], backends: split, fault: faults.share(TRAFFIC.faultPercent) },
      { backends: split },
    ],
  });

  new GrpcRoute(chart, 'emoji-route', {
    parent: serviceRef(services['emoji-svc'], 8080),
    retry: { grpc: [...TRAFFIC.emojiRetry.grpc], limit: TRAFFIC.emojiRetry.limit, timeout: TRAFFIC.emojiRetry.timeout },
    timeouts: { request: TRAFFIC.emojiRequestTimeout },
  });
  annotateService(services['voting-svc'], { circuitBreaker: { consecutiveFailures: TRAFFIC.votingConsecutiveFailures } });

  // Default deny, then exactly the calls the app makes (and viz's scrapes).
  const policy = new NamespacePolicy(chart, 'policy', { namespace: app.namespace, mesh });
  const voting = policy.server({ name: 'voting-grpc', podSelector: { matchLabels: { app: 'voting' } }, port: 'grpc', proxyProtocol: 'gRPC' });
  policy
    .allow(
      { serviceAccount: 'vote-bot' },
      { name: 'web-http', podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'web-v2'] }] }, port: 'http', proxyProtocol: 'HTTP/1' },
    )
    .allow({ serviceAccount: 'web' }, { name: 'emoji-grpc', podSelector: { matchLabels: { app: 'emoji' } }, port: 'grpc', proxyProtocol: 'gRPC' })
    .allow({ serviceAccount: 'web' }, voting)
    .allowVizScrapes()
    .rateLimit(voting, {
      total: TRAFFIC.votingRateLimit.total,
      identity: TRAFFIC.votingRateLimit.identity,
      overrides: [{ requestsPerSecond: TRAFFIC.votingRateLimit.web, clients: [{ serviceAccount: 'web' }] }],
    })
    .restrictEgress({ allow: [{ hostnames: [TRAFFIC.egress.hostname], port: TRAFFIC.egress.port }] });

  // Flagger promotes `web` step by step while Linkerd's metrics hold. Its apex Service is `web`
  // (Flagger creates it), beside the static routes on `web-svc`, which stay ours.
  new FlaggerCanary(chart, 'web-canary', {
    deployment: 'web',
    namespace: EMOJIVOTO_NAMESPACE,
    port: 80,
    targetPort: 8080,
    successRate: { minPercent: TRAFFIC.canaryAnalysis.minSuccessPercent },
    latency: { maxMs: TRAFFIC.canaryAnalysis.maxLatencyMs },
  });

  // viz's Prometheus is the mesh's, not the app's: its identity is known to exist.
  checkTraffic(chart, { mesh, externalNamespaces: ['linkerd-viz'] });
  return app;
}

/** The public facts of the default mesh (annotation-mode meshing needs no trust anchors). */
const DEFAULT_MESH: MeshReference = { apiVersion: MESH_REFERENCE_API_VERSION, kind: MESH_REFERENCE_KIND };

const GRAPH_FORMATS: readonly PolicyGraphFormat[] = ['svg', 'dot', 'mermaid'];

async function main(args: readonly string[]): Promise<void> {
  const { chart } = buildTrafficApp(new App(), DEFAULT_MESH);
  if (args[0] !== '--graph') {
    if (args.length) throw new MeshformError(`unknown argument ${JSON.stringify(args[0])}: run with no arguments, or --graph [${GRAPH_FORMATS.join('|')}]`);
    process.stdout.write(toYamlStream(chartObjects(chart)));
    return;
  }
  const format = (args[1] ?? 'svg') as PolicyGraphFormat;
  if (!GRAPH_FORMATS.includes(format) || args.length > 2) {
    throw new MeshformError('invalid --graph format', [{ path: '--graph', value: args.slice(1).join(' '), message: `must be one of ${GRAPH_FORMATS.join(', ')}` }]);
  }
  process.stdout.write(await policyGraph(chart, format, { mesh: DEFAULT_MESH }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`traffic: ${e instanceof MeshformError ? e.message : (e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  });
}
