/**
 * The emojivoto demo app (Linkerd's getting-started workload) written with cdk8s-plus-27 and meshed
 * from code: each Deployment through `meshWorkload`, so upgrading the mesh (proxy version, trust
 * anchors) rolls exactly the meshed pods.
 *
 *   node --import tsx examples/emojivoto/app.ts            # YAML on stdout
 *   node --import tsx examples/emojivoto/app.ts out/dir    # out/dir/emojivoto.yaml
 *
 * The main reads the same local identity as `npm run synth` (MESHFORM_IDENTITY_DIR), so the revision
 * annotation matches the mesh that synth renders.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { MeshformError } from '../../lib/errors.js';
import { writeFileAtomic } from '../../lib/fs/atomic-write.js';
import { loadOrCreateIdentity } from '../../lib/identity/store.js';
import { toYamlStream } from '../../lib/manifest.js';
import { MESH_REFERENCE_API_VERSION, MESH_REFERENCE_KIND, type MeshReference } from '../../lib/mesh-reference/index.js';
import { chartObjects } from '../../constructs/kube-object.js';
import { meshWorkload, type MeshWorkloadOptions } from '../../constructs/workload/index.js';

export const EMOJIVOTO_NAMESPACE = 'emojivoto';
export const EMOJIVOTO_VERSION = 'v11';
const IMAGE = (name: string) => `docker.l5d.io/buoyantio/emojivoto-${name}:${EMOJIVOTO_VERSION}`;

export interface EmojivotoOptions {
  /** Extra meshing options (mode, proxy config...). @default - annotation mode, no overrides */
  readonly mesh?: Omit<MeshWorkloadOptions, 'mesh' | 'meshValues'>;
  /**
   * Give `vote-bot` its own ServiceAccount `vote-bot` (upstream's runs as `default`), so policy can
   * name its identity.
   * @default false
   */
  readonly voteBotServiceAccount?: boolean;
}

/** What `buildEmojivoto` made, for apps that add traffic and policy around it. */
export interface Emojivoto {
  readonly chart: Chart;
  readonly namespace: kplus.Namespace;
  readonly deployments: Readonly<Record<'emoji' | 'voting' | 'web' | 'vote-bot', kplus.Deployment>>;
  readonly services: Readonly<Record<'emoji-svc' | 'voting-svc' | 'web-svc', kplus.Service>>;
}

/** A web Deployment and its Service as `buildEmojivoto` makes them (e.g. a second version beside `web`). */
export interface WebVersionOptions {
  /** The Deployment's name (and its pods' `app` label), e.g. `web-v2`. */
  readonly name: string;
  /** The Service in front of it, e.g. `web-svc-v2`. */
  readonly serviceName: string;
  /** The ServiceAccount it runs as. @default - a new ServiceAccount named like the Deployment */
  readonly serviceAccount?: kplus.ServiceAccount;
}

interface Component {
  readonly name: string;
  readonly image: string;
  readonly serviceAccount?: kplus.ServiceAccount;
  readonly env: Readonly<Record<string, string>>;
  readonly ports: readonly { readonly name: string; readonly number: number }[];
  readonly command?: readonly string[];
  readonly cpuMillis: number;
}

const labels = (name: string) => ({
  'app.kubernetes.io/name': name,
  'app.kubernetes.io/part-of': 'emojivoto',
  'app.kubernetes.io/version': EMOJIVOTO_VERSION,
});

function deployment(chart: Chart, c: Component): kplus.Deployment {
  const d = new kplus.Deployment(chart, c.name, {
    metadata: { name: c.name, namespace: EMOJIVOTO_NAMESPACE, labels: labels(c.name) },
    replicas: 1,
    serviceAccount: c.serviceAccount,
    // The service account's token is how the proxy proves its identity; the default projection
    // covers it, but the app itself reads no API, so no token is mounted for it.
    automountServiceAccountToken: false,
    podMetadata: { labels: { app: c.name, version: EMOJIVOTO_VERSION } },
    // Select on the app label, as upstream's manifest does, rather than cdk8s's generated address label.
    select: false,
    securityContext: { ensureNonRoot: false },
    containers: [
      {
        name: c.name === 'vote-bot' ? 'vote-bot' : c.name.startsWith('web') ? 'web-svc' : `${c.name}-svc`,
        image: c.image,
        command: c.command ? [...c.command] : undefined,
        envVariables: Object.fromEntries(Object.entries(c.env).map(([k, v]) => [k, kplus.EnvValue.fromValue(v)])),
        ports: c.ports.map((p) => ({ name: p.name, number: p.number })),
        resources: { cpu: { request: kplus.Cpu.millis(c.cpuMillis) } },
        // The upstream images run as root with a writable filesystem.
        securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false },
      },
    ],
  });
  d.select(kplus.LabelSelector.of({ labels: { app: c.name } }));
  return d;
}

function service(chart: Chart, name: string, target: kplus.Deployment, ports: readonly { name: string; port: number; targetPort: number }[]): kplus.Service {
  return new kplus.Service(chart, `${name}-service`, {
    metadata: { name, namespace: EMOJIVOTO_NAMESPACE },
    selector: target,
    ports: ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.targetPort })),
  });
}

/** The emojivoto chart: namespace, service accounts, services and four meshed deployments. */
export function buildEmojivoto(scope: Construct, mesh: MeshReference, options: EmojivotoOptions = {}): Chart {
  return emojivoto(scope, mesh, options).chart;
}

/** `buildEmojivoto`, with its parts. */
export function emojivoto(scope: Construct, mesh: MeshReference, options: EmojivotoOptions = {}): Emojivoto {
  const chart = new Chart(scope, 'emojivoto');
  const namespace = new kplus.Namespace(chart, 'namespace', { metadata: { name: EMOJIVOTO_NAMESPACE } });
  const grpc = [
    { name: 'grpc', number: 8080 },
    { name: 'prom', number: 8801 },
  ];
  const emoji = deployment(chart, {
    name: 'emoji', image: IMAGE('emoji-svc'), serviceAccount: serviceAccount(chart, 'emoji'), cpuMillis: 100,
    env: { GRPC_PORT: '8080', PROM_PORT: '8801' }, ports: grpc,
  });
  const voting = deployment(chart, {
    name: 'voting', image: IMAGE('voting-svc'), serviceAccount: serviceAccount(chart, 'voting'), cpuMillis: 100,
    env: { GRPC_PORT: '8080', PROM_PORT: '8801' }, ports: grpc,
  });
  const web = webDeployment(chart, 'web', serviceAccount(chart, 'web'));
  const voteBot = deployment(chart, {
    name: 'vote-bot', image: IMAGE('web'), cpuMillis: 10, command: ['emojivoto-vote-bot'],
    serviceAccount: options.voteBotServiceAccount ? serviceAccount(chart, 'vote-bot') : undefined,
    env: { WEB_HOST: `web-svc.${EMOJIVOTO_NAMESPACE}:80` }, ports: [],
  });

  const services = {
    'emoji-svc': service(chart, 'emoji-svc', emoji, [{ name: 'grpc', port: 8080, targetPort: 8080 }, { name: 'prom', port: 8801, targetPort: 8801 }]),
    'voting-svc': service(chart, 'voting-svc', voting, [{ name: 'grpc', port: 8080, targetPort: 8080 }, { name: 'prom', port: 8801, targetPort: 8801 }]),
    'web-svc': webService(chart, 'web-svc', web),
  };
  const deployments = { emoji, voting, web, 'vote-bot': voteBot };
  for (const d of Object.values(deployments)) meshWorkload(d, { ...options.mesh, mesh });
  return { chart, namespace, deployments, services };
}

/** Another web Deployment (meshed like the others) and its Service in the emojivoto chart. */
export function addWebVersion(app: Emojivoto, mesh: MeshReference, options: WebVersionOptions): { readonly deployment: kplus.Deployment; readonly service: kplus.Service } {
  const d = webDeployment(app.chart, options.name, options.serviceAccount ?? serviceAccount(app.chart, options.name));
  meshWorkload(d, { mesh });
  return { deployment: d, service: webService(app.chart, options.serviceName, d) };
}

function serviceAccount(chart: Chart, name: string): kplus.ServiceAccount {
  return new kplus.ServiceAccount(chart, `${name}-sa`, { metadata: { name, namespace: EMOJIVOTO_NAMESPACE }, automountToken: false });
}

function webDeployment(chart: Chart, name: string, sa: kplus.ServiceAccount): kplus.Deployment {
  return deployment(chart, {
    name, image: IMAGE('web'), serviceAccount: sa, cpuMillis: 100,
    env: {
      WEB_PORT: '8080',
      EMOJISVC_HOST: `emoji-svc.${EMOJIVOTO_NAMESPACE}:8080`,
      VOTINGSVC_HOST: `voting-svc.${EMOJIVOTO_NAMESPACE}:8080`,
      INDEX_BUNDLE: 'dist/index_bundle.js',
    },
    ports: [{ name: 'http', number: 8080 }],
  });
}

function webService(chart: Chart, name: string, target: kplus.Deployment): kplus.Service {
  return service(chart, name, target, [{ name: 'http', port: 80, targetPort: 8080 }]);
}

async function main(): Promise<void> {
  const identityDir = process.env.MESHFORM_IDENTITY_DIR ?? '.meshform/identity';
  const identity = await loadOrCreateIdentity(identityDir, {
    trustDomain: 'cluster.local',
    namespace: 'linkerd',
    log: (message) => process.stderr.write(`${message}\n`),
  });
  // The app needs only the mesh's public facts: here the local mesh's anchors, defaults for the rest.
  const mesh: MeshReference = { apiVersion: MESH_REFERENCE_API_VERSION, kind: MESH_REFERENCE_KIND, trustAnchorsPem: identity.trustAnchorsPem };
  const chart = buildEmojivoto(new App(), mesh);
  const yaml = toYamlStream(chartObjects(chart));
  const outdir = process.argv[2];
  if (!outdir) {
    process.stdout.write(yaml);
    return;
  }
  mkdirSync(outdir, { recursive: true });
  writeFileAtomic(join(outdir, 'emojivoto.yaml'), yaml);
  process.stderr.write(`meshform: wrote ${join(outdir, 'emojivoto.yaml')}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    process.stderr.write(`emojivoto: ${e instanceof MeshformError ? e.message : (e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  });
}
