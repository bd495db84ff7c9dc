/**
 * Upstream's control-plane defaults (charts/linkerd-control-plane/values.yaml at edge-26.8.3, plus the
 * CRD chart's `installGatewayAPI` and the CLI's Go-only defaults), transcribed as our own data.
 * Keys upstream leaves empty (`cores:`, `maximumCPURatio:`, `configReaders:`) are omitted: a Helm null
 * default and an absent key render identically, and omitting them keeps the typed tree free of nulls.
 */
import type { MeshValues, ProbeValues, ResourceRequirementsValues } from './types.js';
import { ADMISSION_WEBHOOKS_LABEL, CNI_RESOURCE_LABEL, CONTROL_PLANE_COMPONENT_LABEL, ISSUER_SCHEME_LINKERD } from '../../k8s/labels.js';

const emptyResources = (): ResourceRequirementsValues => ({
  cpu: { limit: '', request: '' },
  memory: { limit: '', request: '' },
  'ephemeral-storage': { limit: '', request: '' },
});

const timeout1 = (): ProbeValues => ({ timeoutSeconds: 1 });

const admissionSelector = () => ({
  matchExpressions: [{ key: ADMISSION_WEBHOOKS_LABEL, operator: 'NotIn', values: ['disabled'] }],
});

const webhookTls = () => ({
  externalSecret: false,
  crtPEM: '',
  keyPEM: '',
  caBundle: '',
  injectCaFrom: '',
  injectCaFromSecret: '',
});

/** A fresh, fully populated default value tree (callers may mutate their copy). */
export function meshDefaults(): MeshValues {
  const kubeAPI = { clientQPS: 100, clientBurst: 200 };
  return {
    clusterDomain: 'cluster.local',
    clusterNetworks: '10.0.0.0/8,100.64.0.0/10,172.16.0.0/12,192.168.0.0/16,fd00::/8',
    imagePullPolicy: 'IfNotPresent',
    revisionHistoryLimit: 10,
    controllerLogLevel: 'info',
    controllerLogFormat: 'plain',
    linkerdVersion: 'linkerdVersionValue',
    deploymentStrategy: { rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    enableEndpointSlices: true,
    enablePodAntiAffinity: false,
    enablePprof: false,
    enablePodDisruptionBudget: false,
    disableIPv6: true,
    controller: {
      podDisruptionBudget: { maxUnavailable: 1 },
      tracing: { enabled: false, collector: { endpoint: '' } },
    },
    cniEnabled: false,
    identityTrustAnchorsPEM: '',
    identityTrustDomain: '',
    kubeAPI: { ...kubeAPI },
    podAnnotations: {},
    podLabels: {},
    commonLabels: {},
    priorityClassName: '',
    runtimeClassName: '',
    policyController: {
      logLevel: 'info',
      probeNetworks: ['0.0.0.0/0', '::/0'],
      resources: emptyResources(),
      livenessProbe: timeout1(),
      readinessProbe: timeout1(),
    },
    proxy: {
      enableExternalProfiles: false,
      outboundConnectTimeout: '1000ms',
      inboundConnectTimeout: '100ms',
      outboundDiscoveryCacheUnusedTimeout: '5s',
      inboundDiscoveryCacheUnusedTimeout: '90s',
      disableOutboundProtocolDetectTimeout: false,
      disableInboundProtocolDetectTimeout: false,
      image: { name: 'cr.l5d.io/linkerd/proxy', pullPolicy: '', version: '' },
      enableShutdownEndpoint: false,
      logLevel: 'warn,linkerd=info,hickory=error',
      logFormat: 'plain',
      logHTTPHeaders: 'off',
      ports: { admin: 4191, control: 4190, inbound: 4143, outbound: 4140 },
      runtime: { workers: { minimum: 1 } },
      resources: emptyResources(),
      uid: 2102,
      gid: -1,
      securityContext: {},
      waitBeforeExitSeconds: 0,
      await: true,
      requireIdentityOnInboundPorts: '',
      opaquePorts: '25,587,3306,4444,5432,6379,9300,11211',
      shutdownGracePeriod: '',
      defaultInboundPolicy: 'all-unauthenticated',
      outboundTransportMode: 'transport-header',
      nativeSidecar: true,
      livenessProbe: { initialDelaySeconds: 10, timeoutSeconds: 1 },
      readinessProbe: { initialDelaySeconds: 2, timeoutSeconds: 1 },
      startupProbe: { initialDelaySeconds: 0, periodSeconds: 1, failureThreshold: 120 },
      control: { streams: { initialTimeout: '3s', idleTimeout: '5m', lifetime: '1h' } },
      metrics: { hostnameLabels: false },
      tracing: {
        enabled: false,
        traceServiceName: 'linkerd-proxy',
        labels: {
          'k8s.pod.ip': '$(_pod_ip)',
          'k8s.pod.uid': '$(_pod_uid)',
          'k8s.container.name': '$(_pod_containerName)',
        },
        collector: { endpoint: '', meshIdentity: { serviceAccountName: '', namespace: '' } },
      },
      inbound: { server: { http2: { keepAliveInterval: '10s', keepAliveTimeout: '3s' } } },
      outbound: { server: { http2: { keepAliveInterval: '10s', keepAliveTimeout: '3s' } } },
    },
    proxyInit: {
      iptablesMode: 'nft',
      ignoreInboundPorts: '4567,4568',
      ignoreOutboundPorts: '4567,4568',
      kubeAPIServerPorts: '443,6443',
      skipSubnets: '',
      logLevel: '',
      logFormat: '',
      closeWaitTimeoutSecs: 0,
      privileged: false,
      runAsRoot: false,
      runAsUser: 65534,
      runAsGroup: 65534,
      xtMountPath: { mountPath: '/run', name: 'linkerd-proxy-init-xtables-lock' },
    },
    networkValidator: {
      logLevel: 'debug',
      logFormat: 'plain',
      connectAddr: '',
      listenAddr: '',
      timeout: '10s',
      securityContext: {
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        readOnlyRootFilesystem: true,
        runAsGroup: 65534,
        runAsNonRoot: true,
        runAsUser: 65534,
        seccompProfile: { type: 'RuntimeDefault' },
      },
    },
    imagePullSecrets: [],
    enableH2Upgrade: true,
    enablePSP: false,
    webhookFailurePolicy: 'Ignore',
    controllerImage: 'cr.l5d.io/linkerd/controller',
    controllerImageVersion: '',
    controllerReplicas: 1,
    controllerUID: 2103,
    controllerGID: -1,
    destinationController: {
      meshedHttp2ClientProtobuf: {
        keep_alive: { interval: { seconds: 10 }, timeout: { seconds: 3 }, while_idle: true },
      },
      podAnnotations: {},
      livenessProbe: timeout1(),
      readinessProbe: timeout1(),
    },
    debugContainer: { image: { name: 'cr.l5d.io/linkerd/debug', pullPolicy: '', version: '' } },
    identity: {
      externalCA: false,
      serviceAccountTokenProjection: true,
      issuer: {
        scheme: ISSUER_SCHEME_LINKERD,
        clockSkewAllowance: '20s',
        issuanceLifetime: '24h0m0s',
        tls: { crtPEM: '', keyPEM: '' },
      },
      // values.yaml shares `kubeAPI` through a YAML anchor; the copies are independent after parsing.
      kubeAPI: { ...kubeAPI },
      podAnnotations: {},
      livenessProbe: timeout1(),
      readinessProbe: timeout1(),
    },
    disableHeartBeat: false,
    proxyInjector: {
      timeoutSeconds: 10,
      ...webhookTls(),
      namespaceSelector: {
        matchExpressions: [
          { key: ADMISSION_WEBHOOKS_LABEL, operator: 'NotIn', values: ['disabled'] },
          { key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system', 'cert-manager'] },
        ],
      },
      objectSelector: {
        matchExpressions: [
          { key: CONTROL_PLANE_COMPONENT_LABEL, operator: 'DoesNotExist' },
          { key: CNI_RESOURCE_LABEL, operator: 'DoesNotExist' },
        ],
      },
      podAnnotations: {},
      livenessProbe: timeout1(),
      readinessProbe: timeout1(),
    },
    profileValidator: { ...webhookTls(), namespaceSelector: admissionSelector() },
    policyValidator: { ...webhookTls(), namespaceSelector: admissionSelector() },
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    spValidator: { livenessProbe: timeout1(), readinessProbe: timeout1() },
    prometheusUrl: '',
    podMonitor: {
      enabled: false,
      scrapeInterval: '10s',
      scrapeTimeout: '10s',
      labels: {},
      controller: {
        enabled: true,
        // A Helm template string, expanded by the renderer with the release namespace.
        namespaceSelector: 'matchNames:\n  - {{ .Release.Namespace }}\n  - linkerd-viz\n',
        honorTimestamps: false,
      },
      serviceMirror: { enabled: true, honorTimestamps: false },
      proxy: { enabled: true, honorTimestamps: false },
    },
    egress: { globalEgressNetworkNamespace: 'linkerd-egress' },
    // CRD chart (the CLI merges linkerd-crds/values.yaml into the same tree).
    installGatewayAPI: false,
    // Go-only defaults set by the CLI's NewValues().
    highAvailability: false,
    proxyContainerName: 'linkerd-proxy',
  };
}
