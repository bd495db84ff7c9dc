// Linkerd's label and annotation names are spelled once, in lib/k8s/labels.ts (upstream pkg/k8s/labels.go).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, sourceFiles } from '../helpers/source-files.js';
import * as labels from '../../lib/k8s/labels.js';

// A quoted key, or a `key=value` selector (not a comment, an apiVersion or an issuer scheme such as
// 'linkerd.io/tls'): Linkerd's own prefixes, and the cert-manager injection annotations its charts write.
const KEY = /['"`]((?:(?:config(?:\.alpha|\.beta)?|viz|mirror|multicluster|retry|timeout|balancer)\.linkerd\.io|linkerd\.io|cert-manager\.io)\/[a-z0-9-]+)(?:=[a-z0-9-]*)?['"`]/g;
const NOT_KEYS = new Set(['linkerd.io/tls']);

function spelled(file: string): string[] {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
    .join('\n');
  return [...text.matchAll(KEY)].map((m) => m[1]).filter((k) => !NOT_KEYS.has(k) && !/\/v\d/.test(k));
}

test('no label or annotation name is spelled outside lib/k8s/labels.ts', () => {
  const files = ['lib', 'constructs', 'cli', 'stacks'].flatMap(sourceFiles).filter((f) => f !== 'lib/k8s/labels.ts');
  const found = files.flatMap((f) => spelled(f).map((k) => `${f}: ${k}`));
  assert.deepEqual(found, []);
});

test('the checker finds a spelled key', () => {
  assert.deepEqual([..."x = { 'linkerd.io/inject': 'enabled' }".matchAll(KEY)].map((m) => m[1]), ['linkerd.io/inject']);
  const more = "{ 'mirror.linkerd.io/gateway-identity': id, 'cert-manager.io/inject-ca-from': ca }; s ?? 'mirror.linkerd.io/exported=true'";
  assert.deepEqual([...more.matchAll(KEY)].map((m) => m[1]), ['mirror.linkerd.io/gateway-identity', 'cert-manager.io/inject-ca-from', 'mirror.linkerd.io/exported']);
});

test('the names are upstream’s', () => {
  assert.equal(labels.INJECT_ANNOTATION, 'linkerd.io/inject');
  assert.equal(labels.CONTROL_PLANE_NS_LABEL, 'linkerd.io/control-plane-ns');
  assert.equal(labels.CONTROL_PLANE_COMPONENT_LABEL, 'linkerd.io/control-plane-component');
  assert.equal(labels.proxyOwnerLabel('statefulset'), 'linkerd.io/proxy-statefulset');
  assert.equal(labels.ANNOTATIONS.opaquePorts, 'config.linkerd.io/opaque-ports');
  assert.equal(labels.TRUST_ROOT_SHA256_ANNOTATION, 'linkerd.io/trust-root-sha256');
  assert.equal(labels.GATEWAY_ANNOTATIONS.identity, 'mirror.linkerd.io/gateway-identity');
  assert.equal(labels.GATEWAY_PORT_NAME, 'mc-gateway');
  assert.equal(labels.MIRROR_CREDENTIALS_SECRET_TYPE, 'mirror.linkerd.io/remote-kubeconfig');
  assert.equal(labels.DEFAULT_MIRROR_SELECTORS.remoteDiscovery, 'mirror.linkerd.io/exported=remote-discovery');
  assert.deepEqual(labels.CERT_MANAGER_CA_INJECTION_ANNOTATIONS, ['cert-manager.io/inject-ca-from', 'cert-manager.io/inject-ca-from-secret', 'cert-manager.io/inject-apiserver-ca']);
  assert.deepEqual(labels.RESILIENCE_ANNOTATION_PREFIXES, ['retry.linkerd.io/', 'timeout.linkerd.io/', 'balancer.linkerd.io/failure-accrual']);
});
