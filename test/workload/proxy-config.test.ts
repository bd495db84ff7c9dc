import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MeshformError } from '../../lib/errors.js';
import { proxyConfigAnnotations, proxyConfigIssues, type ProxyConfig } from '../../lib/proxy-config/index.js';

test('every field becomes the annotation the injector parses', () => {
  const a = proxyConfigAnnotations({
    adminPort: 4192,
    skipInboundPorts: [25, '5000-6000'],
    skipOutboundPorts: '3306',
    skipSubnets: ['10.0.0.0/8', 'fd00::/8'],
    opaquePorts: [3306, 'mysql'],
    cpuRequest: '100m',
    memoryLimit: '250Mi',
    cpuRatioLimit: 0.5,
    logLevel: 'warn,linkerd=info',
    logFormat: 'json',
    defaultInboundPolicy: 'cluster-authenticated',
    outboundConnectTimeout: '2s',
    nativeSidecar: true,
    await: false,
    adminShutdown: true,
    waitBeforeExitSeconds: 10,
    additionalEnv: [{ name: 'FOO', value: 'bar' }],
    traceAttributes: { team: 'payments' },
  });
  assert.deepEqual(a, {
    'config.linkerd.io/admin-port': '4192',
    'config.linkerd.io/skip-inbound-ports': '25,5000-6000',
    'config.linkerd.io/skip-outbound-ports': '3306',
    'config.linkerd.io/skip-subnets': '10.0.0.0/8,fd00::/8',
    'config.linkerd.io/opaque-ports': '3306,mysql',
    'config.linkerd.io/proxy-cpu-request': '100m',
    'config.linkerd.io/proxy-cpu-ratio-limit': '0.5',
    'config.linkerd.io/proxy-memory-limit': '250Mi',
    'config.linkerd.io/proxy-log-level': 'warn,linkerd=info',
    'config.linkerd.io/proxy-log-format': 'json',
    'config.linkerd.io/default-inbound-policy': 'cluster-authenticated',
    'config.linkerd.io/proxy-outbound-connect-timeout': '2s',
    'config.linkerd.io/proxy-admin-shutdown': 'enabled',
    'config.linkerd.io/proxy-await': 'disabled',
    'config.alpha.linkerd.io/proxy-wait-before-exit-seconds': '10',
    'config.linkerd.io/proxy-enable-native-sidecar': 'true',
    'config.linkerd.io/proxy-additional-env': '[{"name":"FOO","value":"bar"}]',
    'resource.opentelemetry.io/team': 'payments',
  });
});

test('an empty config writes nothing', () => {
  assert.deepEqual(proxyConfigAnnotations({}), {});
});

test('validation collects every issue, naming the field', () => {
  const bad = {
    adminPort: -1,
    inboundPort: 70000,
    outboundConnectTimeout: '10 seconds',
    defaultInboundPolicy: 'allow-all',
    skipSubnets: ['10.0.0.0/33'],
    skipInboundPorts: '80,abc',
    cpuRequest: 'lots',
    logFormat: 'xml',
    waitBeforeExitSeconds: -5,
    additionalEnv: [{ name: '1 bad' }],
    adminPrt: 1,
  } as unknown as ProxyConfig;
  const paths = proxyConfigIssues(bad).map((i) => i.path);
  assert.deepEqual(paths.sort(), [
    'proxyConfig.additionalEnv[0].name',
    'proxyConfig.adminPort',
    'proxyConfig.adminPrt',
    'proxyConfig.cpuRequest',
    'proxyConfig.defaultInboundPolicy',
    'proxyConfig.inboundPort',
    'proxyConfig.logFormat',
    'proxyConfig.outboundConnectTimeout',
    'proxyConfig.skipInboundPorts',
    'proxyConfig.skipSubnets',
    'proxyConfig.waitBeforeExitSeconds',
  ]);
  assert.throws(
    () => proxyConfigAnnotations(bad),
    (e: unknown) => e instanceof MeshformError && e.issues.length === 11 && /proxyConfig\.adminPort = -1: must be a port number/.test(e.message),
  );
});

test('opaque ports accept names; skip ports do not', () => {
  assert.deepEqual(proxyConfigIssues({ opaquePorts: 'mysql,25' }), []);
  assert.equal(proxyConfigIssues({ skipInboundPorts: 'mysql' }).length, 1);
  assert.equal(proxyConfigIssues({ opaquePorts: [] }).length, 1);
});
