/** The MulticlusterLink fixture program and the target cluster's objects it reads (tests with the fake engine). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Registration } from './fake-engine.js';

export const LINK_FIXTURE = fileURLToPath(new URL('./fixtures/link', import.meta.url));

/** The target kubeconfig of the fixture's Pulumi.dev.yaml, for runs that set it as a secret. */
export const TARGET_KUBECONFIG_KEY = 'link-fixture:targetKubeconfig';
export const TARGET_KUBECONFIG = (parse(readFileSync(`${LINK_FIXTURE}/Pulumi.dev.yaml`, 'utf8')) as { config: Record<string, string> }).config[TARGET_KUBECONFIG_KEY];

export const b64 = (s: string): string => Buffer.from(s).toString('base64');

export const GATEWAY = {
  metadata: {
    name: 'linkerd-gateway',
    namespace: 'linkerd-multicluster',
    annotations: {
      'mirror.linkerd.io/gateway-identity': 'linkerd-gateway.linkerd-multicluster.serviceaccount.identity.linkerd.east.example',
      'mirror.linkerd.io/probe-period': '60',
      'mirror.linkerd.io/probe-path': '/ready',
      'mirror.linkerd.io/multicluster-gateway': 'true',
    },
  },
  spec: { type: 'LoadBalancer', ports: [{ name: 'mc-gateway', port: 4143 }, { name: 'mc-probe', port: 4191 }] },
  status: { loadBalancer: { ingress: [{ ip: '203.0.113.7' }, { hostname: 'gw.east.example' }] } },
};
export const LINKERD_CONFIG = { data: { values: 'clusterDomain: east.local\nidentityTrustDomain: east.example\n' } };
export const existing = (gateway: unknown) => ({
  'kubernetes:core/v1:Service linkerd-multicluster/linkerd-gateway': gateway as Record<string, unknown>,
  'kubernetes:core/v1:ConfigMap linkerd/linkerd-config': LINKERD_CONFIG,
});
/** The API server fills a token Secret once its ServiceAccount exists. */
export const created = (r: Registration) =>
  r.type === 'kubernetes:core/v1:Secret' && r.name.endsWith('-token') ? { data: { token: b64('TOKEN'), 'ca.crt': b64('TOKEN-SECRET-CA'), namespace: b64('linkerd-multicluster') } } : undefined;

