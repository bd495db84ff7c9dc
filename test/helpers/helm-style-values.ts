/**
 * A control plane's values with Helm-style placeholders (`cliVersion: ''`): resolution accepts the
 * identity strings without parsing certificates, and every webhook uses an external Secret.
 */
import type { ValueTree } from '../../lib/values/tree.js';

export const externalWebhook = (caBundle: string) => ({ externalSecret: true, caBundle });

export const HELM_STYLE_VALUES: ValueTree = {
  cliVersion: '',
  identityTrustAnchorsPEM: 'test-anchors',
  identity: { issuer: { tls: { crtPEM: 'test-crt', keyPEM: 'test-key' } } },
  proxyInjector: externalWebhook('injector-ca'),
  profileValidator: externalWebhook('sp-ca'),
  policyValidator: externalWebhook('policy-ca'),
};
