/**
 * The three admission webhooks: the proxy injector (mutating) and the ServiceProfile and policy
 * validators, with their TLS Secrets (`linkerd-*-k8s-tls`, only when the Secret is not external).
 *
 * CA bundle, per upstream's templates: none when cert-manager injects it (`injectCaFrom*`, which add
 * the `cert-manager.io/inject-ca-from*` annotation instead), else `caBundle`, else the webhook's own
 * certificate. Upstream's Helm chart generates a random self-signed certificate when none is given;
 * meshform renders deterministically, so it asks for `crtPEM`/`keyPEM` (or an external Secret) instead.
 */
import type { IMutatingWebhook } from 'kubernetes-models/admissionregistration.k8s.io/v1/MutatingWebhook';
import type { IMutatingWebhookConfiguration } from 'kubernetes-models/admissionregistration.k8s.io/v1/MutatingWebhookConfiguration';
import type { IRuleWithOperations } from 'kubernetes-models/admissionregistration.k8s.io/v1/RuleWithOperations';
import type { IValidatingWebhookConfiguration } from 'kubernetes-models/admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import { IssueCollector } from '../../lib/errors.js';
import { CERT_MANAGER_CA_INJECTION } from '../../lib/k8s/labels.js';
import type { KubeObject } from '../../lib/manifest.js';
import { webhookValueIssues } from '../../lib/assembly/render-checks.js';
import { cliTemplateValues } from '../../lib/values/mesh/config-dump.js';
import type { LabelSelectorValues, ProxyInjectorValues, WebhookValues } from '../../lib/values/mesh/types.js';
import { asKubeObject } from './as-kube-object.js';
import type { ControlPlaneContext } from './context.js';
import { controlPlaneLabels, createdByAnnotations } from './labels.js';

/** Upstream's template default when `proxyInjector.timeoutSeconds` is unset. */
const DEFAULT_INJECTOR_TIMEOUT_SECONDS = 10;

type ILabelSelector = NonNullable<IMutatingWebhook['namespaceSelector']>;

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const present = (s: string | undefined | null): s is string => typeof s === 'string' && s.trim() !== '';

/** One webhook's identity: which values configure it, and what it is called. */
interface WebhookSpec {
  /** Value key, as used in error messages (`proxyInjector`...). */
  readonly setter: 'proxyInjector' | 'profileValidator' | 'policyValidator';
  /** Object-name stem: `linkerd-<stem>` Service, `linkerd-<stem>-k8s-tls` Secret, `...-webhook-config`. */
  readonly stem: string;
  readonly component: string;
}

const SPECS = {
  proxyInjector: { setter: 'proxyInjector', stem: 'proxy-injector', component: 'proxy-injector' },
  profileValidator: { setter: 'profileValidator', stem: 'sp-validator', component: 'destination' },
  policyValidator: { setter: 'policyValidator', stem: 'policy-validator', component: 'destination' },
} as const satisfies Record<string, WebhookSpec>;

/** Refuses what `webhookValueIssues` finds (the control plane's preparation reports it first, collected). */
export function validateWebhookValues(ctx: ControlPlaneContext): void {
  const issues = new IssueCollector();
  issues.addAll(webhookValueIssues(ctx.values));
  issues.throwIfAny('invalid admission webhook values');
}

function webhookValues(ctx: ControlPlaneContext, spec: WebhookSpec): WebhookValues {
  return ctx.values[spec.setter] as WebhookValues;
}

/** The `linkerd-<stem>-k8s-tls` Secret, unless `externalSecret`. */
function tlsSecret(ctx: ControlPlaneContext, spec: WebhookSpec): KubeObject[] {
  const w = webhookValues(ctx, spec);
  if (w.externalSecret) return [];
  const secret: ISecret = {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'kubernetes.io/tls',
    metadata: {
      name: `linkerd-${spec.stem}-k8s-tls`,
      namespace: ctx.namespace,
      labels: controlPlaneLabels(ctx, { component: spec.component }),
      annotations: createdByAnnotations(ctx),
    },
    data: { 'tls.crt': b64(w.crtPEM.trim()), 'tls.key': b64(w.keyPEM.trim()) },
  };
  return [asKubeObject(secret)];
}

/** `cert-manager.io/inject-ca-from*` annotations; undefined when cert-manager is not used. */
function caInjectionAnnotations(w: WebhookValues): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  if (present(w.injectCaFrom)) out[CERT_MANAGER_CA_INJECTION.fromCertificate] = w.injectCaFrom;
  if (present(w.injectCaFromSecret)) out[CERT_MANAGER_CA_INJECTION.fromSecret] = w.injectCaFromSecret;
  return Object.keys(out).length ? out : undefined;
}

/** The webhook's `clientConfig`: the Service, and the CA bundle unless cert-manager injects it. */
function clientConfig(ctx: ControlPlaneContext, spec: WebhookSpec) {
  const w = webhookValues(ctx, spec);
  const service = { name: `linkerd-${spec.stem}`, namespace: ctx.namespace, path: '/' };
  if (caInjectionAnnotations(w)) return { service };
  const bundle = present(w.caBundle) ? w.caBundle : w.crtPEM ?? '';
  return { service, caBundle: b64(bundle.trim()) };
}

function configMetadata(ctx: ControlPlaneContext, spec: WebhookSpec) {
  const annotations = caInjectionAnnotations(webhookValues(ctx, spec));
  return {
    name: `linkerd-${spec.stem}-webhook-config`,
    ...(annotations ? { annotations } : {}),
    labels: controlPlaneLabels(ctx, { component: spec.component }),
  };
}

/** A selector value, or undefined when empty (upstream's `if`/`with` around it). */
function selector(sel: LabelSelectorValues | null | undefined): ILabelSelector | undefined {
  return sel && Object.keys(sel).length ? (structuredClone(sel) as ILabelSelector) : undefined;
}

const createUpdate = (apiGroups: string[], apiVersions: string[], resources: string[]): IRuleWithOperations => ({
  operations: ['CREATE', 'UPDATE'],
  apiGroups,
  apiVersions,
  resources,
});

export function proxyInjectorWebhook(ctx: ControlPlaneContext): KubeObject[] {
  const spec = SPECS.proxyInjector;
  const w = ctx.values.proxyInjector;
  // The CLI's Go struct has no objectSelector field: only a user-supplied selector reaches the template.
  const seenByTemplate = cliTemplateValues(ctx.values).proxyInjector as unknown as Partial<ProxyInjectorValues>;
  const config: IMutatingWebhookConfiguration = {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'MutatingWebhookConfiguration',
    metadata: configMetadata(ctx, spec),
    webhooks: [
      {
        name: 'linkerd-proxy-injector.linkerd.io',
        namespaceSelector: selector(w.namespaceSelector),
        objectSelector: selector(seenByTemplate.objectSelector),
        clientConfig: clientConfig(ctx, spec),
        failurePolicy: ctx.values.webhookFailurePolicy,
        admissionReviewVersions: ['v1', 'v1beta1'],
        rules: [
          { operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods', 'services'], scope: 'Namespaced' },
        ],
        sideEffects: 'None',
        timeoutSeconds: w.timeoutSeconds || DEFAULT_INJECTOR_TIMEOUT_SECONDS,
      },
    ],
  };
  return [...tlsSecret(ctx, spec), asKubeObject(dropUndefined(config))];
}

export function spValidatorWebhook(ctx: ControlPlaneContext): KubeObject[] {
  const spec = SPECS.profileValidator;
  const config: IValidatingWebhookConfiguration = {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    metadata: configMetadata(ctx, spec),
    webhooks: [
      {
        name: 'linkerd-sp-validator.linkerd.io',
        namespaceSelector: selector(ctx.values.profileValidator.namespaceSelector),
        clientConfig: clientConfig(ctx, spec),
        failurePolicy: ctx.values.webhookFailurePolicy,
        admissionReviewVersions: ['v1', 'v1beta1'],
        rules: [createUpdate(['linkerd.io'], ['v1alpha1', 'v1alpha2'], ['serviceprofiles'])],
        sideEffects: 'None',
      },
    ],
  };
  return [...tlsSecret(ctx, spec), asKubeObject(dropUndefined(config))];
}

export function policyValidatorWebhook(ctx: ControlPlaneContext): KubeObject[] {
  const spec = SPECS.policyValidator;
  const config: IValidatingWebhookConfiguration = {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    metadata: configMetadata(ctx, spec),
    webhooks: [
      {
        name: 'linkerd-policy-validator.linkerd.io',
        namespaceSelector: selector(ctx.values.policyValidator.namespaceSelector),
        clientConfig: clientConfig(ctx, spec),
        failurePolicy: ctx.values.webhookFailurePolicy,
        admissionReviewVersions: ['v1', 'v1beta1'],
        rules: [
          createUpdate(
            ['policy.linkerd.io'],
            ['*'],
            [
              'authorizationpolicies',
              'httplocalratelimitpolicies',
              'httproutes',
              'networkauthentications',
              'meshtlsauthentications',
              'serverauthorizations',
              'servers',
              'egressnetworks',
            ],
          ),
          createUpdate(['gateway.networking.k8s.io'], ['*'], ['httproutes', 'grpcroutes', 'tlsroutes', 'tcproutes']),
        ],
        sideEffects: 'None',
      },
    ],
  };
  return [...tlsSecret(ctx, spec), asKubeObject(dropUndefined(config))];
}

/** Removes keys whose value is undefined so optional selectors leave no trace in the YAML. */
function dropUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
