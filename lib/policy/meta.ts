/**
 * Object metadata of the policy kinds (all namespaced) and the path convention of their issues: a
 * builder is handed `at` (for constructs, the construct path, e.g. `App/web-server`) and names each
 * field below it (`App/web-server.port`).
 */
import { IssueCollector, joinPath } from '../errors.js';
import { labelName, objectName } from './checks.js';

/** Name, namespace and extra metadata of one policy object. */
export interface PolicyObjectMeta {
  /** The object's name (an RFC 1123 subdomain). */
  readonly name: string;
  /** The namespace the object lives in; policy objects are namespaced. */
  readonly namespace: string;
  /** Extra labels. @default - none */
  readonly labels?: Readonly<Record<string, string>>;
  /** Extra annotations. @default - none */
  readonly annotations?: Readonly<Record<string, string>>;
}

/** The rendered `metadata` block. */
export interface RenderedMeta {
  readonly name: string;
  readonly namespace: string;
  /** @default - none */
  readonly labels?: Record<string, string>;
  /** @default - none */
  readonly annotations?: Record<string, string>;
  readonly [key: string]: unknown;
}

/** Collects problems with `meta.name` and `meta.namespace`. */
export function checkMeta(meta: Partial<PolicyObjectMeta>, at: string, issues: IssueCollector): void {
  issues.check(joinPath(at, 'name'), meta.name, objectName(meta.name));
  const namespace = meta.namespace;
  if (namespace === undefined || namespace === '') {
    issues.add(joinPath(at, 'namespace'), namespace, 'is required: policy objects are namespaced (set it on the object or on its Chart)');
  } else {
    issues.check(joinPath(at, 'namespace'), namespace, labelName(namespace));
  }
}

export function renderMeta(meta: PolicyObjectMeta): RenderedMeta {
  return {
    name: meta.name,
    namespace: meta.namespace,
    ...(meta.labels && Object.keys(meta.labels).length ? { labels: { ...meta.labels } } : {}),
    ...(meta.annotations && Object.keys(meta.annotations).length ? { annotations: { ...meta.annotations } } : {}),
  };
}

/** Runs `build` with a fresh collector and throws a MeshformError (`invalid <kind> <at>`) if it found anything. */
export function buildOrThrow<T>(kind: string, at: string, build: (issues: IssueCollector) => T): T {
  const issues = new IssueCollector();
  const built = build(issues);
  issues.throwIfAny(`invalid ${kind} ${at}`);
  return built;
}

/** The path of an object built outside a construct: `<namespace>/<name>`. */
export const objectPath = (meta: Partial<PolicyObjectMeta>): string => `${meta.namespace ?? ''}/${meta.name ?? ''}`;
