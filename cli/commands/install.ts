/**
 * `meshform install [--crds] [--ha] [-f VALUES]... [--set K=V]... [--namespace NS]`: the CRDs
 * (`--crds`) or the control plane, as upstream's `linkerd install --ignore-cluster` renders them.
 */
import { meshValueWarnings } from '../../lib/values/mesh/validate-identity.js';
import { resolveMeshValues } from '../../lib/values/mesh/resolve.js';
import type { Command } from '../io.js';
import { printChart } from '../render.js';
import { parseValueFlags } from '../value-flags.js';

export const install: Command = async (args, io) => {
  const flags = parseValueFlags(args, io, { crds: { type: 'boolean' } });
  const namespace = flags.namespace ?? 'linkerd';
  if (flags.options.crds === true) {
    // The CRD chart reads only its own keys; the control plane's required identity does not apply.
    const values = resolveMeshValues({ user: flags.user, ha: flags.ha, crdsOnly: true });
    const { CrdsChart } = await import('../../constructs/crds/crds-chart.js');
    return printChart(io, (app) => new CrdsChart(app, 'crds', { values, controlPlaneNamespace: namespace }));
  }
  const values = resolveMeshValues({ user: flags.user, ha: flags.ha });
  for (const warning of meshValueWarnings(values)) io.stderr(`meshform: warning: ${warning}\n`);
  const { ControlPlaneChart } = await import('../../constructs/control-plane/control-plane-chart.js');
  return printChart(io, (app) => new ControlPlaneChart(app, 'control-plane', { values, namespace }));
};
