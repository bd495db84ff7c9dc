/**
 * Names of well-known Linkerd objects that more than one lib/ layer reads or writes (the proxy mounts
 * the trust roots; identity renders and reads them), kept below both.
 */

/** The ConfigMap holding the trust anchors bundle proxies load, and its key. */
export const TRUST_ROOTS_CONFIGMAP = 'linkerd-identity-trust-roots';
export const TRUST_ROOTS_KEY = 'ca-bundle.crt';

/**
 * Container port names of the injected proxy (inbound and admin). A Server may name them although
 * the pod template does not declare them: the injector adds the proxy container at admission.
 */
export const PROXY_INBOUND_PORT_NAME = 'linkerd-proxy';
export const PROXY_ADMIN_PORT_NAME = 'linkerd-admin';
