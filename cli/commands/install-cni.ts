/** `meshform install-cni [-f VALUES]... [--set K=V]... [--namespace NS]`: the CNI plugin as YAML. */
import { CniChart } from '../../constructs/cni/cni-chart.js';
import { resolveCniValues } from '../../lib/values/cni/resolve.js';
import { UsageError, type Command } from '../io.js';
import { printChart } from '../render.js';
import { parseValueFlags } from '../value-flags.js';

export const installCni: Command = async (args, io) => {
  const flags = parseValueFlags(args, io);
  if (flags.options.help) {
    io.stdout('usage: meshform install-cni [-f VALUES]... [--set K=V]... [--namespace NS]\n');
    return 0;
  }
  if (flags.ha) throw new UsageError('install-cni has no --ha flag');
  const values = resolveCniValues({ user: flags.user });
  return printChart(io, (app) => new CniChart(app, 'linkerd-cni', { values, namespace: flags.namespace }));
};
