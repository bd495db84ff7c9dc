/** Custom resources validate against the schemas meshform installs (ajv over `crdSchemaFor`). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { crdSchemaFor, jsonSchemaFor, toJsonSchema } from '../../lib/crds/crd-schema.js';

function validator(group: string, kind: string, version: string) {
  const schema = jsonSchemaFor(group, kind, version);
  assert.ok(schema, `${group}/${version} ${kind} has a schema`);
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
  return (o: unknown): string[] => (validate(o) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}

const server = (spec: object) => ({
  apiVersion: 'policy.linkerd.io/v1beta3',
  kind: 'Server',
  metadata: { name: 'web-http', namespace: 'emojivoto' },
  spec,
});

describe('crdSchemaFor', () => {
  it('finds served versions and nothing else', () => {
    assert.ok(crdSchemaFor('policy.linkerd.io', 'Server', 'v1beta3'));
    assert.ok(crdSchemaFor('linkerd.io', 'ServiceProfile', 'v1alpha2'));
    assert.ok(crdSchemaFor('gateway.networking.k8s.io', 'HTTPRoute', 'v1'));
    assert.equal(crdSchemaFor('policy.linkerd.io', 'Server', 'v2'), undefined);
    assert.equal(crdSchemaFor('policy.linkerd.io', 'Gateway', 'v1beta3'), undefined);
  });

  it('maps x-kubernetes-int-or-string to integer|string', () => {
    const port = (toJsonSchema({ 'x-kubernetes-int-or-string': true }) as { type?: unknown }).type;
    assert.deepEqual(port, ['integer', 'string']);
  });
});

describe('Server v1beta3 validation', () => {
  const validate = validator('policy.linkerd.io', 'Server', 'v1beta3');

  it('accepts a valid Server (named or numbered port)', () => {
    assert.deepEqual(validate(server({ podSelector: { matchLabels: { app: 'web' } }, port: 'http', proxyProtocol: 'HTTP/1' })), []);
    assert.deepEqual(validate(server({ externalWorkloadSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['vm'] }] }, port: 8080 })), []);
  });

  it('rejects a Server without port, with both selectors, a bad operator or an unknown field', () => {
    assert.notDeepEqual(validate(server({ podSelector: {} })), []);
    assert.notDeepEqual(validate(server({ podSelector: {}, externalWorkloadSelector: {}, port: 80 })), []);
    assert.notDeepEqual(validate(server({ podSelector: { matchExpressions: [{ key: 'a', operator: 'Maybe' }] }, port: 80 })), []);
    assert.notDeepEqual(validate(server({ podSelector: {}, port: 80, proxyProtocl: 'opaque' })), []);
    assert.notDeepEqual(validate(server({ podSelector: {}, port: true })), []);
  });
});

describe('other kinds validate too', () => {
  it('AuthorizationPolicy requires its references', () => {
    const validate = validator('policy.linkerd.io', 'AuthorizationPolicy', 'v1alpha1');
    const ok = {
      targetRef: { group: 'policy.linkerd.io', kind: 'Server', name: 'web-http' },
      requiredAuthenticationRefs: [{ group: 'policy.linkerd.io', kind: 'MeshTLSAuthentication', name: 'web-clients' }],
    };
    assert.deepEqual(validate({ apiVersion: 'policy.linkerd.io/v1alpha1', kind: 'AuthorizationPolicy', metadata: { name: 'a' }, spec: ok }), []);
    assert.notDeepEqual(validate({ spec: { targetRef: ok.targetRef } }), []);
  });
});
