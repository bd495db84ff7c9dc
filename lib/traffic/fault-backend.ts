/**
 * Fault injection the way Linkerd documents it (TRAFFIC.md §4.3): Linkerd has no fault filter, so a
 * backend that answers every request with one HTTP status receives a weighted share of a route's
 * traffic. This is that backend: an unprivileged NGINX (pinned image) whose whole config is one
 * `return`, behind a Service. The pod rolls when the status changes (config checksum annotation).
 */
import { createHash } from 'node:crypto';
import { IssueCollector } from '../errors.js';
import type { KubeObject } from '../manifest.js';
import { restrictedPodSecurityContext, restrictedSecurityContext } from '../pod/security-context.js';
import { checkNamespace, checkPort, checkServiceName, type ServiceBackend } from './refs.js';

/** NGINX built to run as a non-root user on port 8080 (uid/gid 101), pinned. */
export const FAULT_BACKEND_IMAGE = 'docker.io/nginxinc/nginx-unprivileged:1.27.4-alpine';
const CONTAINER_PORT = 8080;
const NGINX_UID = 101;
export const FAULT_CONFIG_CHECKSUM_ANNOTATION = 'meshform.io/fault-config-sha256';

export interface FaultBackendSpec {
  /** Name of the Deployment, Service and ConfigMap. */
  readonly name: string;
  /**
   * @default - none (the cdk8s chart's)
   */
  readonly namespace?: string;
  /** The HTTP status every request gets, 400–599. */
  readonly status: number;
  /**
   * The Service port routes send to.
   * @default 80
   */
  readonly port?: number;
  /**
   * @default FAULT_BACKEND_IMAGE
   */
  readonly image?: string;
  /**
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Pod template annotations, e.g. `linkerd.io/inject: enabled` to mesh it.
   * @default - none
   */
  readonly podAnnotations?: Readonly<Record<string, string>>;
}

export interface FaultBackend {
  readonly configMap: KubeObject;
  readonly deployment: KubeObject;
  readonly service: KubeObject;
  /** What a route rule's `fault.backend` names. */
  readonly backend: ServiceBackend;
}

/** The NGINX server block: every request, any path or method, gets `status`. */
export function faultNginxConfig(status: number): string {
  return [
    'server {',
    `    listen ${CONTAINER_PORT};`,
    '    location / {',
    '        default_type text/plain;',
    `        return ${status} "fault injected by meshform: HTTP ${status}\\n";`,
    '    }',
    '}',
    '',
  ].join('\n');
}

export function buildFaultBackend(spec: FaultBackendSpec, path: string): FaultBackend {
  const issues = new IssueCollector();
  checkServiceName(spec.name, `${path}.name`, issues);
  checkNamespace(spec.namespace, `${path}.namespace`, issues);
  if (!Number.isInteger(spec.status) || spec.status < 400 || spec.status > 599) issues.add(`${path}.status`, spec.status, 'must be an HTTP error status from 400 to 599');
  checkPort(spec.port, `${path}.port`, issues, false);
  const replicas = spec.replicas ?? 1;
  if (!Number.isInteger(replicas) || replicas < 1) issues.add(`${path}.replicas`, spec.replicas, 'must be an integer of at least 1');
  if (spec.image !== undefined && (typeof spec.image !== 'string' || !/^[^\s:@]+(:[\w][\w.-]{0,127})?(@sha256:[0-9a-f]{64})?$/.test(spec.image) || !/[:@]/.test(spec.image))) {
    issues.add(`${path}.image`, spec.image, 'must be an image reference with a tag or digest (pin it)');
  }
  issues.throwIfAny(`Fault backend ${path}`);

  const port = spec.port ?? 80;
  const config = faultNginxConfig(spec.status);
  const labels = { 'app.kubernetes.io/name': spec.name, 'app.kubernetes.io/component': 'fault-injector', 'app.kubernetes.io/managed-by': 'meshform' };
  const selector = { 'app.kubernetes.io/name': spec.name, 'app.kubernetes.io/component': 'fault-injector' };
  const metadata = (extra: object = {}) => ({ name: spec.name, ...(spec.namespace ? { namespace: spec.namespace } : {}), labels, ...extra });
  const checksum = createHash('sha256').update(config).digest('hex');

  const configMap: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata(), data: { 'default.conf': config } };
  const deployment: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadata(),
    spec: {
      replicas,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels, annotations: { ...spec.podAnnotations, [FAULT_CONFIG_CHECKSUM_ANNOTATION]: checksum } },
        spec: {
          automountServiceAccountToken: false,
          securityContext: restrictedPodSecurityContext(),
          containers: [
            {
              name: 'nginx',
              image: spec.image ?? FAULT_BACKEND_IMAGE,
              ports: [{ name: 'http', containerPort: CONTAINER_PORT, protocol: 'TCP' }],
              readinessProbe: { tcpSocket: { port: 'http' }, periodSeconds: 10 },
              resources: { limits: { cpu: '100m', memory: '64Mi' }, requests: { cpu: '10m', memory: '16Mi' } },
              securityContext: restrictedSecurityContext(NGINX_UID, NGINX_UID),
              volumeMounts: [
                { name: 'config', mountPath: '/etc/nginx/conf.d', readOnly: true },
                // NGINX writes its pid and temp files to /tmp; the root filesystem is read-only.
                { name: 'tmp', mountPath: '/tmp' },
              ],
            },
          ],
          volumes: [
            { name: 'config', configMap: { name: spec.name } },
            { name: 'tmp', emptyDir: { sizeLimit: '16Mi' } },
          ],
        },
      },
    },
  };
  const service: KubeObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(),
    spec: { selector, ports: [{ name: 'http', port, targetPort: 'http', protocol: 'TCP' }] },
  };
  return { configMap, deployment, service, backend: { name: spec.name, ...(spec.namespace ? { namespace: spec.namespace } : {}), port } };
}
