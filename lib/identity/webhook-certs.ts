/**
 * The TLS-serving webhooks and API services of the control plane and viz, and upstream's checks of
 * their certificates (category `linkerd-webhooks-and-apisvc-tls`, and `linkerd-viz` for tap).
 *
 * Upstream's check (`checkCertAndAnchors`) treats the webhook configuration's `caBundle` as the trust
 * anchors: the bundle's certificates and the serving certificate must be within their validity period,
 * and the serving certificate must verify against the bundle for `<service>.<namespace>.svc`.
 */
import type { X509Certificate } from 'node:crypto';
import { keyMatchesCertificate, parseCertificatesPem, parsePrivateKeyPem } from './pem.js';
import { verifyCertificate } from './x509-verify.js';
import {
  anchorLabel,
  certName,
  expiringSoonProblem,
  EXPIRY_WARNING_DAYS,
  finding,
  formatDate,
  certDates,
  validityProblem,
  type Finding,
  type FindingCategory,
} from './check.js';

/** One webhook (or aggregated API service) whose serving certificate the charts carry as values. */
export interface WebhookSpec {
  /** Upstream's short name in check descriptions and hint anchors, e.g. `proxy-injector`. */
  readonly name: string;
  /** The Service the API server calls, e.g. `linkerd-proxy-injector`. */
  readonly serviceName: string;
  /** The namespace the chart installs into by default. */
  readonly defaultNamespace: string;
  /** The values key holding `crtPEM` / `keyPEM` / `caBundle` / `externalSecret`, e.g. `proxyInjector`. */
  readonly valuesKey: string;
  readonly category: FindingCategory;
  /** Upstream's check descriptions. */
  readonly validCheck: string;
  readonly expiryCheck: string;
  /** Upstream's hint anchors. */
  readonly validHint: string;
  readonly expiryHint: string;
}

function controlPlane(name: string, valuesKey: string): WebhookSpec {
  return {
    name,
    serviceName: `linkerd-${name}`,
    defaultNamespace: 'linkerd',
    valuesKey,
    category: 'linkerd-webhooks-and-apisvc-tls',
    validCheck: `${name} webhook has valid cert`,
    expiryCheck: `${name} cert is valid for at least ${EXPIRY_WARNING_DAYS} days`,
    validHint: `l5d-${name}-webhook-cert-valid`,
    expiryHint: `l5d-${name}-webhook-cert-not-expiring-soon`,
  };
}

/** The control plane's three admission webhooks (Secrets `linkerd-<name>-k8s-tls`). */
export const CONTROL_PLANE_WEBHOOKS: readonly WebhookSpec[] = [
  controlPlane('proxy-injector', 'proxyInjector'),
  controlPlane('sp-validator', 'profileValidator'),
  controlPlane('policy-validator', 'policyValidator'),
];

/** viz's tap API service and tap-injector webhook (namespace `linkerd-viz`). */
export const VIZ_WEBHOOKS: readonly WebhookSpec[] = [
  {
    name: 'tap',
    serviceName: 'tap',
    defaultNamespace: 'linkerd-viz',
    valuesKey: 'tap',
    category: 'linkerd-viz',
    validCheck: 'tap API server has valid cert',
    expiryCheck: `tap API server cert is valid for at least ${EXPIRY_WARNING_DAYS} days`,
    validHint: 'l5d-tap-cert-valid',
    expiryHint: 'l5d-tap-cert-not-expiring-soon',
  },
  {
    name: 'tap-injector',
    serviceName: 'tap-injector',
    defaultNamespace: 'linkerd-viz',
    valuesKey: 'tapInjector',
    category: 'linkerd-viz',
    validCheck: 'tap-injector webhook has valid cert',
    expiryCheck: `tap-injector cert is valid for at least ${EXPIRY_WARNING_DAYS} days`,
    validHint: 'l5d-tap-injector-cert-valid',
    expiryHint: 'l5d-tap-injector-cert-not-expiring-soon',
  },
];

/** Finds a known webhook by its upstream short name (`proxy-injector`, `tap`, ...). */
export function webhookSpec(name: string): WebhookSpec | undefined {
  return [...CONTROL_PLANE_WEBHOOKS, ...VIZ_WEBHOOKS].find((w) => w.name === name);
}

export interface WebhookCheckInput {
  /** Upstream's short name, e.g. `proxy-injector`, `sp-validator`, `policy-validator`, `tap`, `tap-injector`. */
  readonly name: string;
  /** The serving certificate (`<valuesKey>.crtPEM`). */
  readonly certificatePem: string;
  /**
   * The serving key (`<valuesKey>.keyPEM`): it must parse and match the certificate, as upstream's
   * check requires of the `*-k8s-tls` Secret.
   * @default - the key is not checked
   */
  readonly keyPem?: string;
  /**
   * The webhook configuration's CA bundle (`<valuesKey>.caBundle`).
   * @default - the certificate itself, as the charts do when they generate a self-signed certificate
   */
  readonly caBundlePem?: string;
  /**
   * The namespace the Service lives in.
   * @default - the chart's namespace (`linkerd`, or `linkerd-viz` for tap and tap-injector)
   */
  readonly namespace?: string;
  /**
   * The Service name, for webhooks not in `CONTROL_PLANE_WEBHOOKS` / `VIZ_WEBHOOKS`.
   * @default - the known webhook's Service, else `name`
   */
  readonly serviceName?: string;
  /**
   * The time the certificates are checked at.
   * @default - the current time
   */
  readonly now?: Date;
}

/** Runs "<name> webhook has valid cert" and "<name> cert is valid for at least 60 days". */
export function checkWebhookCert(input: WebhookCheckInput): Finding[] {
  const spec = webhookSpec(input.name) ?? controlPlane(input.name, input.name);
  const now = input.now ?? new Date();
  const host = `${input.serviceName ?? spec.serviceName}.${input.namespace ?? spec.defaultNamespace}.svc`;
  const what = `${input.name} certificate`;

  const parsedCert = parseCertificatesPem(input.certificatePem);
  if (!parsedCert.ok) {
    return [finding(spec.category, spec.validCheck, spec.validHint, [`${what} ${parsedCert.error}`], '')];
  }
  const [cert, ...intermediates] = parsedCert.value;
  const bundleText = input.caBundlePem?.trim() ? input.caBundlePem : undefined;
  const parsedBundle = bundleText ? parseCertificatesPem(bundleText) : { ok: true as const, value: [cert] };
  if (!parsedBundle.ok) {
    return [finding(spec.category, spec.validCheck, spec.validHint, [`${input.name} caBundle ${parsedBundle.error}`], '')];
  }
  const bundle = parsedBundle.value;
  const bundleLabel = (i: number) => anchorLabel(bundle, i, 'caBundle certificate');
  const name = `${what} ${certName(cert)}`;

  const problems: string[] = [];
  bundle.forEach((ca, i) => {
    const p = validityProblem(ca, now);
    if (p) problems.push(`${bundleLabel(i)} ${p}`);
  });
  const validity = validityProblem(cert, now);
  if (validity) problems.push(`${name} ${validity}`);
  problems.push(...keyProblems(input, cert, name));
  // Upstream's `Cred.Verify(caBundle, host)`: Go's x509 Verify, with the crtPEM's extra blocks as intermediates.
  const label = (c: X509Certificate): string => {
    if (c === cert) return name;
    const b = bundle.indexOf(c);
    return b >= 0 ? bundleLabel(b) : anchorLabel(intermediates, intermediates.indexOf(c), `intermediate certificate in ${spec.valuesKey}.crtPEM`);
  };
  const verified = verifyCertificate(cert, {
    roots: bundle,
    intermediates,
    now,
    dnsName: host,
    validityReportedElsewhere: [cert, ...bundle],
    rootsName: 'the caBundle',
    label,
  });
  if (!verified.ok) problems.push(...verified.problems);

  const soon: string[] = [];
  bundle.forEach((ca, i) => {
    if (isSameCert(ca, cert)) return;
    const p = expiringSoonProblem(ca, now);
    if (p) soon.push(`${bundleLabel(i)} ${p}`);
  });
  const certSoon = expiringSoonProblem(cert, now);
  if (certSoon) soon.push(`${name} ${certSoon}`);

  return [
    finding(spec.category, spec.validCheck, spec.validHint, problems, `${name} is valid for ${host} until ${formatDate(certDates(cert).notAfter)}`),
    finding(spec.category, spec.expiryCheck, spec.expiryHint, soon, `${name} is valid for at least ${EXPIRY_WARNING_DAYS} days`, 'warning'),
  ];
}

/** Upstream's `ValidateAndCreateCreds` on the Secret: the key parses and belongs to the certificate. */
function keyProblems(input: WebhookCheckInput, cert: X509Certificate, name: string): string[] {
  if (input.keyPem === undefined) return [];
  const path = `${webhookSpec(input.name)?.valuesKey ?? input.name}.keyPEM`;
  if (!input.keyPem.trim()) return [`${input.name} private key (${path}) is empty`];
  const key = parsePrivateKeyPem(input.keyPem);
  // The parse error names the problem, never the key's text.
  if (!key.ok) return [`${input.name} private key (${path}) ${key.error}`];
  return keyMatchesCertificate(cert, key.value) ? [] : [`${input.name} private key (${path}) does not match ${name} (serial ${cert.serialNumber})`];
}

function isSameCert(a: X509Certificate, b: X509Certificate): boolean {
  return a.raw.equals(b.raw);
}
