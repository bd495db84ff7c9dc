import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MeshformError } from '../../lib/errors.js';
import { meshPropsToValues, resolveMeshProps, type ControlPlaneProps } from '../../lib/props/mesh-props.js';

const external: ControlPlaneProps = { identity: { trustAnchorsPem: '', externalCA: true } };

test('props map onto upstream keys', () => {
  const values = meshPropsToValues({
    version: 'edge-1.2.3',
    identity: {
      trustAnchorsPem: 'ANCHORS',
      issuer: { certificatePem: 'CRT', keyPem: 'KEY' },
      trustDomain: 'example.org',
      issuanceLifetime: '48h',
      clockSkewAllowance: '1m',
      externalCA: false,
    },
    clusterDomain: 'example.org',
    clusterNetworks: ['10.0.0.0/8', 'fd00::/8'],
    proxy: {
      logLevel: 'debug',
      logFormat: 'json',
      resources: { cpu: { request: '100m' }, memory: { limit: '250Mi' }, ephemeralStorage: { request: '1Gi' } },
      ports: { admin: 5191 },
      defaultInboundPolicy: 'deny',
      opaquePorts: [25, '5000-6000', 'mysql'],
      nativeSidecar: false,
      image: { name: 'my/proxy', version: 'v1', pullPolicy: 'Always' },
    },
    controllerReplicas: 2,
    controllerLogLevel: 'debug',
    cniEnabled: true,
    webhookFailurePolicy: 'Fail',
    podLabels: { team: 'a' },
    podAnnotations: { note: 'b' },
    tracing: { enabled: true, collectorEndpoint: 'collector:4317' },
    installGatewayAPI: true,
  });
  assert.deepEqual(values, {
    linkerdVersion: 'edge-1.2.3',
    identityTrustAnchorsPEM: 'ANCHORS',
    identityTrustDomain: 'example.org',
    identity: {
      externalCA: false,
      issuer: { issuanceLifetime: '48h', clockSkewAllowance: '1m', tls: { crtPEM: 'CRT', keyPEM: 'KEY' } },
    },
    clusterDomain: 'example.org',
    clusterNetworks: '10.0.0.0/8,fd00::/8',
    proxy: {
      logLevel: 'debug',
      logFormat: 'json',
      resources: { cpu: { request: '100m' }, memory: { limit: '250Mi' }, 'ephemeral-storage': { request: '1Gi' } },
      ports: { admin: 5191 },
      defaultInboundPolicy: 'deny',
      opaquePorts: '25,5000-6000,mysql',
      nativeSidecar: false,
      image: { name: 'my/proxy', version: 'v1', pullPolicy: 'Always' },
    },
    controllerReplicas: 2,
    controllerLogLevel: 'debug',
    cniEnabled: true,
    webhookFailurePolicy: 'Fail',
    podLabels: { team: 'a' },
    podAnnotations: { note: 'b' },
    controller: { tracing: { enabled: true, collector: { endpoint: 'collector:4317' } } },
    installGatewayAPI: true,
  });
});

test('empty props give an empty user tree', () => {
  assert.deepEqual(meshPropsToValues({}), {});
});

test('the values escape hatch is applied last, and null removes a default', () => {
  const v = resolveMeshProps({
    ...external,
    controllerReplicas: 2,
    values: { controllerReplicas: 4, identity: { issuer: { scheme: 'kubernetes.io/tls' } }, nodeSelector: null },
  });
  assert.equal(v.controllerReplicas, 4);
  assert.equal(v.nodeSelector, undefined);
});

test('resolveMeshProps applies ha and keeps upstream defaults elsewhere', () => {
  const v = resolveMeshProps({ ...external, ha: true, values: { identity: { issuer: { scheme: 'kubernetes.io/tls' } } } });
  assert.equal(v.controllerReplicas, 3);
  assert.equal(v.proxy.ports.admin, 4191);
  assert.equal(v.linkerdVersion, 'edge-26.8.3');
});

test('bad props are reported by their upstream key', () => {
  assert.throws(
    () => resolveMeshProps({ ...external, proxy: { ports: { admin: 0 } }, clusterNetworks: ['nope'] }),
    (e: unknown) =>
      e instanceof MeshformError &&
      e.issues.some((i) => i.path === 'proxy.ports.admin') &&
      e.issues.some((i) => i.path === 'clusterNetworks'),
  );
});
