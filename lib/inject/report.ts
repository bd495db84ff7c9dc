/**
 * The per-resource summary `inject` / `uninject` print on stderr (after the YAML on stdout), in
 * upstream's shape: warnings first, then one line per resource.
 */
import { INJECT_ANNOTATION, INJECT_DISABLED } from './keys.js';
import type { ResourceReport } from './inject.js';
import type { UninjectReport } from './uninject.js';

const WARN = '‼';

const resName = (r: { kind: string; name: string }) => `${r.kind}/${r.name}`;

function resourceLine(r: ResourceReport): string {
  if (!r.kind) return 'document missing "kind" field, skipped';
  if (r.status !== 'skipped') return `${r.kind} "${r.name}" ${r.status}`;
  const why = r.reasons.map((x) => x.message).join(', ');
  return `${r.kind} "${r.name}" skipped${why ? `: ${why}` : ''}`;
}

export function formatInjectReport(reports: readonly ResourceReport[]): string {
  const lines: string[] = [];
  const named = (pred: (r: ResourceReport) => boolean) => reports.filter(pred).map(resName).join(', ');
  const hostNetwork = named((r) => r.reasons.some((x) => x.code === 'host_network_enabled'));
  const sidecar = named((r) => r.reasons.some((x) => x.code === 'sidecar_already_exists'));
  const disabled = named((r) => r.reasons.some((x) => x.code === 'injection_disable_annotation_present'));
  const udp = reports.filter((r) => r.warnings.includes('udp_ports_enabled')).map(resName);
  if (hostNetwork) lines.push(`${WARN} "hostNetwork: true" detected in ${hostNetwork}`);
  if (sidecar) lines.push(`${WARN} known 3rd party sidecar detected in ${sidecar}`);
  if (disabled) lines.push(`${WARN} "${INJECT_ANNOTATION}: ${INJECT_DISABLED}" annotation set on ${disabled}`);
  if (!reports.some((r) => r.status !== 'skipped')) lines.push(`${WARN} no supported objects found`);
  if (udp.length) lines.push(`${WARN} ${udp.join(', ')} ${udp.length > 1 ? 'use' : 'uses'} "protocol: UDP"`);
  const summary = reports.map(resourceLine);
  return `\n${lines.length ? `${lines.join('\n')}\n\n` : ''}${summary.join('\n')}\n\n`;
}

export function formatUninjectReport(reports: readonly UninjectReport[]): string {
  const lines = reports.map((r) => (r.kind ? `${r.kind} "${r.name}" ${r.status}` : 'document missing "kind" field, skipped'));
  return `\n${lines.join('\n')}\n\n`;
}

/** Upstream's refusal text: every failing resource, one per line. */
export function formatRefusals(refusals: readonly string[]): string {
  return `Error transforming resources:\n${refusals.join('\n')}\n`;
}
