/**
 * Port lists as the injector reads them: comma-separated ports and `a-b` ranges, named container
 * ports resolved for opaque ports (upstream `util.ParseContainerOpaquePorts`), and the pod's inbound
 * ports the proxy is told about (`getPodInboundPorts`).
 */
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IProbe } from 'kubernetes-models/v1/Probe';

export interface PortRange {
  readonly lower: number;
  readonly upper: number;
}

/** `80` or `5000-6000` within 0..65535, or undefined. */
export function parsePortRange(text: string): PortRange | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const lower = Number(m[1]);
  const upper = m[2] === undefined ? lower : Number(m[2]);
  if (lower > 65535 || upper > 65535 || lower > upper) return undefined;
  return { lower, upper };
}

export function formatPortRange(r: PortRange): string {
  return r.lower === r.upper ? String(r.lower) : `${r.lower}-${r.upper}`;
}

/** Splits a comma-separated list, trimming blanks and dropping empty items. */
export function splitList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * Opaque ports with container port names replaced by their numbers; names that match no port and
 * malformed items are dropped, as upstream does (with a warning there).
 */
export function resolveOpaquePorts(text: string, named: ReadonlyMap<string, number>): string {
  const out: string[] = [];
  for (const item of splitList(text)) {
    const port = named.get(item);
    if (port !== undefined) {
      out.push(String(port));
      continue;
    }
    const range = parsePortRange(item);
    if (range) out.push(formatPortRange(range));
  }
  return out.join(',');
}

function probePort(probe: IProbe | undefined): number | undefined {
  const port = probe?.httpGet?.port;
  return typeof port === 'number' ? port : undefined;
}

/**
 * The app containers' ports and numeric HTTP probe ports, deduplicated. Upstream sorts them as
 * strings (`10,8080,9`), and so do we: the proxy only reads the set.
 */
export function podInboundPorts(spec: IPodSpec): string {
  const ports = new Set<number>();
  for (const c of spec.containers ?? []) {
    for (const p of c.ports ?? []) ports.add(p.containerPort);
    for (const probe of [c.readinessProbe, c.livenessProbe]) {
      const port = probePort(probe);
      if (port !== undefined) ports.add(port);
    }
  }
  return [...ports].map(String).sort().join(',');
}
