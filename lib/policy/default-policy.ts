/**
 * A namespace's default inbound policy: the `config.linkerd.io/default-inbound-policy` annotation on
 * the Namespace, which the proxy injector copies onto each pod it injects there. It applies to ports
 * no Server selects, and only to pods created after it is set.
 */
import { joinPath, type IssueCollector } from '../errors.js';
import { ANNOTATIONS } from '../k8s/labels.js';
import { ACCESS_POLICIES, type AccessPolicy } from './server.js';

/** The annotations that give a namespace `policy` as its default inbound policy. */
export function defaultInboundPolicyAnnotations(policy: AccessPolicy, at: string, issues: IssueCollector): Record<string, string> {
  if (!ACCESS_POLICIES.includes(policy)) {
    issues.add(joinPath(at, 'defaultInboundPolicy'), policy, `must be one of ${ACCESS_POLICIES.join(', ')}`);
  }
  return { [ANNOTATIONS.defaultInboundPolicy]: policy };
}
