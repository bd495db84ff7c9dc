/**
 * `inject` over a manifest (upstream `cli/cmd/inject.go` `resourceTransformerInject`): each object is
 * uninjected first, then a Namespace gets the inject annotation, a Service only the opaque-ports
 * override, and a meshable pod template either the annotations (the webhook injects at admission) or,
 * with `manual`, the full sidecar. Refusals are collected for every object so one run reports all.
 */
import type { MeshValues } from '../values/mesh/types.js';
import type { ProxyOwnerKind } from '../proxy/index.js';
import { decideInjection } from './decide.js';
import { formatGoDuration } from '../values/go-duration.js';
import {
  ANNOTATIONS,
  CONTROL_PLANE_COMPONENT_LABEL,
  CREATED_BY_ANNOTATION,
  INJECT_ANNOTATION,
  INJECT_ENABLED,
} from './keys.js';
import { mapObjects, type ManifestDocument } from './manifest-stream.js';
import { overrideAnnotations } from './overrides.js';
import { INJECT_REASONS, REFUSAL_ORDER, type InjectReason, type InjectWarningCode } from './reasons.js';
import { injectSidecar } from './sidecar.js';
import { uninjectObject } from './uninject.js';
import { displayName, kindOf, metaOf, podMetaOf, podSpecOf, podTemplateOf, type ManifestObject } from './workload.js';

export interface InjectOptions {
  /** Per-workload values: the mesh's values with the command's flags and `--set` applied. */
  readonly values: MeshValues;
  /** The installed mesh's values; what differs from them becomes `config.linkerd.io/*` annotations. */
  readonly meshValues: MeshValues;
  /** Write the full sidecar instead of annotations. @default false */
  readonly manual?: boolean;
  /** Namespace of the control plane. @default 'linkerd' */
  readonly controlPlaneNamespace?: string;
  /** Add the `linkerd-debug` sidecar (through its annotation). @default false */
  readonly enableDebugSidecar?: boolean;
  /** conntrack close-wait timeout in nanoseconds (annotated in Go's duration form). @default - none */
  readonly closeWaitTimeoutNs?: number;
}

export type ReportStatus = 'injected' | 'annotated' | 'skipped';

/** What happened to one object. */
export interface ResourceReport {
  /** Lower-case kind, as upstream prints it (`deployment`). */
  readonly kind: string;
  readonly name: string;
  readonly status: ReportStatus;
  /** Why it was skipped or refused. */
  readonly reasons: readonly InjectReason[];
  readonly warnings: readonly InjectWarningCode[];
  /** Set when the whole run must fail: upstream's `failed to inject <kind>/<name>: ...`. */
  readonly refusal?: string;
}

export interface InjectManifestResult {
  readonly documents: readonly ManifestDocument[];
  readonly reports: readonly ResourceReport[];
  /** Refusal messages; non-empty means nothing may be printed and the command exits 1. */
  readonly refusals: readonly string[];
}

/** Annotations the CLI adds to every meshed pod, before the webhook or the manual patch reads them. */
function addedPodAnnotations(options: InjectOptions, overrides: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  if (options.enableDebugSidecar) out[ANNOTATIONS.enableDebugSidecar] = 'true';
  if (options.closeWaitTimeoutNs) out[ANNOTATIONS.closeWaitTimeout] = formatGoDuration(options.closeWaitTimeoutNs);
  if (options.manual) out[CREATED_BY_ANNOTATION] = options.values.cliVersion || 'linkerd/cli';
  // The webhook meshes the pod whatever its namespace says.
  else out[INJECT_ANNOTATION] = INJECT_ENABLED;
  return { ...out, ...overrides };
}

function report(obj: ManifestObject, status: ReportStatus, extra: Partial<ResourceReport> = {}): ResourceReport {
  return { kind: kindOf(obj).toLowerCase(), name: displayName(obj), status, reasons: [], warnings: [], ...extra };
}

/** Injects one object (uninjecting it first); returns the new object and its report. */
export function injectObject(input: ManifestObject, options: InjectOptions): { object: ManifestObject; report: ResourceReport } {
  const { object } = uninjectObject(input);
  const kind = kindOf(object);
  const overrides = overrideAnnotations(options.values, options.meshValues);

  if (kind === 'Namespace') {
    const meta = metaOf(object);
    meta.annotations = { ...(meta.annotations ?? {}), [INJECT_ANNOTATION]: INJECT_ENABLED, ...overrides };
    return { object, report: report(object, 'injected') };
  }
  if (kind === 'Service') {
    const opaque = overrides[ANNOTATIONS.opaquePorts];
    if (opaque === undefined) return { object, report: report(object, 'skipped', { reasons: [INJECT_REASONS.unsupported_resource] }) };
    const meta = metaOf(object);
    meta.annotations = { ...(meta.annotations ?? {}), [ANNOTATIONS.opaquePorts]: opaque };
    return { object, report: report(object, 'annotated') };
  }
  const ref = podTemplateOf(object);
  if (!ref) return { object: input, report: report(input, 'skipped', { reasons: [INJECT_REASONS.unsupported_resource] }) };

  const meta = podMetaOf(ref);
  const spec = podSpecOf(ref);
  const kindLabel = kind.toLowerCase();
  if (meta.labels?.[CONTROL_PLANE_COMPONENT_LABEL] !== undefined && !options.manual) {
    const refusal = '--manual must be set when injecting control plane components';
    return { object, report: report(object, 'skipped', { refusal }) };
  }
  const decision = decideInjection(meta, spec, { serviceAccountTokenProjection: options.values.identity.serviceAccountTokenProjection });
  if (decision.reasons.length) {
    const refusing = REFUSAL_ORDER.map((c) => INJECT_REASONS[c]).filter((r) => decision.reasons.includes(r));
    const refusal = refusing.length
      ? `failed to inject ${kindLabel}/${displayName(object)}: ${refusing.map((r) => r.message).join(', ')}`
      : undefined;
    return { object, report: report(object, 'skipped', { reasons: decision.reasons, warnings: decision.warnings, refusal }) };
  }

  const added = addedPodAnnotations(options, overrides);
  if (options.manual) {
    const owner = metaOf(object);
    injectSidecar(ref, {
      values: options.values,
      controlPlaneNamespace: options.controlPlaneNamespace ?? 'linkerd',
      addedAnnotations: added,
      ownerKind: kind === 'Pod' ? undefined : (kindLabel as ProxyOwnerKind),
      ownerName: owner.name,
      workloadNamespace: owner.namespace ?? '',
    });
  } else {
    meta.annotations = { ...(meta.annotations ?? {}), ...added };
  }
  return { object, report: report(object, 'injected', { warnings: decision.warnings }) };
}

/** Injects every object of a parsed stream. */
export function injectManifest(docs: readonly ManifestDocument[], options: InjectOptions): InjectManifestResult {
  const reports: ResourceReport[] = [];
  const documents = mapObjects(docs, (obj) => {
    const { object, report } = injectObject(obj, options);
    reports.push(report);
    return object;
  });
  const refusals = reports.flatMap((r) => (r.refusal ? [r.refusal] : []));
  return { documents, reports, refusals };
}
