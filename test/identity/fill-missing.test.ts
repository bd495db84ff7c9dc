/** What the identity store fills for a render: only what the values lack, by upstream's all-or-none rule. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isFillableIssue, missingIdentity, partialIdentityIssue, withoutRepeatsOf } from '../../lib/identity/fill-missing.js';
import { CONTROL_PLANE_WEBHOOKS, VIZ_WEBHOOKS } from '../../lib/identity/webhook-certs.js';

const cp = { controlPlane: true };
const names = (m: ReturnType<typeof missingIdentity>) => m.webhooks.map((w) => w.name);

describe('missingIdentity', () => {
  it('wants everything for empty values, and counts null and blank strings as unset', () => {
    const all = missingIdentity({}, CONTROL_PLANE_WEBHOOKS, cp);
    assert.equal(all.identity, true);
    assert.deepEqual(names(all), ['proxy-injector', 'sp-validator', 'policy-validator']);
    assert.equal(missingIdentity({ identityTrustAnchorsPEM: null, identity: { issuer: { tls: { crtPEM: ' ' } } } }, [], cp).identity, true);
  });

  it('wants no anchors or issuer once any of the three is given (even of a wrong type), or for an external issuer', () => {
    assert.equal(missingIdentity({ identityTrustAnchorsPEM: 'x' }, [], cp).identity, false);
    assert.equal(missingIdentity({ identity: { issuer: { tls: { keyPEM: 5 } } } }, [], cp).identity, false);
    assert.equal(missingIdentity({ identity: { issuer: { scheme: 'kubernetes.io/tls' } } }, [], cp).identity, false);
    assert.equal(missingIdentity({}, [], { controlPlane: false }).identity, false);
    // An external CA leaves only the ConfigMap to the cluster: the issuer is still generated, as upstream does.
    assert.equal(missingIdentity({ identity: { externalCA: true } }, [], cp).identity, true);
  });

  it('skips a webhook with any TLS value or an external Secret', () => {
    const m = missingIdentity({ tap: { caBundle: 'ca' }, tapInjector: { externalSecret: true } }, VIZ_WEBHOOKS, cp);
    assert.deepEqual(names(m), []);
    assert.deepEqual(names(missingIdentity({ tap: { injectCaFrom: 'ns/tap' } }, VIZ_WEBHOOKS, cp)), ['tap-injector']);
  });

  it('generates nothing for a Helm-style render', () => {
    const m = missingIdentity({ cliVersion: '' }, CONTROL_PLANE_WEBHOOKS, cp);
    assert.deepEqual([m.identity, m.webhooks.length], [false, 0]);
  });
});

describe('partialIdentityIssue', () => {
  it('names what is missing and the three ways to provide identity', () => {
    const issue = partialIdentityIssue({ identity: { issuer: { tls: { crtPEM: 'c' } } } });
    assert.equal(issue?.path, 'identityTrustAnchorsPEM, identity.issuer.tls.keyPEM');
    assert.match(issue?.message ?? '', /given: identity\.issuer\.tls\.crtPEM.*--identity-dir DIR.*--cert-manager/);
  });

  it('is silent for all, none, an external issuer, and an external CA with its issuer pair', () => {
    assert.equal(partialIdentityIssue({}), undefined);
    assert.equal(partialIdentityIssue({ identityTrustAnchorsPEM: 'a', identity: { issuer: { tls: { crtPEM: 'c', keyPEM: 'k' } } } }), undefined);
    assert.equal(partialIdentityIssue({ identityTrustAnchorsPEM: 'a', identity: { issuer: { scheme: 'kubernetes.io/tls' } } }), undefined);
    assert.equal(partialIdentityIssue({ identity: { externalCA: true, issuer: { tls: { crtPEM: 'c', keyPEM: 'k' } } } }), undefined);
    assert.ok(partialIdentityIssue({ identityTrustAnchorsPEM: 'a', identity: { externalCA: true } }));
  });

  it('makes the plain "is required" at the keys it names redundant', () => {
    const partial = partialIdentityIssue({ identityTrustAnchorsPEM: 'a' });
    const issues = [partial!, { path: 'identity.issuer.tls.crtPEM', value: '', message: 'is required: x' }, { path: 'controllerReplicas', value: 0, message: 'is required' }];
    assert.deepEqual(
      withoutRepeatsOf(partial, issues).map((i) => i.path),
      [partial!.path, 'controllerReplicas'],
    );
  });
});

describe('isFillableIssue', () => {
  it('is true only for the TLS keys of what is missing', () => {
    const m = missingIdentity({}, VIZ_WEBHOOKS, { controlPlane: false });
    assert.equal(isFillableIssue({ path: 'tap.crtPEM', value: '', message: '' }, m), true);
    assert.equal(isFillableIssue({ path: 'tap.replicas', value: 0, message: '' }, m), false);
    assert.equal(isFillableIssue({ path: 'identityTrustAnchorsPEM', value: '', message: '' }, m), false);
  });
});
