/**
 * `markOpaquePorts`: a Service's `config.linkerd.io/opaque-ports`, so clients' proxies skip protocol
 * detection for server-speaks-first protocols (MySQL, SMTP...) that detection would stall.
 */
import { ANNOTATIONS } from '../../lib/inject/keys.js';
import { validateProxyConfig, portSetText } from '../../lib/proxy-config/validate.js';
import type { PortSet } from '../../lib/proxy-config/types.js';
import type { HasMetadata } from './mesh-namespace.js';

export function markOpaquePorts(service: HasMetadata, ports: PortSet): void {
  // Same rules as the pod-level field (ports, ranges or port names), and the same error naming.
  validateProxyConfig({ opaquePorts: ports }, 'markOpaquePorts');
  service.metadata.addAnnotation(ANNOTATIONS.opaquePorts, portSetText(ports));
}
