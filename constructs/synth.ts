/**
 * Writes an app's charts to a directory, one file per install phase, numbered in apply order
 * (`00-crds.yaml`, `01-control-plane.yaml`, ...), so two renders of the same input are byte-identical.
 *
 * The directory may hold the user's own files: the synth records the files it wrote in
 * `.meshform-files.json` and removes only files listed there that this render no longer has. Every
 * chart is rendered, then every file written to a temporary name, before anything is renamed into
 * place: a render or write failure (no space left, ...) leaves the previous files as they were.
 * A file holding a Secret (the generated identity's private keys) is written 0600.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'cdk8s';
import { MeshformError } from '../lib/errors.js';
import { PRIVATE_FILE_MODE, stageFile, type AtomicWriteOptions, type StagedFile } from '../lib/fs/atomic-write.js';
import { toYamlStream } from '../lib/manifest.js';
import { chartObjects } from './kube-object.js';

export const PHASE_FILE = /^\d\d-[a-z0-9-]+\.yaml$/;
/** The synth's list of the files it wrote in an outdir (deterministic: sorted names only). */
export const SYNTH_MANIFEST = '.meshform-files.json';

export interface SynthOptions {
  /**
   * Writes one file to its temporary name (the seam a test uses to make a write fail halfway).
   * @default stageFile from lib/fs/atomic-write
   */
  readonly stage?: (path: string, text: string, opts: AtomicWriteOptions) => StagedFile;
  /**
   * Where to report phase-named files left in place because meshform did not write them.
   * @default - no logging
   */
  readonly log?: (msg: string) => void;
}

export function synthPhases(app: App, outdir: string, opts: SynthOptions = {}): string[] {
  const stage = opts.stage ?? stageFile;
  // app.charts is topologically sorted by the charts' addDependency edges.
  const phases = app.charts.map((chart, index) => {
    const objects = chartObjects(chart);
    return {
      file: `${String(index).padStart(2, '0')}-${chart.node.id}.yaml`,
      text: toYamlStream(objects),
      mode: objects.some((o) => o.kind === 'Secret') ? PRIVATE_FILE_MODE : 0o644,
    };
  });
  const files = phases.map((p) => p.file);
  mkdirSync(outdir, { recursive: true });
  const previous = readSynthManifest(outdir) ?? [];
  const isDirectory = (file: string): boolean => lstatSync(join(outdir, file), { throwIfNoEntry: false })?.isDirectory() ?? false;
  // A rename cannot replace a directory: refuse before writing, not halfway through the renames.
  const blocked = [...files, SYNTH_MANIFEST].filter(isDirectory);
  if (blocked.length) {
    throw new MeshformError(`cannot write ${blocked.map((f) => join(outdir, f)).join(', ')}: a directory is in the way (nothing written)`);
  }

  const staged: StagedFile[] = [];
  try {
    for (const p of phases) staged.push(stage(join(outdir, p.file), p.text, { mode: p.mode }));
  } catch (e) {
    for (const s of staged) s.discard();
    throw e;
  }
  for (const s of staged) s.commit();
  for (const stale of previous) if (!files.includes(stale) && !isDirectory(stale)) rmSync(join(outdir, stale), { force: true });
  // Last: until it is in place, the previous list still names every file a crash could leave behind.
  stage(join(outdir, SYNTH_MANIFEST), manifestText(files), {}).commit();

  const foreign = readdirSync(outdir).filter((name) => PHASE_FILE.test(name) && !files.includes(name)).sort();
  if (foreign.length) {
    opts.log?.(`meshform: left ${foreign.map((f) => join(outdir, f)).join(', ')} in place: not written by meshform synth (not in ${SYNTH_MANIFEST})`);
  }
  return files;
}

/**
 * The files the last synth wrote to `outdir`, from its `.meshform-files.json`; undefined when there is
 * none. Throws a `MeshformError` when the list is not one meshform writes: its names are deleted by
 * the next synth, so an edited list (`../x`) must never be trusted.
 */
export function readSynthManifest(outdir: string): string[] | undefined {
  const path = join(outdir, SYNTH_MANIFEST);
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  let files: unknown;
  try {
    files = (JSON.parse(text) as { files?: unknown } | null)?.files;
  } catch {
    files = undefined;
  }
  const bad = Array.isArray(files) ? files.filter((f) => typeof f !== 'string' || !PHASE_FILE.test(f)) : [files];
  if (bad.length) {
    throw new MeshformError(`${path} is not meshform's list of synthesized files (delete it; meshform then removes none of the old files)`, [
      { path: 'files', value: Array.isArray(files) ? bad[0] : undefined, message: 'must be a list of phase file names like 01-control-plane.yaml' },
    ]);
  }
  return files as string[];
}

function manifestText(files: readonly string[]): string {
  const record = { comment: 'files written by meshform synth: the next synth replaces or removes them, and no other file', files: [...files].sort() };
  return `${JSON.stringify(record, null, 2)}\n`;
}
