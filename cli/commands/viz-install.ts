/** `meshform viz install [--ha] [-f VALUES]... [--set K=V]... [--namespace NS]`: the viz extension as YAML. */
import { resolveVizValues } from '../../lib/values/viz/resolve.js';
import { DEFAULT_VIZ_NAMESPACE, VizChart } from '../../constructs/viz/viz-chart.js';
import type { Command } from '../io.js';
import { printChart } from '../render.js';
import { parseValueFlags } from '../value-flags.js';

export const vizInstall: Command = async (args, io) => {
  const flags = parseValueFlags(args, io);
  if (flags.options.help) {
    io.stdout('usage: meshform viz install [--ha] [-f VALUES]... [--set K=V]... [--set-string K=V]... [--namespace NS]\n');
    return 0;
  }
  const values = resolveVizValues({ user: flags.user, ha: flags.ha });
  return printChart(io, (app) => new VizChart(app, 'viz', { values, namespace: flags.namespace ?? DEFAULT_VIZ_NAMESPACE }));
};
