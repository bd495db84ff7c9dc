/**
 * The `pulumi.com/v1` Stack that runs this repository's program from git, and keeps running it:
 * `refresh` reads the cluster before each update and `continueResyncOnCommitMatch` re-runs the same
 * commit every `resyncFrequencySeconds`, so drift is repaired and certificates whose renewal window
 * opened are re-issued without anyone running `pulumi up`. `destroyOnFinalize: false`: deleting the
 * Stack object leaves the mesh running (destroying it would take every meshed workload's identity).
 */
import { INJECT_ANNOTATION, INJECT_DISABLED } from '../k8s/labels.js';
import type { KubeObject } from '../manifest.js';
import { pkoLabels } from './labels.js';
import { PKO_SECRET_KEYS, type ResolvedPulumiOperator } from './props.js';

/** A Secret key reference in the operator's ResourceRef shape. */
interface SecretRef {
  readonly type: 'Secret';
  readonly secret: { readonly name: string; readonly key: string };
}

const secretRef = (name: string, key: string): SecretRef => ({ type: 'Secret', secret: { name, key } });

function gitAuth(r: ResolvedPulumiOperator): Record<string, unknown> | undefined {
  if (r.gitAuth === 'token') return { accessToken: secretRef(r.secretName, PKO_SECRET_KEYS.gitToken) };
  if (r.gitAuth === 'ssh') return { sshAuth: { sshPrivateKey: secretRef(r.secretName, PKO_SECRET_KEYS.gitSshKey) } };
  return undefined;
}

/** The Stack object; `serviceAccount` is the workspace's identity (pkoRbacObjects binds it). */
export function pkoStack(r: ResolvedPulumiOperator, serviceAccount: string): KubeObject {
  const auth = gitAuth(r);
  return {
    apiVersion: 'pulumi.com/v1',
    kind: 'Stack',
    metadata: { name: r.name, namespace: r.namespace, labels: pkoLabels(r) },
    spec: {
      stack: r.stack,
      projectRepo: r.projectRepo,
      ...(r.commit ? { commit: r.commit } : { branch: r.branch, shallow: true }),
      ...(r.repoDir ? { repoDir: r.repoDir } : {}),
      ...(auth ? { gitAuth: auth } : {}),
      ...(r.backend ? { backend: r.backend } : {}),
      // Pulumi Cloud's own encryption is the operator's default: spelled out only for the others.
      ...(r.secretsProvider === 'default' ? {} : { secretsProvider: r.secretsProvider }),
      envRefs: Object.fromEntries(r.secretEnv.map((env) => [env, secretRef(r.secretName, env)])),
      ...(r.config ? { config: r.config } : {}),
      refresh: true,
      continueResyncOnCommitMatch: true,
      resyncFrequencySeconds: r.resyncFrequencySeconds,
      destroyOnFinalize: false,
      // The workspace (with its installed node_modules) is kept between runs: a resync does not reinstall.
      workspaceReclaimPolicy: 'Retain',
      serviceAccountName: serviceAccount,
      workspaceTemplate: {
        spec: {
          image: r.image,
          securityProfile: 'restricted',
          serviceAccountName: serviceAccount,
          resources: { requests: { cpu: r.cpuRequest, memory: r.memoryRequest }, limits: { memory: r.memoryLimit } },
          // The namespace already tells the injector to skip it; the pod says so too, should the namespace be edited.
          podTemplate: { metadata: { annotations: { [INJECT_ANNOTATION]: INJECT_DISABLED } } },
        },
      },
    },
  };
}
