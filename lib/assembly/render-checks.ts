/**
 * What upstream's control-plane templates refuse (`fail` / `required`), checked on the resolved values
 * before rendering, so the chart is handed only values it can render.
 */
import { IssueCollector, MeshformError, type ValidationIssue } from '../errors.js';
import { ISSUER_SCHEME_LINKERD } from '../k8s/labels.js';
import { expandNamespaceSelector } from '../values/mesh/pod-monitor-selector.js';
import type { MeshValues, WebhookValues } from '../values/mesh/types.js';

// Kept public here (meshform/model): the issuer scheme whose key and certificate the chart puts in the
// `linkerd-identity-issuer` Secret; named in lib/k8s/labels.ts.
export { ISSUER_SCHEME_LINKERD };

const WEBHOOK_SETTERS = ['proxyInjector', 'profileValidator', 'policyValidator'] as const;
const present = (s: string | undefined | null): s is string => typeof s === 'string' && s.trim() !== '';

/** Upstream's `linkerd.webhook.validateProps`, plus meshform's no-generated-certificate rule. */
export function webhookValueIssues(values: MeshValues): ValidationIssue[] {
  const issues = new IssueCollector();
  for (const s of WEBHOOK_SETTERS) {
    const w: WebhookValues = values[s];
    const injects = present(w.injectCaFrom) || present(w.injectCaFromSecret);
    if (w.externalSecret && !present(w.caBundle) && !injects) {
      issues.add(`${s}.externalSecret`, true, `needs ${s}.caBundle, ${s}.injectCaFrom or ${s}.injectCaFromSecret`);
    }
    if (present(w.injectCaFrom) && present(w.injectCaFromSecret)) {
      issues.add(`${s}.injectCaFromSecret`, w.injectCaFromSecret, `mutually exclusive with ${s}.injectCaFrom`);
    }
    if (injects && present(w.caBundle)) {
      issues.add(`${s}.caBundle`, w.caBundle, `cannot be used with ${s}.injectCaFrom or ${s}.injectCaFromSecret`);
    }
    if (!w.externalSecret && (!present(w.crtPEM) || !present(w.keyPEM))) {
      issues.add(
        `${s}.crtPEM`,
        undefined,
        `meshform does not generate webhook certificates at render time (the output would differ on every render): ` +
          `set ${s}.crtPEM and ${s}.keyPEM, or ${s}.externalSecret=true with ${s}.caBundle / ${s}.injectCaFrom / ${s}.injectCaFromSecret, ` +
          'or let cert-manager issue them (meshform install --cert-manager; Mesh identity.certManager)',
      );
    }
  }
  return [...issues.issues];
}

/** Everything the control-plane chart would refuse, in the order it renders. */
export function controlPlaneRenderIssues(values: MeshValues, namespace: string): ValidationIssue[] {
  const issues: ValidationIssue[] = webhookValueIssues(values);
  // The webhooks exclude the control-plane namespace by label, which must never be put on `default`.
  if (namespace === 'default') {
    issues.push({ path: '--namespace', value: namespace, message: 'Linkerd does not support running in the default namespace' });
  }
  const { issuer } = values.identity;
  if (issuer.scheme === ISSUER_SCHEME_LINKERD) {
    if (!(issuer.tls.crtPEM ?? '').trim()) issues.push({ path: 'identity.issuer.tls.crtPEM', value: undefined, message: 'Please provide the identity issuer certificate' });
    if (!(issuer.tls.keyPEM ?? '').trim()) issues.push({ path: 'identity.issuer.tls.keyPEM', value: undefined, message: 'Please provide the identity issuer private key' });
  }
  const pm = values.podMonitor;
  if (pm.enabled && pm.controller.enabled) {
    try {
      expandNamespaceSelector(pm.controller.namespaceSelector, namespace);
    } catch (e) {
      if (!(e instanceof MeshformError)) throw e;
      issues.push(...e.issues);
    }
  }
  return issues;
}
