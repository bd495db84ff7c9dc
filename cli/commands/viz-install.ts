/**
 * `meshform viz install [--ha] [-f VALUES]... [--set K=V]... [--namespace NS] [--cert-manager]`: the viz
 * extension as YAML. `--cert-manager` has cert-manager issue tap's and tap-injector's serving
 * certificates (signed by the webhook CA `meshform install --cert-manager` creates), with no key in the output.
 */
import { certManagerVizValues } from '../../lib/identity/cert-manager.js';
import { resolveCertManagerIdentity } from '../../lib/identity/cert-manager-options.js';
import { MeshformError, type ValidationIssue } from '../../lib/errors.js';
import { VIZ_WEBHOOKS } from '../../lib/identity/webhook-certs.js';
import { getPath, mergeUserValues, type ValueTree } from '../../lib/values/tree.js';
import { resolveVizValues } from '../../lib/values/viz/resolve.js';
import { DEFAULT_VIZ_NAMESPACE, VizChart } from '../../constructs/viz/viz-chart.js';
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
  const namespace = flags.namespace ?? DEFAULT_VIZ_NAMESPACE;
  const linkerdNamespace = getPath(flags.user, 'linkerdNamespace');
  const certManager =
    flags.options['cert-manager'] === true
      ? resolveCertManagerIdentity({}, { vizNamespace: namespace, controlPlaneNamespace: typeof linkerdNamespace === 'string' && linkerdNamespace ? linkerdNamespace : undefined })
      : undefined;
  // The cert-manager overlay sits under the user's values, which still win.
  const supplied = mergeUserValues([certManager ? certManagerVizValues(certManager) : {}, flags.user]);
  const resolve = (user: ValueTree) => resolveVizValues({ user, ha: flags.ha, ...flags.unknownValues });
  // tap's and tap-injector's certificates the user did not give come from the local identity store.
  const store = await fillFromIdentityStore(
    {
      options: flags.options,
      user: supplied,
      controlPlane: false,
      webhooks: VIZ_WEBHOOKS,
      namespace: typeof linkerdNamespace === 'string' && linkerdNamespace ? linkerdNamespace : 'linkerd',
      vizNamespace: namespace,
      precheck: () => problems(() => resolve(supplied)),
    },
    io,
  );
  let values;
  try {
    values = resolve(store.user);
  } catch (e) {
    if (!(e instanceof MeshformError) || !store.unfilled) throw e;
    throw new MeshformError('invalid viz values', reportableIssues(e.issues, store));
  }
  return printChart(io, (app) => new VizChart(app, 'viz', { values, namespace, certManager }), format);
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
