/** Names shared by the policy.linkerd.io CRDs. */

export const POLICY_GROUP = 'policy.linkerd.io';

/** The warning the API server returns for a superseded version, in upstream's wording. */
export function deprecationWarning(group: string, kind: string, version: string, successor: string): string {
  return `${group}/${version} ${kind} is deprecated; use ${group}/${successor} ${kind}`;
}
