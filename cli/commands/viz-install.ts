/**
 * `meshform viz install [--ha] [-f VALUES]... [--set K=V]... [--namespace NS] [--cert-manager]`: the viz
 * extension as YAML. `--cert-manager` has cert-manager issue tap's and tap-injector's serving
 * certificates (signed by the webhook CA `meshform install --cert-manager` creates), with no key in the output.
 */
import { vizPhase, type PreparedViz } from '../../lib/assembly/extensions.js';
import { MeshformError, type ValidationIssue } from '../../lib/errors.js';
import { VIZ_WEBHOOKS } from '../../lib/identity/webhook-certs.js';
import { getPath } from '../../lib/values/tree.js';
import { VizChart } from '../../constructs/viz/viz-chart.js';
import { fillFromIdentityStore, IDENTITY_STORE_OPTION, reportableIssues } from '../identity-store-flags.js';
import type { Command } from '../io.js';
import { outputFormat, printChart, RENDER_OPTIONS } from '../render.js';
import { parseValueFlags } from '../value-flags.js';

export const vizInstall: Command = async (args, io) => {
  const flags = parseValueFlags(args, io, {
    'cert-manager': { type: 'boolean', description: "cert-manager issues tap's and tap-injector's certificates: no key in the output" },
    ...IDENTITY_STORE_OPTION,
    ...RENDER_OPTIONS,
  });
  const format = outputFormat(flags.options);
  const phase = vizPhase({ user: flags.user, ha: flags.ha, namespace: flags.namespace, certManager: flags.options['cert-manager'] === true, ...flags.unknownValues });
  const linkerdNamespace = getPath(flags.user, 'linkerdNamespace');
  // tap's and tap-injector's certificates the user did not give come from the local identity store.
  const store = await fillFromIdentityStore(
    {
      options: flags.options,
      user: phase.supplied,
      controlPlane: false,
      webhooks: VIZ_WEBHOOKS,
      namespace: typeof linkerdNamespace === 'string' && linkerdNamespace ? linkerdNamespace : 'linkerd',
      vizNamespace: phase.namespace,
      precheck: () => problems(() => phase.prepare()),
    },
    io,
  );
  let prepared: PreparedViz;
  try {
    prepared = phase.prepare(store.user);
  } catch (e) {
    if (!(e instanceof MeshformError) || !store.unfilled) throw e;
    throw new MeshformError('invalid viz values', reportableIssues(e.issues, store));
  }
  return printChart(io, (app) => new VizChart(app, 'viz', prepared), format);
};

/** The issues `run` refuses with; none when it succeeds. */
function problems(run: () => unknown): readonly ValidationIssue[] {
  try {
    run();
    return [];
  } catch (e) {
    if (e instanceof MeshformError) return e.issues;
    throw e;
  }
}
