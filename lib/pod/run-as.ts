/**
 * `runAsUser` / `runAsGroup` of a security context from a chart's UID/GID values: a negative id
 * (upstream's `-1`, "not set") leaves the field out, so the image's own user applies; Kubernetes
 * refuses negative ids.
 */
export interface RunAsIds {
  readonly runAsUser?: number;
  readonly runAsGroup?: number;
}

export function runAsIds(uid: number, gid: number): RunAsIds {
  return { ...(uid >= 0 && { runAsUser: uid }), ...(gid >= 0 && { runAsGroup: gid }) };
}
