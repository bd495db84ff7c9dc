/** `meshform install-cni [-f VALUES]... [--set K=V]... [--namespace NS]`: the CNI plugin as YAML. */
import { CniChart } from '../../constructs/cni/cni-chart.js';
import { prepareCni } from '../../lib/assembly/extensions.js';
import { UsageError, type Command } from '../io.js';
import { OUTPUT_OPTION, outputFormat, printChart } from '../render.js';
import { parseValueFlags } from '../value-flags.js';

export const installCni: Command = async (args, io) => {
  // --ha is accepted only to be refused with a reason: the CNI chart has no HA overlay.
  const flags = parseValueFlags(args, io, { ...OUTPUT_OPTION, ha: { type: 'boolean', hidden: true, description: 'not for install-cni' } });
  if (flags.ha) throw new UsageError('install-cni has no --ha flag');
  const format = outputFormat(flags.options);
  const prepared = prepareCni({ user: flags.user, namespace: flags.namespace, ...flags.unknownValues });
  return printChart(io, (app) => new CniChart(app, 'linkerd-cni', prepared), format);
};
