/**
 * `linkerd profile --proto`: one route per RPC of every service in a .proto file, as upstream's
 * `pkg/profiles/proto.go` makes them (TRAFFIC.md §7.4): in declaration order, named after the bare
 * RPC (`VotePoop`), matching `POST` and `QuoteMeta("/<package>.<Service>/<Method>")`; retryable when
 * the RPC's `idempotency_level` option (with or without parentheses) is IDEMPOTENT or NO_SIDE_EFFECTS.
 * Parsed with protobufjs (imports are recorded, not loaded).
 */
import protobuf from 'protobufjs';
import { MeshformError } from '../errors.js';
import { generatedServiceProfile } from './build.js';
import { quoteMeta } from './path-regex.js';
import type { ProfileRoute, ProfileTarget, ServiceProfileObject } from './types.js';

const RETRYABLE_LEVELS = ['IDEMPOTENT', 'NO_SIDE_EFFECTS'];

function isRetryable(options: Readonly<Record<string, unknown>> | undefined): boolean {
  return Object.entries(options ?? {}).some(([name, value]) => name.replace(/^\(+|\)+$/g, '') === 'idempotency_level' && RETRYABLE_LEVELS.includes(String(value)));
}

/** Every service below `ns`, depth first in declaration order. */
function services(ns: protobuf.NamespaceBase): protobuf.Service[] {
  return ns.nestedArray.flatMap((child) => [
    ...(child instanceof protobuf.Service ? [child] : []),
    ...(child instanceof protobuf.Namespace || child instanceof protobuf.Type ? services(child) : []),
  ]);
}

/** The routes of a .proto file's text. */
export function protoRoutes(text: string, source: string): ProfileRoute[] {
  let parsed: protobuf.IParserResult;
  try {
    parsed = protobuf.parse(text, { keepCase: true });
  } catch (e) {
    throw new MeshformError(`${source}: not a valid .proto file: ${(e as Error).message}`);
  }
  return services(parsed.root).flatMap((service) => {
    // fullName is `.<package>.<Service>`; without a package, `.<Service>`.
    const qualified = service.fullName.replace(/^\./, '');
    return service.methodsArray.map((method) => ({
      name: method.name,
      condition: { method: 'POST', pathRegex: quoteMeta(`/${qualified}/${method.name}`) },
      ...(isRetryable(method.options) ? { isRetryable: true } : {}),
    }));
  });
}

/** `linkerd profile --proto`: the profile for `target` from the .proto `text` read from `source`. */
export function profileFromProto(text: string, source: string, target: ProfileTarget): ServiceProfileObject {
  return generatedServiceProfile({ ...target, routes: protoRoutes(text, source) }, 'ServiceProfile');
}
