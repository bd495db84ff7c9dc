/**
 * Behaviour of the control-plane's non-workload objects for value combinations the goldens do not
 * cover. Self-contained: a Helm-style render (`cliVersion: ''`) accepts placeholder certificates.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import type { KubeObject } from '../../lib/manifest.js';
import { configValuesDump } from '../../lib/values/mesh/config-dump.js';
import { resolveMeshValues } from '../../lib/values/mesh/resolve.js';
import { mergeValues, type ValueTree } from '../../lib/values/tree.js';
import { linkerdConfig } from '../../constructs/control-plane/config.js';
import { controlPlaneObjects } from '../../constructs/control-plane/control-plane-chart.js';
import type { ControlPlaneContext } from '../../constructs/control-plane/context.js';
import { identityIssuerSecret, identityTrustRoots } from '../../constructs/control-plane/identity-objects.js';
import { controlPlaneNamespace } from '../../constructs/control-plane/namespace.js';
import { podDisruptionBudget } from '../../constructs/control-plane/pod-disruption-budgets.js';
import { podMonitors } from '../../constructs/control-plane/pod-monitors.js';
import { configRbac, destinationRbac, heartbeatRbac, identityRbac, policyRbac, proxyInjectorRbac } from '../../constructs/control-plane/rbac.js';
import { destinationServices, identityServices, proxyInjectorService } from '../../constructs/control-plane/services.js';
import {
  policyValidatorWebhook,
  proxyInjectorWebhook,
  spValidatorWebhook,
  validateWebhookValues,
} from '../../constructs/control-plane/webhooks.js';
import { HELM_STYLE_VALUES } from '../helpers/helm-style-values.js';

const BASE = HELM_STYLE_VALUES;

function ctx(user: ValueTree = {}, ha = false, namespace = 'linkerd'): ControlPlaneContext {
  return { values: resolveMeshValues({ user: mergeValues(BASE, user), ha }), namespace };
}

/** Every non-workload object (the workloads are another module's). */
function objects(c: ControlPlaneContext): KubeObject[] {
  validateWebhookValues(c);
  const list: unknown[] = [
    controlPlaneNamespace(c),
    ...identityRbac(c),
    ...destinationRbac(c),
    ...spValidatorWebhook(c),
    ...policyValidatorWebhook(c),
    ...policyRbac(c),
    ...heartbeatRbac(c),
    ...proxyInjectorRbac(c),
    ...proxyInjectorWebhook(c),
    linkerdConfig(c),
    ...configRbac(c),
    ...identityIssuerSecret(c),
    ...identityTrustRoots(c),
    ...identityServices(c),
    ...destinationServices(c),
    proxyInjectorService(c),
    ...(['identity', 'destination', 'proxy-injector'] as const).flatMap((k) => podDisruptionBudget(c, k)),
    ...podMonitors(c),
  ];
  return list as KubeObject[];
}

const find = (os: KubeObject[], kind: string, name: string) => os.find((o) => o.kind === kind && o.metadata?.name === name);
const webhooksOf = (os: KubeObject[]) =>
  os.filter((o) => /WebhookConfiguration$/.test(o.kind)).flatMap((o) => o.webhooks as Record<string, unknown>[]);
const labelsOf = (o: KubeObject) => (o.metadata?.labels ?? {}) as Record<string, string>;

describe('control-plane objects', () => {
  it('adds PodDisruptionBudgets in HA, with maxUnavailable as a number', () => {
    assert.equal(objects(ctx()).filter((o) => o.kind === 'PodDisruptionBudget').length, 0);
    const pdbs = objects(ctx({}, true)).filter((o) => o.kind === 'PodDisruptionBudget');
    assert.deepEqual(pdbs.map((o) => o.metadata?.name), ['linkerd-identity', 'linkerd-dst', 'linkerd-proxy-injector']);
    assert.equal((pdbs[0].spec as { maxUnavailable: unknown }).maxUnavailable, 1);
    const pct = objects(ctx({ enablePodDisruptionBudget: true, controller: { podDisruptionBudget: { maxUnavailable: '50%' } } }));
    assert.equal((find(pct, 'PodDisruptionBudget', 'linkerd-dst')!.spec as { maxUnavailable: unknown }).maxUnavailable, '50%');
  });

  it('sends webhookFailurePolicy to all three webhooks', () => {
    const hooks = webhooksOf(objects(ctx({ webhookFailurePolicy: 'Fail' })));
    assert.equal(hooks.length, 3);
    for (const h of hooks) assert.equal(h.failurePolicy, 'Fail');
  });

  it('puts commonLabels on every object', () => {
    for (const o of objects(ctx({ commonLabels: { team: 'mesh' } }, true))) {
      assert.equal(labelsOf(o).team, 'mesh', `${o.kind}/${o.metadata?.name}`);
    }
  });

  it('makes the namespace restricted when CNI is enabled, and refuses `default`', () => {
    const label = 'pod-security.kubernetes.io/enforce';
    assert.equal(labelsOf(controlPlaneNamespace(ctx()) as KubeObject)[label], 'privileged');
    assert.equal(labelsOf(controlPlaneNamespace(ctx({ cniEnabled: true })) as KubeObject)[label], 'restricted');
    // Refused before any object is built (lib/assembly/render-checks.ts), with the other problems.
    assert.throws(() => controlPlaneObjects(ctx({}, false, 'default')), /--namespace = "default": Linkerd does not support running in the default namespace/);
  });

  it('names cluster-scoped RBAC after the namespace', () => {
    const os = objects(ctx({}, false, 'mesh-system'));
    assert.ok(find(os, 'ClusterRole', 'linkerd-mesh-system-identity'));
    assert.ok(find(os, 'ClusterRoleBinding', 'linkerd-mesh-system-proxy-injector'));
    assert.equal(find(os, 'Service', 'linkerd-dst')!.metadata?.namespace, 'mesh-system');
  });

  it('renders webhook TLS Secrets only without externalSecret, with the certificate as CA bundle', () => {
    const os = objects(ctx({ proxyInjector: { externalSecret: false, caBundle: '', crtPEM: 'inj-crt\n', keyPEM: 'inj-key\n' } }));
    const secret = find(os, 'Secret', 'linkerd-proxy-injector-k8s-tls')!;
    assert.equal(secret.type, 'kubernetes.io/tls');
    assert.equal(Buffer.from((secret.data as Record<string, string>)['tls.crt'], 'base64').toString(), 'inj-crt');
    assert.equal(find(os, 'Secret', 'linkerd-sp-validator-k8s-tls'), undefined);
    const hook = webhooksOf(os).find((h) => h.name === 'linkerd-proxy-injector.linkerd.io')!;
    assert.equal((hook.clientConfig as { caBundle: string }).caBundle, Buffer.from('inj-crt').toString('base64'));
  });

  it('uses cert-manager CA injection instead of a caBundle', () => {
    const os = objects(ctx({ policyValidator: { caBundle: '', injectCaFrom: 'linkerd/policy-cert' } }));
    const config = find(os, 'ValidatingWebhookConfiguration', 'linkerd-policy-validator-webhook-config')!;
    assert.equal((config.metadata?.annotations as Record<string, string>)['cert-manager.io/inject-ca-from'], 'linkerd/policy-cert');
    assert.equal(((config.webhooks as Record<string, { caBundle?: string }>[])[0].clientConfig as { caBundle?: string }).caBundle, undefined);
  });

  it('reports every inconsistent webhook setting at once', () => {
    assert.throws(
      () => objects(ctx({ proxyInjector: { caBundle: '' }, profileValidator: { injectCaFrom: 'a', injectCaFromSecret: 'b' } })),
      (e: Error) => /proxyInjector\.externalSecret/.test(e.message) && /profileValidator\.injectCaFromSecret/.test(e.message),
    );
  });

  it('renders only a user-supplied injector objectSelector (the CLI drops the chart default)', () => {
    const hook = (c: ControlPlaneContext) => webhooksOf(proxyInjectorWebhook(c))[0];
    assert.equal(hook(ctx()).objectSelector, undefined);
    const sel = { matchExpressions: [{ key: 'meshed', operator: 'Exists' }] };
    assert.deepEqual(hook(ctx({ proxyInjector: { objectSelector: sel, timeoutSeconds: 5 } })).objectSelector, sel);
    assert.equal(hook(ctx({ proxyInjector: { timeoutSeconds: 5 } })).timeoutSeconds, 5);
  });

  it('follows the identity issuer scheme and externalCA', () => {
    assert.equal(identityIssuerSecret(ctx({ identity: { issuer: { scheme: 'kubernetes.io/tls' } } })).length, 0);
    assert.equal(identityTrustRoots(ctx({ identity: { externalCA: true } })).length, 0);
    const roots = identityTrustRoots(ctx({ identityTrustAnchorsPEM: 'anchor\n' }))[0];
    assert.equal(roots.data?.['ca-bundle.crt'], 'anchor');
  });

  it('drops heartbeat RBAC with disableHeartBeat and binds configReaders', () => {
    assert.equal(heartbeatRbac(ctx({ disableHeartBeat: true })).length, 0);
    const rbac = configRbac(ctx({ configReaders: [{ name: 'reader', namespace: 'apps' }] }));
    assert.deepEqual(rbac[1].subjects, [{ kind: 'ServiceAccount', name: 'reader', namespace: 'apps' }]);
  });

  it('adds imagePullSecrets to the ServiceAccounts', () => {
    const os = objects(ctx({ imagePullSecrets: [{ name: 'regcred' }] }));
    const sas = os.filter((o) => o.kind === 'ServiceAccount');
    assert.equal(sas.length, 4);
    for (const sa of sas) assert.deepEqual(sa.imagePullSecrets, [{ name: 'regcred' }]);
  });

  it('renders PodMonitors with the release namespace expanded', () => {
    assert.equal(podMonitors(ctx()).length, 0);
    const pms = podMonitors(ctx({ podMonitor: { enabled: true, serviceMirror: { enabled: false } } }, false, 'l5d'));
    assert.deepEqual(pms.map((o) => o.metadata?.name), ['linkerd-controller', 'linkerd-proxy']);
    assert.deepEqual((pms[0].spec as { namespaceSelector: unknown }).namespaceSelector, { matchNames: ['l5d', 'linkerd-viz'] });
  });

  it('dumps values without private keys, as the CLI struct serializes them', () => {
    const c = ctx({ profileValidator: { keyPEM: 'secret' } }, true);
    const dump = configValuesDump(c.values) as Record<string, Record<string, unknown>>;
    const text = linkerdConfig(c).data?.values ?? '';
    assert.ok(!text.includes('test-key') && !text.includes('secret'));
    assert.deepEqual(parse(text), dump);
    assert.equal((dump.controller.podDisruptionBudget as { maxUnavailable: unknown }).maxUnavailable, '1');
    assert.equal(dump.identityTrustDomain, 'cluster.local');
    assert.equal(dump.enablePprof, undefined);
    assert.equal((dump.proxyInjector as Record<string, unknown>).objectSelector, undefined);
    assert.deepEqual((dump.identityResources as Record<string, unknown>)['ephemeral-storage'], { limit: '', request: '' });
  });
});
