/**
 * Names of well-known Linkerd objects that more than one lib/ layer reads or writes (the proxy mounts
 * the trust roots; identity renders and reads them), kept below both.
 */

/** The ConfigMap holding the trust anchors bundle proxies load, and its key. */
export const TRUST_ROOTS_CONFIGMAP = 'linkerd-identity-trust-roots';
export const TRUST_ROOTS_KEY = 'ca-bundle.crt';
