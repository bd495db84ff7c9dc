/**
 * MeshTLSAuthentication (`policy.linkerd.io/v1alpha1`): clients authenticated by their mesh TLS
 * identity. Written as `identities` spelled the way the mesh computes them (what `linkerd authz`
 * and the proxy logs show), or as `identityRefs` to ServiceAccounts and Namespaces.
 */
import { joinPath, type IssueCollector } from '../errors.js';
import type { KubeObject } from '../manifest.js';
import { MESH_TLS_AUTHENTICATION_API_VERSION } from './api.js';
import { checkMeshClient, clientIdentity, isRawIdentityClient, isServiceAccountClient, type IdentityDomain, type MeshClient } from './identity.js';
import { buildOrThrow, checkMeta, objectPath, renderMeta, type PolicyObjectMeta } from './meta.js';

/** `identities`: computed strings; `identityRefs`: references the controller resolves. */
export type IdentityForm = 'identities' | 'identityRefs';

export interface MeshTlsAuthenticationSpec {
  /** The clients (at least one). */
  readonly clients: readonly MeshClient[];
  /**
   * How clients are written. `identityRefs` cannot hold raw identity strings.
   * @default 'identities'
   */
  readonly form?: IdentityForm;
}

export type MeshTlsAuthenticationObjectSpec = MeshTlsAuthenticationSpec & PolicyObjectMeta & { readonly identityDomain: IdentityDomain };

function identityRef(client: MeshClient, ownNamespace: string): Record<string, string> {
  if (isServiceAccountClient(client)) return { kind: 'ServiceAccount', name: client.serviceAccount, namespace: client.namespace ?? ownNamespace };
  return { kind: 'Namespace', name: (client as { namespace: string }).namespace };
}

/** Collects the problems of `spec` under `at`, and returns the object it renders to. */
export function buildMeshTlsAuthentication(spec: MeshTlsAuthenticationObjectSpec, at: string, issues: IssueCollector): KubeObject {
  checkMeta(spec, at, issues);
  const form = spec.form ?? 'identities';
  if (form !== 'identities' && form !== 'identityRefs') issues.add(joinPath(at, 'form'), form, 'must be "identities" or "identityRefs"');
  if (!spec.clients?.length) issues.add(joinPath(at, 'clients'), spec.clients, 'must name at least one client (ServiceAccount, namespace or identity)');
  (spec.clients ?? []).forEach((client, i) => {
    const where = joinPath(joinPath(at, 'clients'), i);
    checkMeshClient(client, where, issues);
    if (form === 'identityRefs' && isRawIdentityClient(client)) {
      issues.add(joinPath(where, 'identity'), client.identity, 'cannot be written as an identityRef: use form "identities", or name a serviceAccount or namespace');
    }
  });
  const clients = spec.clients ?? [];
  const body =
    form === 'identityRefs'
      ? { identityRefs: clients.map((c) => identityRef(c, spec.namespace)) }
      : { identities: [...new Set(clients.map((c) => clientIdentity(c, spec.namespace, spec.identityDomain)))] };
  return { apiVersion: MESH_TLS_AUTHENTICATION_API_VERSION, kind: 'MeshTLSAuthentication', metadata: renderMeta(spec), spec: body };
}

/** The MeshTLSAuthentication for `spec`; throws a MeshformError with every problem found. */
export function meshTlsAuthenticationObject(spec: MeshTlsAuthenticationObjectSpec, at = objectPath(spec)): KubeObject {
  return buildOrThrow('MeshTLSAuthentication', at, (issues) => buildMeshTlsAuthentication(spec, at, issues));
}
