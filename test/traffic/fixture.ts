/**
 * The traffic the lead's examples/traffic app describes, built with the constructs: `web-svc` canary
 * by header on every path, 90/10 otherwise, 5 % HTTP 503 under `/api/vote`; `emoji-svc` gRPC retries;
 * `voting-svc` circuit breaking.
 */
import type { Chart } from 'cdk8s';
import { ApiObject } from 'cdk8s';
import { annotateService, canary, FaultInjection, GrpcRoute, HttpRoute, serviceRef } from '../../constructs/traffic/index.js';

export function buildTraffic(c: Chart): { readonly web: HttpRoute; readonly emoji: GrpcRoute; readonly faults: FaultInjection } {
  const ns = 'emojivoto';
  const service = (name: string, port: number) =>
    new ApiObject(c, name, { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { selector: { app: name }, ports: [{ name: 'p', port }] } });
  const webSvc = service('web-svc', 80);
  const webV2 = service('web-svc-v2', 80);
  const emojiSvc = service('emoji-svc', 8080);
  const votingSvc = service('voting-svc', 8080);

  const faults = new FaultInjection(c, 'web-fault', { namespace: ns, status: 503 });
  const split = canary(serviceRef(webSvc, 80), serviceRef(webV2, 80), 10);
  const web = new HttpRoute(c, 'web-route', {
    parent: serviceRef(webSvc, 80),
    rules: [
      { matches: [{ headers: { 'x-canary': 'true' } }], backends: [serviceRef(webV2, 80)] },
      { matches: [{ path: { prefix: '/api/vote' } }], backends: split, fault: faults.share(5) },
      { backends: split },
    ],
  });
  const emoji = new GrpcRoute(c, 'emoji-route', {
    parent: serviceRef(emojiSvc, 8080),
    retry: { grpc: ['unavailable'], limit: 3, timeout: '300ms' },
    timeouts: { request: '1s' },
  });
  annotateService(votingSvc, { circuitBreaker: { consecutiveFailures: 7 } });
  return { web, emoji, faults };
}
