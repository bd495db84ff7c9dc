/**
 * The synth's guard against a trust-anchor rotation step that would break running proxies: the
 * previously synthesized phase files in the output directory stand for what is deployed; the app's
 * charts for what would be. `checkRotationStep` compares the two trust states (see
 * `lib/identity/rotation.ts`); an error refuses the synth before anything is written.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'cdk8s';
import { MeshformError } from '../lib/errors.js';
import { parseYamlStream } from '../lib/yaml-input.js';
import type { Finding } from '../lib/identity/check.js';
import { checkRotationStep, type RotationCheckOptions, type TrustState } from '../lib/identity/rotation.js';
import { trustStateFromManifests } from '../lib/identity/trust-state-manifests.js';
import { chartObjects } from './kube-object.js';
import { PHASE_FILE, readSynthManifest } from './synth.js';

/** Could this document be one a trust state is read from (see trust-state-manifests.ts)? A cheap text test. */
const mayHoldIdentity = (doc: string): boolean =>
  /^kind: (ConfigMap|Secret|Bundle|Certificate)[ \t]*$/m.test(doc) && /linkerd-identity-(trust-roots|issuer)/.test(doc);
/** A document separator as toYamlStream writes it (block scalars are indented, so never at column 0). */
const DOCUMENT_SEPARATOR = /^---[ \t]*$/m;

/**
 * The objects of the phase files (`NN-<phase>.yaml`) a previous synth wrote to `outdir`, in file
 * order; undefined when there are none (no previous synth). The files are those its
 * `.meshform-files.json` lists; without one (a synth by an older meshform), every phase-named file.
 * With `select`, only the documents whose text it accepts are parsed: the CRDs alone are hundreds
 * of kilobytes.
 * Throws a `MeshformError` naming the file when a parsed document is not valid YAML.
 */
export function readSynthesizedObjects(outdir: string, select?: (documentText: string) => boolean): unknown[] | undefined {
  if (!existsSync(outdir)) return undefined;
  const listed = readSynthManifest(outdir)?.filter((name) => existsSync(join(outdir, name)));
  const files = (listed ?? readdirSync(outdir).filter((name) => PHASE_FILE.test(name))).sort();
  if (!files.length) return undefined;
  return files.flatMap((file) => {
    const text = readFileSync(join(outdir, file), 'utf8');
    const wanted = select ? text.split(DOCUMENT_SEPARATOR).filter(select).join('\n---\n') : text;
    let docs;
    try {
      docs = parseYamlStream(wanted, join(outdir, file));
    } catch (e) {
      throw new MeshformError(`${join(outdir, file)} is not valid YAML (${(e as Error).message}): cannot tell what is deployed`);
    }
    return docs.flatMap(({ value }) => (value === null || value === undefined ? [] : [value]));
  });
}

export interface RotationGuardResult {
  /** The trust state of the previous synth; undefined for a first install. */
  readonly deployed?: TrustState;
  /** The trust state of the app's render; undefined when it carries no identity (e.g. an external CA). */
  readonly proposed?: TrustState;
  /** The rotation findings (empty when the render carries no identity). */
  readonly findings: readonly Finding[];
}

/** Compares the trust state of `app`'s charts with the one previously synthesized to `outdir`. */
export function checkRotationAgainstOutdir(app: App, outdir: string, opts: RotationCheckOptions = {}): RotationGuardResult {
  const previous = readSynthesizedObjects(outdir, mayHoldIdentity);
  const deployed = previous ? trustStateFromManifests(previous) : undefined;
  const proposed = trustStateFromManifests(app.charts.flatMap((chart) => chartObjects(chart)));
  if (!proposed) return { deployed, findings: [] };
  return { deployed, proposed, findings: checkRotationStep(deployed, proposed, opts) };
}

/**
 * Runs `checkRotationAgainstOutdir`, reports warnings through `log`, and throws a `MeshformError`
 * listing every error, so the caller writes nothing.
 */
export function guardRotation(app: App, outdir: string, opts: RotationCheckOptions & { readonly log?: (msg: string) => void } = {}): RotationGuardResult {
  const result = checkRotationAgainstOutdir(app, outdir, opts);
  const log = opts.log ?? (() => {});
  for (const f of result.findings) if (f.severity === 'warning') log(`meshform: warning: ${f.check}: ${f.message}`);
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (errors.length) {
    throw new MeshformError(
      `refusing to synthesize: this trust-anchor change would break the proxies running with what was last synthesized to ${outdir} (nothing written)`,
      errors.map((f) => ({ path: f.check, value: undefined, message: f.message })),
    );
  }
  return result;
}
