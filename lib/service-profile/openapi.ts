/**
 * `linkerd profile --open-api`: routes from a Swagger 2.0 / OpenAPI document, as upstream's
 * `pkg/profiles/openapi.go` makes them (TRAFFIC.md §7.3): paths in byte order, each joined to
 * `basePath`; per path the operations DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT; route
 * `"<METHOD> <path>"` matching `PathToRegex(path)` and the method; `x-linkerd-retryable` and
 * `x-linkerd-timeout` from the operation; one response class per numeric response code (ascending,
 * failure when ≥ 500). Where upstream silently ignores a wrongly typed extension, this refuses it.
 */
import { IssueCollector, joinPath } from '../errors.js';
import { parseYamlDocument } from '../yaml-input.js';
import { generatedServiceProfile } from './build.js';
import { goDurationProblem } from './profile-duration.js';
import { pathToRegex } from './path-regex.js';
import type { ProfileRoute, ProfileTarget, ResponseClass, ServiceProfileObject } from './types.js';

const METHODS = ['delete', 'get', 'head', 'options', 'patch', 'post', 'put'] as const;
const RETRYABLE = 'x-linkerd-retryable';
const TIMEOUT = 'x-linkerd-timeout';

type Fields = Record<string, unknown>;
const isMap = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Go's sort.Strings: byte order of the UTF-8 encoding. */
const byteOrder = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Upstream's join: `TrimRight(basePath, "/") + "/" + TrimLeft(relPath, "/")`. */
function joinBase(basePath: string, relPath: string): string {
  return `${basePath.replace(/\/+$/, '')}/${relPath.replace(/^\/+/, '')}`;
}

function responseClasses(issues: IssueCollector, at: string, responses: unknown): ResponseClass[] | undefined {
  if (responses === undefined || responses === null) return undefined;
  if (!isMap(responses)) {
    issues.add(at, responses, 'must be a map of status codes to responses');
    return undefined;
  }
  const codes = new Set<number>();
  for (const [key, response] of Object.entries(responses)) {
    // go-openapi keeps the keys strconv.Atoi reads; `default`, extensions and `2XX` ranges carry no code.
    if (key === 'default' || key.toLowerCase().startsWith('x-') || !/^[+-]?\d+$/.test(key)) continue;
    const code = Number(key);
    if (response !== null && !isMap(response)) issues.add(joinPath(at, key), response, 'must be a response object');
    else if (!Number.isInteger(code) || code < 100 || code > 599) issues.add(joinPath(at, key), key, 'must be an HTTP status code from 100 to 599');
    else codes.add(code);
  }
  return [...codes].sort((a, b) => a - b).map((code) => ({ condition: { status: { min: code, max: code } }, isFailure: code >= 500 }));
}

function operationRoute(issues: IssueCollector, at: string, method: string, path: string, operation: Fields): ProfileRoute {
  const retryable = operation[RETRYABLE];
  if (retryable !== undefined && typeof retryable !== 'boolean') {
    issues.add(joinPath(at, RETRYABLE), retryable, 'must be a boolean: true or false, unquoted (YAML 1.1 words such as yes or on are strings here)');
  }
  const timeout = operation[TIMEOUT];
  if (timeout !== undefined && timeout !== '') issues.check(joinPath(at, TIMEOUT), timeout, goDurationProblem(timeout));
  const classes = responseClasses(issues, joinPath(at, 'responses'), operation.responses);
  const upper = method.toUpperCase();
  return {
    name: `${upper} ${path}`,
    condition: { pathRegex: pathToRegex(path), method: upper },
    ...(classes?.length ? { responseClasses: classes } : {}),
    ...(retryable === true ? { isRetryable: true } : {}),
    ...(typeof timeout === 'string' && timeout !== '' ? { timeout } : {}),
  };
}

/** The routes of an OpenAPI/Swagger document already parsed to data; problems go to `issues`. */
export function openApiRoutes(doc: unknown, issues: IssueCollector): ProfileRoute[] {
  if (!isMap(doc)) {
    issues.add('', doc, 'must be a Swagger/OpenAPI document (a map with paths)');
    return [];
  }
  const basePath = doc.basePath ?? '';
  if (typeof basePath !== 'string') issues.add('basePath', basePath, 'must be a string such as /api');
  const paths = doc.paths ?? {};
  if (!isMap(paths)) {
    issues.add('paths', paths, 'must be a map of paths to path items');
    return [];
  }
  const routes: ProfileRoute[] = [];
  // go-openapi keeps only the keys that start with "/" as paths.
  for (const relPath of Object.keys(paths).filter((p) => p.startsWith('/')).sort(byteOrder)) {
    const at = joinPath('paths', relPath);
    const item = paths[relPath];
    if (item === null) continue;
    if (!isMap(item)) {
      issues.add(at, item, 'must be a path item (a map of operations)');
      continue;
    }
    const full = joinBase(typeof basePath === 'string' ? basePath : '', relPath);
    for (const method of METHODS) {
      const operation = item[method];
      if (operation === undefined || operation === null) continue;
      if (!isMap(operation)) issues.add(joinPath(at, method), operation, 'must be an operation (a map)');
      else routes.push(operationRoute(issues, joinPath(at, method), method, full, operation));
    }
  }
  return routes;
}

/** `linkerd profile --open-api`: the profile for `target` from the document `text` read from `source`. */
export function profileFromOpenApi(text: string, source: string, target: ProfileTarget): ServiceProfileObject {
  const doc = parseYamlDocument(text, source);
  const issues = new IssueCollector();
  const routes = openApiRoutes(doc, issues);
  issues.throwIfAny(`${source}: cannot generate a ServiceProfile`);
  return generatedServiceProfile({ ...target, routes }, 'ServiceProfile');
}
