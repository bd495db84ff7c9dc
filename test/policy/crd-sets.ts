/**
 * The CRDs policy objects are validated against: meshform's own CRD render (every route CRD included)
 * and upstream's golden `install_crds_with_gateway_api.golden` from ../shared (skipped when absent).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { allKnownCrds } from '../../lib/crds/linkerd-crds.js';
import type { KubeObject } from '../../lib/manifest.js';
import { validateRender } from '../helpers/validate-all.js';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '../../../shared/linkerd/golden/crds/install_crds_with_gateway_api.golden');

/** `false` when the golden is there, else why the golden check is skipped. */
export const goldenSkip = existsSync(GOLDEN) ? false : `golden CRDs not found at ${GOLDEN} (../shared absent): skipping`;

export function goldenCrds(): unknown[] {
  return parseAllDocuments(readFileSync(GOLDEN, 'utf8')).map((d) => d.toJSON()).filter(Boolean);
}

/** Asserts-ready summary: problems against meshform's render (and the golden, when present), and how many custom resources were checked. */
export function validatePolicyObjects(objects: readonly KubeObject[]): { problems: string[]; byCrd: number } {
  const own = validateRender(objects as never, allKnownCrds());
  const problems = [...own.problems];
  if (!goldenSkip) problems.push(...validateRender(objects as never, goldenCrds()).problems.map((p) => `golden: ${p}`));
  return { problems, byCrd: own.byCrd.length };
}
