/**
 * Writes an app's charts to a directory, one file per install phase, numbered in apply order
 * (`00-crds.yaml`, `01-control-plane.yaml`, ...), so two renders of the same input are byte-identical.
 *
 * The directory may hold the user's own files: the synth records the files it wrote in
 * `.meshform-files.json` and removes only files listed there that this render no longer has (lib/fs/owned-files). Every
 * chart is rendered, then every file written to a temporary name, before anything is renamed into
 * place: a render or write failure (no space left, ...) leaves the previous files as they were.
 * A file holding a Secret (the generated identity's private keys) is written 0600.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'cdk8s';
import { PRIVATE_FILE_MODE } from '../lib/fs/atomic-write.js';
import { readOwnedFiles, writeOwnedFiles, type OwnedFilesList, type OwnedFilesOptions } from '../lib/fs/owned-files.js';
import { toYamlStream } from '../lib/manifest.js';
import { chartObjects } from './kube-object.js';

export const PHASE_FILE = /^\d\d-[a-z0-9-]+\.yaml$/;
/** The synth's list of the files it wrote in an outdir (deterministic: sorted names only). */
export const SYNTH_MANIFEST = '.meshform-files.json';

const SYNTH_FILES: OwnedFilesList = {
  fileName: SYNTH_MANIFEST,
  holds: 'synthesized files',
  writtenBy: 'meshform synth',
  accepts: (path) => PHASE_FILE.test(path),
  shape: 'phase file names like 01-control-plane.yaml',
};

export interface SynthOptions extends OwnedFilesOptions {
  /**
   * Where to report phase-named files left in place because meshform did not write them.
   * @default - no logging
   */
  readonly log?: (msg: string) => void;
}

export function synthPhases(app: App, outdir: string, opts: SynthOptions = {}): string[] {
  // app.charts is topologically sorted by the charts' addDependency edges.
  const phases = app.charts.map((chart, index) => {
    const objects = chartObjects(chart);
    return {
      path: `${String(index).padStart(2, '0')}-${chart.node.id}.yaml`,
      text: toYamlStream(objects),
      mode: objects.some((o) => o.kind === 'Secret') ? PRIVATE_FILE_MODE : 0o644,
    };
  });
  const files = writeOwnedFiles(outdir, phases, SYNTH_FILES, opts);
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
  return readOwnedFiles(outdir, SYNTH_FILES);
}
