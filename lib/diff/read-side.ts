/**
 * One side of `meshform diff`, read without a cluster and without shelling out:
 *
 * - a render (a multi-document YAML file, or stdin): phases detected from labels (detect-phase.ts);
 * - a directory: every `.yaml`/`.yml` file under it (hidden entries skipped, `kustomization.yaml`
 *   read as kustomize's own file, not an object). A file's phase is the name of the nearest
 *   directory below the root that holds a `kustomization.yaml` (a GitOps tree: one directory per
 *   phase), else the first path segment under the root (`dist/` as `synthPhases` writes it:
 *   `01-control-plane.yaml` → `control-plane`), the `NN-` apply-order prefix and extension dropped.
 *
 * Every document goes through the bounded YAML reader; `List`s are flattened. An object that appears
 * twice on one side is refused (which one would be applied is unclear).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { IssueCollector, MeshformError } from '../errors.js';
import { describeFsError } from '../fs/fs-error.js';
import { parseYamlStream } from '../yaml-input.js';
import { detectPhase, orderDetectedPhases } from './detect-phase.js';
import { byCodeUnit } from './field-changes.js';
import type { KubeObject } from '../manifest.js';
import { describeRef, isKubeObject, objectRef, refKey } from './object-key.js';

/** An object with where it was read from. */
export interface SourcedObject {
  readonly object: KubeObject;
  /** The install phase it belongs to. */
  readonly phase: string;
  /** `dist/01-control-plane.yaml: document 3`. */
  readonly source: string;
}

export interface DiffSide {
  /** What the user named (`dist/`, `render.yaml`, `stdin`). */
  readonly label: string;
  /** The phases in apply order. */
  readonly phases: readonly string[];
  readonly objects: readonly SourcedObject[];
}

/** Directory walk bounds: a GitOps tree is a few dozen files; anything far larger is not one. */
const MAX_FILES = 5000;
const MAX_DEPTH = 12;
const MAX_FILE_BYTES = 64 * 1024 * 1024;
const KUSTOMIZATION = /^kustomization\.ya?ml$/;
const YAML_FILE = /\.ya?ml$/;

/** `01-control-plane.yaml` → `control-plane`. */
export function phaseName(fileOrDir: string): string {
  return fileOrDir.replace(YAML_FILE, '').replace(/^\d+-/, '');
}

function documentsOf(text: string, source: string, phaseOf: (o: KubeObject) => string, issues: IssueCollector): SourcedObject[] {
  const out: SourcedObject[] = [];
  for (const doc of parseYamlStream(text, source)) {
    const where = `${source}: document ${doc.index}`;
    if (doc.value === null) continue;
    const items = isKubeObject(doc.value) && doc.value.kind === 'List' && Array.isArray(doc.value.items) ? doc.value.items : [doc.value];
    items.forEach((item, i) => {
      const at = items.length > 1 || item !== doc.value ? `${where} item ${i + 1}` : where;
      if (!isKubeObject(item)) issues.add(at, undefined, 'is not a Kubernetes object (needs apiVersion and kind)');
      else if (!item.apiVersion.startsWith('kustomize.config.k8s.io/')) out.push({ object: item, phase: phaseOf(item), source: at });
    });
  }
  return out;
}

/** Refuses an object that appears twice on one side, naming both places. */
function checkUnique(objects: readonly SourcedObject[], issues: IssueCollector): void {
  const seen = new Map<string, SourcedObject>();
  for (const o of objects) {
    const key = refKey(objectRef(o.object));
    const first = seen.get(key);
    if (first) issues.add(o.source, undefined, `${describeRef(objectRef(o.object))} is also in ${first.source}: an object may appear once`);
    else seen.set(key, o);
  }
}

/** A single render (file contents or stdin): phases detected from the objects' labels. */
export function readRender(text: string, label: string): DiffSide {
  const issues = new IssueCollector();
  const objects = documentsOf(text, label, detectPhase, issues);
  checkUnique(objects, issues);
  issues.throwIfAny(`${label}: cannot be compared`);
  return { label, phases: orderDetectedPhases(objects.map((o) => o.phase)), objects };
}

function fsFailure(path: string, e: unknown): MeshformError {
  return new MeshformError(describeFsError(e) ?? `${path}: ${(e as Error).message}`);
}

/** The YAML files under `dir`, relative, in code-unit order; symbolic links are not followed. */
function yamlFiles(dir: string, root: string, depth: number, found: string[]): void {
  if (depth > MAX_DEPTH) throw new MeshformError(`${dir}: directories nested more than ${MAX_DEPTH} deep: not a render or GitOps tree`);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw fsFailure(dir, e);
  }
  for (const entry of entries.sort((a, b) => byCodeUnit(a.name, b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yamlFiles(full, root, depth + 1, found);
    else if (entry.isFile() && YAML_FILE.test(entry.name) && !KUSTOMIZATION.test(entry.name)) found.push(relative(root, full));
    if (found.length > MAX_FILES) throw new MeshformError(`${root}: more than ${MAX_FILES} YAML files: not a render or GitOps tree`);
  }
}

function hasKustomization(dir: string): boolean {
  try {
    return readdirSync(dir).some((name) => KUSTOMIZATION.test(name));
  } catch {
    return false;
  }
}

/** The phase of a file under a directory root (see the module comment). */
function filePhase(root: string, file: string): string {
  const segments = file.split(sep);
  for (let depth = segments.length - 1; depth >= 1; depth--) {
    const dir = segments.slice(0, depth);
    if (hasKustomization(join(root, ...dir))) return phaseName(dir[dir.length - 1]);
  }
  if (segments.length === 1 && hasKustomization(root)) return phaseName(basename(root));
  return phaseName(segments[0]);
}

function readFile(path: string): string {
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) throw new MeshformError(`${path}: ${size} bytes, more than the ${MAX_FILE_BYTES} a render may have`);
    return readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof MeshformError) throw e;
    throw fsFailure(path, e);
  }
}

/** A directory of phase files or a GitOps tree (see the module comment). */
export function readDirectory(dir: string, label: string): DiffSide {
  const files: string[] = [];
  yamlFiles(dir, dir, 0, files);
  if (!files.length) throw new MeshformError(`${label}: no .yaml files in the directory`);
  const issues = new IssueCollector();
  const objects = files.flatMap((file) => {
    const phase = filePhase(dir, file);
    return documentsOf(readFile(join(dir, file)), join(label, file), () => phase, issues);
  });
  checkUnique(objects, issues);
  issues.throwIfAny(`${label}: cannot be compared`);
  return { label, phases: [...new Set(files.map((f) => filePhase(dir, f)))], objects };
}

/** A path the user named: a directory, or a file holding one render. */
export function readDiffPath(path: string, label: string = path): DiffSide {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (e) {
    throw fsFailure(path, e);
  }
  return isDirectory ? readDirectory(path, label) : readRender(readFile(path), label);
}
