/** Upstream's namespace of each install phase (`linkerd install`, `install-cni`, `viz install`, `multicluster install`). */
export const DEFAULT_NAMESPACES = {
  controlPlane: 'linkerd',
  cni: 'linkerd-cni',
  viz: 'linkerd-viz',
  multicluster: 'linkerd-multicluster',
} as const;
