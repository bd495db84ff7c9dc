/** What the default app (`npm run synth`) and its rotation script agree on. */
export const DEFAULT_IDENTITY_DIR = '.meshform/identity';
export const DEFAULT_TRUST_DOMAIN = 'cluster.local';
