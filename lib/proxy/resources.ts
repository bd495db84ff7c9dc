/**
 * The quantity arithmetic the injector uses to derive proxy worker counts from CPU annotations. The
 * `resources` partial itself lives in lib/pod/resources.ts.
 */

/**
 * A CPU quantity (`500m`, `1.5`, `2`) in cores, or undefined when it does not parse. The injector
 * derives `runtime.workers.minimum`/`maximum` from CPU requests/limits with this.
 */
export function cpuQuantityToCores(quantity: string | number): number | undefined {
  const text = String(quantity).trim();
  const m = /^([0-9]+(?:\.[0-9]+)?)(m?)$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === 'm' ? n / 1000 : n;
}

/** Worker threads for a CPU quantity: whole cores, rounded up, at least one. */
export function workersForCpu(quantity: string | number): number | undefined {
  const cores = cpuQuantityToCores(quantity);
  return cores === undefined ? undefined : Math.max(1, Math.ceil(cores));
}
