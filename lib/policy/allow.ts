/**
 * "Allow these clients to reach that target", as the objects Linkerd needs: a MeshTLSAuthentication
 * for meshed clients, a NetworkAuthentication for networks, and the AuthorizationPolicy requiring
 * them, all with one stable name derived from the target and the clients (`web-http-from-vote-bot`).
 * Identity clients and networks given together must BOTH match (Linkerd ANDs the refs of one policy);
 * call allow twice for "either".
 */
import { createHash } from 'node:crypto';
import { IssueCollector, joinPath } from '../errors.js';
import type { KubeObject } from '../manifest.js';
import { buildAuthorizationPolicy, checkTarget, type AuthenticationRef, type AuthorizationTarget } from './authorization-policy.js';
import { checkMeshClient, isRawIdentityClient, isServiceAccountClient, type IdentityDomain, type MeshClient } from './identity.js';
import { buildMeshTlsAuthentication, type IdentityForm } from './mesh-tls-authentication.js';
import { buildOrThrow, checkMeta } from './meta.js';
import { buildNetworkAuthentication } from './network-authentication.js';
import { checkNetworks, type NetworkSpec } from './networks.js';

/** Clients by source address (plaintext allowed, unless an identity client is given too). */
export interface NetworkClient {
  readonly networks: readonly NetworkSpec[];
}

/** Any client at all, meshed or not, from anywhere: the explicit spelling of an empty authentication list. */
export interface UnauthenticatedClient {
  readonly unauthenticated: true;
}

export type AllowFrom = MeshClient | NetworkClient | UnauthenticatedClient;

export const isNetworkClient = (c: AllowFrom): c is NetworkClient => Array.isArray((c as NetworkClient).networks);
export const isUnauthenticatedClient = (c: AllowFrom): c is UnauthenticatedClient => (c as UnauthenticatedClient).unauthenticated === true;

export interface AllowSpec {
  /** The namespace of the target and of the objects written. */
  readonly namespace: string;
  /** Who is allowed (at least one). */
  readonly from: readonly AllowFrom[];
  /** What they may reach. */
  readonly to: AuthorizationTarget;
  /** The identity domain of the mesh (trust domain, control-plane namespace). */
  readonly identityDomain: IdentityDomain;
  /** Name of every object written. @default - `<target>-from-<clients>` */
  readonly name?: string;
  /** How meshed clients are written. @default 'identities' */
  readonly form?: IdentityForm;
  /** Labels on every object written. @default - none */
  readonly labels?: Readonly<Record<string, string>>;
}

const MAX_DERIVED_NAME = 63;

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'x';
}

function clientSlug(client: AllowFrom, namespace: string): string {
  if (isUnauthenticatedClient(client)) return 'anyone';
  if (isNetworkClient(client)) return 'networks';
  if (isRawIdentityClient(client)) return client.identity === '*' ? 'any-identity' : slug(client.identity.replace(/^\*\./, 'all.'));
  if (isServiceAccountClient(client)) return client.namespace && client.namespace !== namespace ? `${client.serviceAccount}-${client.namespace}` : client.serviceAccount;
  return `ns-${(client as { namespace: string }).namespace}`;
}

/** `<target>-from-<clients>`, shortened with a digest past 63 characters so it stays a readable label. */
export function allowName(to: AuthorizationTarget, from: readonly AllowFrom[], namespace: string): string {
  const target = to.kind === 'Namespace' ? namespace : to.name;
  const clients = [...new Set(from.map((c) => clientSlug(c, namespace)))];
  const full = `${target}-from-${clients.length ? clients.join('-') : 'nobody'}`;
  if (full.length <= MAX_DERIVED_NAME) return full;
  const digest = createHash('sha256').update(full).digest('hex').slice(0, 8);
  return `${full.slice(0, MAX_DERIVED_NAME - 9).replace(/[-.]+$/, '')}-${digest}`;
}

function checkClients(spec: AllowSpec, base: string, issues: IssueCollector): void {
  const at = joinPath(base, 'from');
  const from = spec.from ?? [];
  if (from.length === 0) issues.add(at, from, 'must name at least one client (ServiceAccount, namespace, identity, networks or { unauthenticated: true })');
  if (from.some(isUnauthenticatedClient) && from.some((c) => !isUnauthenticatedClient(c))) {
    issues.add(at, from.length, '{ unauthenticated: true } admits every client and must stand alone: drop it, or the other clients');
  }
  if (spec.form !== undefined && spec.form !== 'identities' && spec.form !== 'identityRefs') {
    issues.add(joinPath(base, 'form'), spec.form, 'must be "identities" or "identityRefs"');
  }
  from.forEach((client, i) => {
    const where = joinPath(at, i);
    if (isUnauthenticatedClient(client)) return;
    if (isNetworkClient(client)) {
      if (!client.networks.length) issues.add(joinPath(where, 'networks'), [], 'must list at least one network');
      checkNetworks(client.networks, joinPath(where, 'networks'), issues);
      return;
    }
    checkMeshClient(client, where, issues);
    if (spec.form === 'identityRefs' && isRawIdentityClient(client)) {
      issues.add(joinPath(where, 'identity'), client.identity, 'cannot be written as an identityRef: use form "identities", or name a serviceAccount or namespace');
    }
  });
}

/** Collects the problems of `spec` under `at`; returns the authentications, then the policy. */
export function buildAllow(spec: AllowSpec, at: string, issues: IssueCollector): KubeObject[] {
  const from = spec.from ?? [];
  const name = spec.name ?? allowName(spec.to ?? { kind: 'Namespace' }, from, spec.namespace);
  const meta = { name, namespace: spec.namespace, labels: spec.labels };
  checkMeta(meta, at, issues);
  checkTarget(spec.to, joinPath(at, 'to'), issues);
  checkClients(spec, at, issues);
  // The parts below are built from checked input; their own checks would only repeat the ones above
  // under the wrong field names, so their findings are dropped.
  const checked = new IssueCollector();
  const mesh = from.filter((c): c is MeshClient => !isNetworkClient(c) && !isUnauthenticatedClient(c));
  const objects: KubeObject[] = [];
  const refs: AuthenticationRef[] = [];
  if (mesh.length) {
    objects.push(buildMeshTlsAuthentication({ ...meta, clients: mesh, form: spec.form, identityDomain: spec.identityDomain }, at, checked));
    refs.push({ kind: 'MeshTLSAuthentication', name });
  }
  if (from.some(isNetworkClient)) {
    objects.push(buildNetworkAuthentication({ ...meta, networks: from.filter(isNetworkClient).flatMap((c) => c.networks) }, at, checked));
    refs.push({ kind: 'NetworkAuthentication', name });
  }
  const allowUnauthenticated = from.some(isUnauthenticatedClient);
  objects.push(buildAuthorizationPolicy({ ...meta, target: spec.to, requiredAuthenticationRefs: refs, allowUnauthenticated }, at, checked));
  return objects;
}

/** The objects of `spec`; throws a MeshformError with every problem found. */
export function allowObjects(spec: AllowSpec, at = `${spec.namespace}/${spec.name ?? 'allow'}`): KubeObject[] {
  return buildOrThrow('allow', at, (issues) => buildAllow(spec, at, issues));
}
