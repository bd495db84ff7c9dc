/** `meshform multicluster install [--ha] [-f VALUES]... [--set K=V]... [--namespace NS]`: the multicluster extension as YAML. */
import { MulticlusterChart } from '../../constructs/multicluster/multicluster-chart.js';
import { prepareMulticluster } from '../../lib/assembly/extensions.js';
import type { Command } from '../io.js';
import { outputFormat, printChart, RENDER_OPTIONS } from '../render.js';
import { parseValueFlags } from '../value-flags.js';

export const multiclusterInstall: Command = async (args, io) => {
  const flags = parseValueFlags(args, io, RENDER_OPTIONS);
  const format = outputFormat(flags.options);
  const prepared = prepareMulticluster({ user: flags.user, ha: flags.ha, namespace: flags.namespace, ...flags.unknownValues });
  return printChart(io, (app) => new MulticlusterChart(app, 'linkerd-multicluster', prepared), format);
};
