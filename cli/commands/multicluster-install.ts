/** `meshform multicluster install [--ha] [-f VALUES]... [--set K=V]... [--namespace NS]`: the multicluster extension as YAML. */
import { MulticlusterChart } from '../../constructs/multicluster/multicluster-chart.js';
import { resolveMulticlusterValues } from '../../lib/values/multicluster/resolve.js';
import type { Command } from '../io.js';
import { printChart } from '../render.js';
import { parseValueFlags } from '../value-flags.js';

export const multiclusterInstall: Command = async (args, io) => {
  const flags = parseValueFlags(args, io);
  if (flags.options.help) {
    io.stdout('usage: meshform multicluster install [--ha] [-f VALUES]... [--set K=V]... [--namespace NS]\n');
    return 0;
  }
  const values = resolveMulticlusterValues({ user: flags.user, ha: flags.ha });
  return printChart(io, (app) => new MulticlusterChart(app, 'linkerd-multicluster', { values, namespace: flags.namespace }));
};
