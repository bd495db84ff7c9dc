// plain: apply.sh applies the phases in order, server-side, waiting for each before the next, then restarts the listed namespaces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { layout, RESTART_NAMESPACES } from './fixture.js';

const plain = layout('plain');
const script = readFileSync(join(plain.outdir, 'apply.sh'), 'utf8');
const lines = script.split('\n');
const lineOf = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l));

test('apply.sh is an executable POSIX shell script that stops at the first failure', () => {
  assert.equal(statSync(join(plain.outdir, 'apply.sh')).mode & 0o111, 0o111);
  assert.equal(lines[0], '#!/bin/sh');
  assert.ok(lines.includes('set -eu'));
  assert.equal(spawnSync('sh', ['-n', join(plain.outdir, 'apply.sh')]).status, 0);
});

test('each phase is applied server-side, in order, and waited for before the next phase is applied', () => {
  const applies = lines.filter((l) => l.startsWith('kubectl apply'));
  assert.deepEqual(applies, [
    'kubectl apply --server-side -f 00-crds/crds.yaml',
    'kubectl apply --server-side -f 01-cert-manager-identity/cert-manager-identity.yaml',
    'kubectl apply --server-side -f 02-control-plane/control-plane.yaml',
    'kubectl apply --server-side -f 03-viz/viz.yaml',
  ]);
  const established = lineOf(/^kubectl wait --for condition=Established/);
  assert.ok(established > lineOf(/00-crds\/crds.yaml/) && established < lineOf(/01-cert-manager-identity\//));
  assert.match(script, /customresourcedefinition\.apiextensions\.k8s\.io\/servers\.policy\.linkerd\.io/);
  const certificates = lineOf(/^kubectl wait --for condition=Ready --timeout=5m --namespace cert-manager/);
  assert.ok(certificates > lineOf(/01-cert-manager-identity\//) && certificates < lineOf(/02-control-plane\//));
  const injectorReady = lineOf(/rollout status .*--namespace linkerd deployment\.apps\/linkerd-proxy-injector$/);
  assert.ok(injectorReady > lineOf(/02-control-plane\//) && injectorReady < lineOf(/03-viz\//), 'viz waits for the proxy injector');
});

test('the data-plane restart of the listed namespaces comes last; without namespaces it is documented', () => {
  const restarts = lines.filter((l) => l.startsWith('kubectl rollout restart'));
  assert.deepEqual(restarts, RESTART_NAMESPACES.map((ns) => `kubectl rollout restart deployments,statefulsets,daemonsets --namespace ${ns}`));
  assert.ok(lineOf(/^kubectl rollout restart/) > lineOf(/03-viz\//));
  const bare = readFileSync(join(layout('plain', { rolloutRestart: undefined }).outdir, 'apply.sh'), 'utf8');
  assert.doesNotMatch(bare, /^kubectl rollout restart/m);
  assert.match(bare, /^# {3}kubectl rollout restart deployments,statefulsets,daemonsets --namespace <namespace>$/m);
});
