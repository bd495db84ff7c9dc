/**
 * Multi-document YAML streams of Kubernetes objects, as `kubectl` reads them: documents in order,
 * empty documents dropped, a `kind: List` transformed item by item and written back as a List.
 */
import { IssueCollector } from '../errors.js';
import { toYaml } from '../manifest.js';
import { parseYamlStream } from '../yaml-input.js';
import { manifestShapeIssues } from './manifest-shape.js';
import { isRecord, type ManifestObject } from './workload.js';

/** One document of the stream: an object, or a List of objects. */
export type ManifestDocument = ManifestObject;

/**
 * Parses a stream; documents that are not YAML maps, or whose fields have the wrong shape, are one
 * error listing each by position and field path.
 */
export function parseManifestStream(text: string, source = 'input'): ManifestDocument[] {
  const out: ManifestDocument[] = [];
  const issues = new IssueCollector();
  for (const { index, value } of parseYamlStream(text, source)) {
    if (value === null || value === undefined) continue;
    if (!isRecord(value)) {
      issues.add(`document ${index}`, undefined, 'is not a Kubernetes object (a YAML map)');
      continue;
    }
    issues.addAll(manifestShapeIssues(value, index));
    out.push(value);
  }
  issues.throwIfAny(`${source}: documents of the wrong shape`);
  return out;
}

export function isList(doc: ManifestDocument): boolean {
  return doc.kind === 'List' && Array.isArray(doc.items);
}

/** Applies `fn` to every object, descending into Lists; the stream's shape and order are kept. */
export function mapObjects(docs: readonly ManifestDocument[], fn: (obj: ManifestObject) => ManifestObject): ManifestDocument[] {
  return docs.map((doc) => {
    if (!isList(doc)) return fn(doc);
    const items = (doc.items as unknown[]).map((item) => (isRecord(item) ? fn(item) : item));
    return { ...doc, items };
  });
}

/** The stream back as YAML, each document followed by `---` as upstream's CLI writes it. */
export function serializeManifestStream(docs: readonly ManifestDocument[]): string {
  return docs.map((d) => `${toYaml(d)}---\n`).join('');
}
