/**
 * AuthorizationPolicy (`policy.linkerd.io/v1alpha1`): which authentications a target requires.
 * Targets are what the policy controller accepts (a Server, a route, the policy's own Namespace);
 * anything else it rejects. An empty `requiredAuthenticationRefs` admits every client from every
 * network, so it is refused unless `allowUnauthenticated` says that is meant.
 */
import { joinPath, type IssueCollector } from '../errors.js';
import type { KubeObject } from '../manifest.js';
import { AUTHORIZATION_POLICY_API_VERSION, GATEWAY_GROUP, POLICY_GROUP } from './api.js';
import { labelName, objectName } from './checks.js';
import { buildOrThrow, checkMeta, objectPath, renderMeta, type PolicyObjectMeta } from './meta.js';

/** A Server in the policy's namespace. */
export interface ServerTarget {
  readonly kind: 'Server';
  readonly name: string;
}
/** An HTTPRoute (Gateway API, or Linkerd's own) whose parent is a Server: authorizes that route only. */
export interface HttpRouteTarget {
  readonly kind: 'HTTPRoute';
  readonly name: string;
  /** @default 'gateway.networking.k8s.io' */
  readonly group?: typeof GATEWAY_GROUP | typeof POLICY_GROUP;
}
/** A GRPCRoute (Gateway API only: Linkerd has no GRPCRoute of its own) whose parent is a Server. */
export interface GrpcRouteTarget {
  readonly kind: 'GRPCRoute';
  readonly name: string;
}
/** Every Server in the policy's own namespace (Linkerd refuses another namespace). */
export interface NamespaceTarget {
  readonly kind: 'Namespace';
}
export type AuthorizationTarget = ServerTarget | HttpRouteTarget | GrpcRouteTarget | NamespaceTarget;

/** An authentication the client must satisfy; all refs of a policy must be satisfied together. */
export interface AuthenticationRef {
  readonly kind: 'MeshTLSAuthentication' | 'NetworkAuthentication' | 'ServiceAccount';
  readonly name: string;
  /** @default - the policy's namespace */
  readonly namespace?: string;
}

export interface AuthorizationPolicySpec {
  readonly target: AuthorizationTarget;
  /**
   * The authentications a client needs: at most one MeshTLSAuthentication or one ServiceAccount
   * (not both), and at most one NetworkAuthentication.
   */
  readonly requiredAuthenticationRefs: readonly AuthenticationRef[];
  /**
   * Say `true` to write an empty `requiredAuthenticationRefs`, which authorizes every client,
   * meshed or not, from every network.
   * @default false
   */
  readonly allowUnauthenticated?: boolean;
}

export type AuthorizationPolicyObjectSpec = AuthorizationPolicySpec & PolicyObjectMeta;

const TARGET_KINDS = ['Server', 'HTTPRoute', 'GRPCRoute', 'Namespace'];
const AUTHN_KINDS = ['MeshTLSAuthentication', 'NetworkAuthentication', 'ServiceAccount'];

/** The `targetRef` a target renders to (a Namespace target names the policy's namespace). */
export function renderTargetRef(target: AuthorizationTarget, namespace: string): Record<string, string> {
  switch (target.kind) {
    case 'Server':
      return { group: POLICY_GROUP, kind: 'Server', name: target.name };
    case 'HTTPRoute':
      return { group: target.group ?? GATEWAY_GROUP, kind: 'HTTPRoute', name: target.name };
    case 'GRPCRoute':
      return { group: GATEWAY_GROUP, kind: 'GRPCRoute', name: target.name };
    case 'Namespace':
      return { kind: 'Namespace', name: namespace };
  }
}

/** Collects problems with `target` (named by `at`). */
export function checkTarget(target: AuthorizationTarget | undefined, at: string, issues: IssueCollector): void {
  if (!target || !TARGET_KINDS.includes(target.kind)) {
    issues.add(joinPath(at, 'kind'), target?.kind, `must be one of ${TARGET_KINDS.join(', ')} (Linkerd rejects any other authorization target)`);
    return;
  }
  if (target.kind === 'Namespace') {
    const named = (target as { name?: unknown }).name;
    if (named !== undefined) issues.add(joinPath(at, 'name'), named, 'must be unset: a Namespace target is always the policy\'s own namespace');
    return;
  }
  issues.check(joinPath(at, 'name'), target.name, objectName(target.name));
  if (target.kind === 'HTTPRoute' && target.group !== undefined && target.group !== GATEWAY_GROUP && target.group !== POLICY_GROUP) {
    issues.add(joinPath(at, 'group'), target.group, `must be ${GATEWAY_GROUP} or ${POLICY_GROUP}`);
  }
  const group = (target as { group?: unknown }).group;
  if (target.kind === 'GRPCRoute' && group !== undefined && group !== GATEWAY_GROUP) {
    issues.add(joinPath(at, 'group'), group, `must be ${GATEWAY_GROUP}: there is no policy.linkerd.io GRPCRoute`);
  }
}

function checkRefs(spec: AuthorizationPolicyObjectSpec, base: string, issues: IssueCollector): void {
  const at = joinPath(base, 'requiredAuthenticationRefs');
  const refs = spec.requiredAuthenticationRefs ?? [];
  if (refs.length === 0 && spec.allowUnauthenticated !== true) {
    issues.add(
      at,
      [],
      'an empty list authorizes every client from every network: name a MeshTLSAuthentication, ServiceAccount or NetworkAuthentication, or set allowUnauthenticated: true if that is meant',
    );
  }
  if (refs.length > 0 && spec.allowUnauthenticated === true) {
    issues.add(joinPath(base, 'allowUnauthenticated'), true, 'only applies to an empty list: these refs already restrict who is authorized');
  }
  refs.forEach((ref, i) => {
    const where = joinPath(at, i);
    if (!AUTHN_KINDS.includes(ref?.kind)) issues.add(joinPath(where, 'kind'), ref?.kind, `must be one of ${AUTHN_KINDS.join(', ')}`);
    issues.check(joinPath(where, 'name'), ref?.name, objectName(ref?.name));
    if (ref?.namespace !== undefined) issues.check(joinPath(where, 'namespace'), ref.namespace, labelName(ref.namespace));
  });
  const count = (kind: string) => refs.filter((r) => r?.kind === kind).length;
  for (const kind of AUTHN_KINDS) {
    if (count(kind) > 1) issues.add(at, refs.filter((r) => r.kind === kind).map((r) => r.name), `may hold at most one ${kind} (Linkerd refuses more)`);
  }
  if (count('MeshTLSAuthentication') && count('ServiceAccount')) {
    issues.add(at, refs.map((r) => r.kind), 'may not hold both a MeshTLSAuthentication and a ServiceAccount (Linkerd refuses it): put the ServiceAccount into the MeshTLSAuthentication');
  }
}

function renderRef(ref: AuthenticationRef): Record<string, string> {
  const out: Record<string, string> = ref.kind === 'ServiceAccount' ? {} : { group: POLICY_GROUP };
  Object.assign(out, { kind: ref.kind, name: ref.name });
  if (ref.namespace !== undefined) out.namespace = ref.namespace;
  return out;
}

/** Collects the problems of `spec` under `at`, and returns the object it renders to. */
export function buildAuthorizationPolicy(spec: AuthorizationPolicyObjectSpec, at: string, issues: IssueCollector): KubeObject {
  checkMeta(spec, at, issues);
  checkTarget(spec.target, joinPath(at, 'target'), issues);
  checkRefs(spec, at, issues);
  return {
    apiVersion: AUTHORIZATION_POLICY_API_VERSION,
    kind: 'AuthorizationPolicy',
    metadata: renderMeta(spec),
    spec: {
      targetRef: spec.target && TARGET_KINDS.includes(spec.target.kind) ? renderTargetRef(spec.target, spec.namespace) : {},
      requiredAuthenticationRefs: (spec.requiredAuthenticationRefs ?? []).map(renderRef),
    },
  };
}

/** The AuthorizationPolicy for `spec`; throws a MeshformError with every problem found. */
export function authorizationPolicyObject(spec: AuthorizationPolicyObjectSpec, at = objectPath(spec)): KubeObject {
  return buildOrThrow('AuthorizationPolicy', at, (issues) => buildAuthorizationPolicy(spec, at, issues));
}
