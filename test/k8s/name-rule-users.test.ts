// The validators of identity, GitOps, values, PKO, mesh references, Grafana and the CLI use lib/k8s's
// name rules (apimachinery's messages); they and the Link and Gateway API CRD schemas spell no name regex of their own.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { App, Chart } from 'cdk8s';
import { LinkerdGrafanaDashboards } from '../../constructs/grafana/linkerd-grafana-dashboards.js';
import { IssueCollector, MeshformError, type ValidationIssue } from '../../lib/errors.js';
import { checkRolloutRestartOptions } from '../../lib/gitops/rollout-restart.js';
import { validateCertManagerIdentity } from '../../lib/identity/cert-manager-options.js';
import { dns1123LabelErrors, dns1123SubdomainErrors } from '../../lib/k8s/name-rules.js';
import { resolveMeshReference } from '../../lib/mesh-reference/resolve.js';
import { MESH_REFERENCE_API_VERSION, MESH_REFERENCE_KIND } from '../../lib/mesh-reference/types.js';
import { resolvePulumiOperator } from '../../lib/pko/props.js';
import { resolveMeshValues } from '../../lib/values/mesh/resolve.js';
import { resolveMulticlusterValues } from '../../lib/values/multicluster/resolve.js';
import { resolveVizValues } from '../../lib/values/viz/resolve.js';
import { runCli } from '../helpers/run-cli.js';
import { REPO_ROOT } from '../helpers/source-files.js';

const LABEL = (value: string) => dns1123LabelErrors(value)[0];
const SUBDOMAIN = (value: string) => dns1123SubdomainErrors(value)[0];
const LONG_LABEL_DOMAIN = `${'a'.repeat(64)}.local`;
const DOMAIN_LABELS = 'each label must be no more than 63 characters';

/** path → message of what `fn` refuses. */
function refused(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof MeshformError, String(error));
    return Object.fromEntries(error.issues.map((i) => [i.path, i.message]));
  }
  assert.fail('expected a MeshformError');
}

const messages = (issues: readonly ValidationIssue[]): Record<string, string> => Object.fromEntries(issues.map((i) => [i.path, i.message]));

test('cert-manager options: namespaces, generations and the trust domain', () => {
  const found = messages(validateCertManagerIdentity({ namespace: 'Bad_NS', trustAnchors: ['a'.repeat(43)] }, { vizNamespace: 'Viz', trustDomain: LONG_LABEL_DOMAIN }));
  assert.deepEqual(found, {
    'identity.certManager.namespace': LABEL('Bad_NS'),
    'identity.certManager.trustAnchors[0]': 'must be no more than 42 characters (so that linkerd-trust-anchor-<generation> is a valid name)',
    'viz.namespace': LABEL('Viz'),
    identityTrustDomain: DOMAIN_LABELS,
  });
});

test('the rollout-restart Job: namespaces leave room for restart-<namespace>', () => {
  const issues = new IssueCollector();
  checkRolloutRestartOptions(issues, { namespaces: ['a'.repeat(55), 'b'.repeat(56), 'Apps'], namespace: 'Ops' });
  assert.deepEqual(messages(issues.issues), {
    'rolloutRestart.namespaces[1]': 'must be no more than 55 characters (restart-<namespace> names a container)',
    'rolloutRestart.namespaces[2]': `${LABEL('Apps')} (restart-<namespace> names a container)`,
    'rolloutRestart.namespace': LABEL('Ops'),
  });
});

test('values: domains, namespaces, the viz creds Secret and multicluster names', () => {
  const mesh = refused(() => resolveMeshValues({ user: { identity: { externalCA: true, issuer: { scheme: 'kubernetes.io/tls' } }, clusterDomain: LONG_LABEL_DOMAIN, identityTrustDomain: 'Bad' } }));
  assert.equal(mesh.clusterDomain, DOMAIN_LABELS);
  assert.equal(mesh.identityTrustDomain, SUBDOMAIN('Bad'));
  const viz = refused(() => resolveVizValues({ user: { linkerdNamespace: 'Linkerd', clusterDomain: 'a..b', prometheusCredsSecret: 'creds_' } }));
  assert.equal(viz.linkerdNamespace, LABEL('Linkerd'));
  assert.equal(viz.clusterDomain, SUBDOMAIN('a..b'));
  assert.equal(viz.prometheusCredsSecret, SUBDOMAIN('creds_'));
  const mc = refused(() =>
    resolveMulticlusterValues({
      user: { gateway: { name: 'GW' }, linkerdNamespace: 'L', identityTrustDomain: 'a..b', remoteMirrorServiceAccountName: 'a'.repeat(248), controllers: [{ link: { ref: { name: 'e'.repeat(53) } } }] },
    }),
  );
  assert.deepEqual(mc, {
    'gateway.name': LABEL('GW'),
    linkerdNamespace: LABEL('L'),
    identityTrustDomain: SUBDOMAIN('a..b'),
    remoteMirrorServiceAccountName: 'must be no more than 247 characters',
    'controllers[0].link.ref.name': 'must be no more than 52 characters',
  });
  // A ServiceAccount name is a subdomain: dots are fine, and `<name>-token` stays a valid Secret name.
  assert.equal(resolveMulticlusterValues({ user: { remoteMirrorServiceAccountName: 'mirror.east' } }).remoteMirrorServiceAccountName, 'mirror.east');
});

test('PKO props, a mesh reference and Grafana dashboards', () => {
  const pko = refused(() => resolvePulumiOperator({ projectRepo: 'https://github.com/org/repo.git', namespace: 'Ops', name: 'n'.repeat(41), secretName: 'Creds!' }));
  assert.deepEqual(pko, {
    'pulumiOperator.namespace': LABEL('Ops'),
    'pulumiOperator.name': 'must be no more than 40 characters (other objects add suffixes)',
    'pulumiOperator.secretName': SUBDOMAIN('Creds!'),
  });
  const ref = refused(() =>
    resolveMeshReference({ apiVersion: MESH_REFERENCE_API_VERSION, kind: MESH_REFERENCE_KIND, controlPlaneNamespace: 'Linkerd', clusterDomain: LONG_LABEL_DOMAIN, trustDomain: 'x..y' }),
  );
  assert.deepEqual(ref, { controlPlaneNamespace: LABEL('Linkerd'), clusterDomain: DOMAIN_LABELS, trustDomain: SUBDOMAIN('x..y') });
  const grafana = refused(() => new LinkerdGrafanaDashboards(new Chart(new App(), 'g'), 'linkerd', { instanceSelector: { dashboards: 'grafana' }, namespace: 'Grafana' }));
  // Grafana's ServiceAccount defaults to the same namespace.
  assert.deepEqual(grafana, { namespace: LABEL('Grafana'), 'grafanaServiceAccount.namespace': LABEL('Grafana') });
});

test('the CLI\'s --namespace: apimachinery\'s message, exit 1', async () => {
  const r = await runCli(['install', '--namespace', 'Bad_NS']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, `meshform: invalid --namespace\n  - --namespace = "Bad_NS": ${LABEL('Bad_NS')}\n`);
});

// The files above once spelled these rules themselves; the regexes now live in lib/k8s and lib/crds/schema/patterns.
const CLEANED = [
  'lib/identity/cert-manager-options.ts',
  'lib/gitops/rollout-restart.ts',
  'lib/values/mesh/validate.ts',
  'lib/values/viz/validate.ts',
  'lib/values/multicluster/validate.ts',
  'lib/pko/props.ts',
  'lib/mesh-reference/resolve.ts',
  'constructs/grafana/linkerd-grafana-dashboards.ts',
  'constructs/multicluster/link-crd-schema.ts',
  'stacks/render/label-query.ts',
  'lib/policy/label-selector.ts',
  'cli/value-flags.ts',
  'lib/crds/gateway-api/fields.ts',
  'lib/crds/gateway-api/route-status.ts',
];
const NAME_REGEX = /\[a-z0?-?9?\]\(\[-a-z0-9\]|\[A-Za-z0-9\]\(?\[-A-Za-z0-9_.\]|\[a-zA-Z\]\(\[-a-zA-Z0-9\]/;

test('the cleaned validators spell no name regex of their own', () => {
  const forms = ['[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?', '[a-z]([-a-z0-9]*[a-z0-9])?', '([A-Za-z0-9][-A-Za-z0-9_.]*)?', '[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}', '^[a-zA-Z]([-a-zA-Z0-9]*'];
  assert.deepEqual(forms.filter((form) => !NAME_REGEX.test(form)), [], 'the scan sees every form');
  const copies = CLEANED.filter((file) => NAME_REGEX.test(readFileSync(join(REPO_ROOT, file), 'utf8')));
  assert.deepEqual(copies, []);
});
