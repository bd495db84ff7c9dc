/** "<name> webhook has valid cert" and "<name> cert is valid for at least 60 days". */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateWebhookCert } from '../../lib/identity/generate.js';
import { checkWebhookCert, CONTROL_PLANE_WEBHOOKS, VIZ_WEBHOOKS } from '../../lib/identity/webhook-certs.js';

const DAY = 86_400_000;

describe('checkWebhookCert', () => {
  it('knows upstream\'s webhooks and their check names', () => {
    assert.deepEqual(
      CONTROL_PLANE_WEBHOOKS.map((w) => [w.name, w.serviceName, w.valuesKey, w.validCheck]),
      [
        ['proxy-injector', 'linkerd-proxy-injector', 'proxyInjector', 'proxy-injector webhook has valid cert'],
        ['sp-validator', 'linkerd-sp-validator', 'profileValidator', 'sp-validator webhook has valid cert'],
        ['policy-validator', 'linkerd-policy-validator', 'policyValidator', 'policy-validator webhook has valid cert'],
      ],
    );
    assert.deepEqual(VIZ_WEBHOOKS.map((w) => [w.serviceName, w.defaultNamespace, w.valuesKey]), [
      ['tap', 'linkerd-viz', 'tap'],
      ['tap-injector', 'linkerd-viz', 'tapInjector'],
    ]);
  });

  it('fails a certificate that does not verify against the caBundle', async () => {
    const a = await generateWebhookCert({ serviceName: 'linkerd-sp-validator', namespace: 'linkerd' });
    const b = await generateWebhookCert({ serviceName: 'linkerd-sp-validator', namespace: 'linkerd' });
    const [valid] = checkWebhookCert({ name: 'sp-validator', certificatePem: a.certificatePem, caBundlePem: b.caBundlePem });
    assert.equal(valid.severity, 'error');
    assert.equal(valid.category, 'linkerd-webhooks-and-apisvc-tls');
    assert.match(valid.message, /sp-validator certificate linkerd-sp-validator\.linkerd\.svc \(issuer name CN=linkerd-sp-validator\.linkerd\.svc-ca\) is not signed by the caBundle: the signature .* does not verify/);
  });

  it('fails an expired certificate, naming it and the date', async () => {
    const w = await generateWebhookCert({ serviceName: 'tap', namespace: 'linkerd-viz', notBefore: new Date('2020-01-01T00:00:00Z'), validityDays: 10 });
    const [valid, soon] = checkWebhookCert({ name: 'tap', certificatePem: w.certificatePem, caBundlePem: w.caBundlePem, now: new Date('2021-01-01T00:00:00Z') });
    assert.equal(valid.check, 'tap API server has valid cert');
    assert.equal(valid.category, 'linkerd-viz');
    assert.equal(valid.severity, 'error');
    assert.match(valid.message, /tap certificate tap\.linkerd-viz\.svc expired on 2020-01-11T00:00:00Z/);
    assert.match(valid.message, /caBundle certificate \(tap\.linkerd-viz\.svc-ca, serial [0-9A-F]+\) expired on 2020-01-11T00:00:00Z/);
    assert.equal(soon.severity, 'warning');
  });

  it('warns within 60 days of expiry', async () => {
    const notBefore = new Date('2026-01-01T00:00:00Z');
    const w = await generateWebhookCert({ serviceName: 'linkerd-policy-validator', namespace: 'linkerd', notBefore, validityDays: 365 });
    const now = new Date(notBefore.getTime() + 340 * DAY);
    const [valid, soon] = checkWebhookCert({ name: 'policy-validator', certificatePem: w.certificatePem, caBundlePem: w.caBundlePem, now });
    assert.equal(valid.severity, 'ok');
    assert.equal(soon.check, 'policy-validator cert is valid for at least 60 days');
    assert.equal(soon.severity, 'warning');
    assert.match(soon.message, /will expire on 2027-01-01T00:00:00Z \(in 25 days\)/);
  });

  it('treats a certificate without caBundle as its own bundle (the charts\' default), which Go accepts as a root', async () => {
    const w = await generateWebhookCert({ serviceName: 'linkerd-proxy-injector', namespace: 'linkerd' });
    const [valid] = checkWebhookCert({ name: 'proxy-injector', certificatePem: w.certificatePem });
    // Go's Verify accepts a certificate found in its own root pool: the API server trusts it directly.
    assert.equal(valid.severity, 'ok', valid.message);
    const [self] = checkWebhookCert({ name: 'proxy-injector', certificatePem: w.caBundlePem });
    // The CA is self-signed but is not named for the service.
    assert.match(self.message, /is not valid for linkerd-proxy-injector\.linkerd\.svc/);
  });

  it('reports unparseable PEM', () => {
    const [valid] = checkWebhookCert({ name: 'tap-injector', certificatePem: 'garbage' });
    assert.equal(valid.severity, 'error');
    assert.equal(valid.check, 'tap-injector webhook has valid cert');
    assert.match(valid.message, /tap-injector certificate contains no PEM block/);
  });
});
