/**
 * Admission-webhook serving certificates with `@pulumi/tls`: self-signed ECDSA P-256, one per
 * webhook, as upstream's Helm chart generates them (the certificate is its own CA bundle). Being
 * resources, they stay stable across updates instead of rotating on every render. The key is only
 * ever handled as a secret Output.
 */
import * as pulumi from '@pulumi/pulumi';
import * as tls from '@pulumi/tls';

export interface WebhookCertArgs {
  /** The webhook's Service name, e.g. `linkerd-proxy-injector`. */
  readonly service: string;
  readonly namespace: string;
  /** @default 8760 (365 days, as upstream's chart) */
  readonly validityHours?: number;
}

export interface WebhookCert {
  readonly certPem: pulumi.Output<string>;
  /** Secret. */
  readonly keyPem: pulumi.Output<string>;
}

/** Creates the key and certificate as children of `parent`'s options. */
export function createWebhookCert(name: string, args: WebhookCertArgs, opts: pulumi.CustomResourceOptions): WebhookCert {
  const key = new tls.PrivateKey(`${name}-key`, { algorithm: 'ECDSA', ecdsaCurve: 'P256' }, opts);
  const dns = `${args.service}.${args.namespace}.svc`;
  const cert = new tls.SelfSignedCert(
    `${name}-cert`,
    {
      privateKeyPem: key.privateKeyPem,
      subject: { commonName: dns },
      dnsNames: [dns],
      isCaCertificate: true,
      validityPeriodHours: args.validityHours ?? 8760,
      // Renew a month ahead so the API server never sees an expired webhook certificate.
      earlyRenewalHours: 720,
      allowedUses: ['server_auth', 'digital_signature', 'key_encipherment', 'cert_signing'],
    },
    opts,
  );
  return { certPem: cert.certPem, keyPem: pulumi.secret(key.privateKeyPem) };
}
