/** Cross-object checks of traffic and policy manifests, and the manifest index the policy graph reads too. */
export * from './check.js';
export { type ExternalObject, ObjectIndex, type IndexedObject, type ObjectKey } from './objects.js';
export { parseIdentity, serviceAccountIdentity, identityMatches, type MeshIdentityContext, type ParsedIdentity } from './identity.js';
export { selectorMatches, podTemplates, type PodTemplate } from './workloads.js';
export { DEFAULT_POLICIES } from './policy.js';
