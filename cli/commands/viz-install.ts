/**
 * `meshform viz install [--ha] [-f VALUES]... [--set K=V]... [--namespace NS] [--cert-manager]`: the viz
 * extension as YAML. `--cert-manager` has cert-manager issue tap's and tap-injector's serving
 * certificates (signed by the webhook CA `meshform install --cert-manager` creates), with no key in the output.
 */
import { certManagerVizValues } from '../../lib/identity/cert-manager.js';
import { resolveCertManagerIdentity } from '../../lib/identity/cert-manager-options.js';
import { getPath, mergeUserValues } from '../../lib/values/tree.js';
import { resolveVizValues } from '../../lib/values/viz/resolve.js';
import { DEFAULT_VIZ_NAMESPACE, VizChart } from '../../constructs/viz/viz-chart.js';
import type { Command } from '../io.js';
import { printChart } from '../render.js';
import { parseValueFlags } from '../value-flags.js';

export const vizInstall: Command = async (args, io) => {
  const flags = parseValueFlags(args, io, { 'cert-manager': { type: 'boolean' } });
  if (flags.options.help) {
    io.stdout('usage: meshform viz install [--ha] [-f VALUES]... [--set K=V]... [--set-string K=V]... [--namespace NS] [--cert-manager]\n');
    return 0;
  }
  const namespace = flags.namespace ?? DEFAULT_VIZ_NAMESPACE;
  const linkerdNamespace = getPath(flags.user, 'linkerdNamespace');
  const certManager =
    flags.options['cert-manager'] === true
      ? resolveCertManagerIdentity({}, { vizNamespace: namespace, controlPlaneNamespace: typeof linkerdNamespace === 'string' && linkerdNamespace ? linkerdNamespace : undefined })
      : undefined;
  // The cert-manager overlay sits under the user's values, which still win.
  const values = resolveVizValues({ user: mergeUserValues([certManager ? certManagerVizValues(certManager) : {}, flags.user]), ha: flags.ha });
  return printChart(io, (app) => new VizChart(app, 'viz', { values, namespace, certManager }));
};
