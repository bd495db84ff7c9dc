// lib/assembly: the one preparation of every install phase — cross-phase inputs, overlays, and every
// check collected before any chart exists. Framework-free: no cdk8s here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MeshformError } from '../../lib/errors.js';
import { controlPlanePhase, prepareControlPlane, prepareCrds } from '../../lib/assembly/control-plane.js';
import { prepareCni, prepareMulticluster, prepareViz, vizPhase } from '../../lib/assembly/extensions.js';
import { IDENTITY_MODES } from '../../lib/assembly/identity-mode.js';
import { prepareMesh } from '../../lib/assembly/mesh.js';
import { controlPlaneRenderIssues } from '../../lib/assembly/render-checks.js';
import type { ValueTree } from '../../lib/values/tree.js';
import { externalWebhook, HELM_STYLE_VALUES } from '../helpers/helm-style-values.js';

const external = externalWebhook;
const BASE = HELM_STYLE_VALUES;
const VIZ: ValueTree = { tap: external('tap-ca'), tapInjector: external('tap-injector-ca') };
const paths = (run: () => unknown): string[] => {
  try {
    run();
  } catch (e) {
    if (e instanceof MeshformError) return e.issues.map((i) => i.path);
    throw e;
  }
  assert.fail('expected a MeshformError');
};

describe('prepareMesh', () => {
  it('hands the extensions what the control plane decided, under their own values', () => {
    const mesh = prepareMesh({
      namespace: 'l5d',
      mesh: { cniEnabled: true, values: { ...BASE, identityTrustDomain: 'td.example', proxy: { ports: { inbound: 4243, outbound: 4242 } } } },
      viz: { values: { ...VIZ, linkerdVersion: 'pinned' } },
      multicluster: {},
    });
    assert.equal(mesh.controlPlane.namespace, 'l5d');
    assert.equal(mesh.controlPlane.trustDomain, 'td.example');
    // CNI is installed because the control plane runs with it, and redirects to its proxy ports.
    assert.equal(mesh.cni?.values.inboundProxyPort, 4243);
    assert.equal(mesh.cni?.values.outboundProxyPort, 4242);
    assert.equal(mesh.cni?.namespace, 'linkerd-cni');
    assert.equal(mesh.viz?.values.linkerdNamespace, 'l5d');
    assert.equal(mesh.viz?.values.cniEnabled, true);
    assert.equal(mesh.viz?.values.linkerdVersion, 'pinned', "the user's viz values win");
    assert.equal(mesh.viz?.namespace, 'linkerd-viz');
    assert.equal(mesh.multicluster?.values.identityTrustDomain, 'td.example');
    assert.equal(mesh.multicluster?.values.proxyOutboundPort, 4242);
    assert.equal(mesh.multicluster?.values.linkerdNamespace, 'l5d');
  });

  it('prepares only the enabled phases; extensions inherit the mesh HA unless they say otherwise', () => {
    const bare = prepareMesh({ mesh: { values: BASE } });
    assert.deepEqual([bare.cni, bare.viz, bare.multicluster], [undefined, undefined, undefined]);
    const ha = prepareMesh({ mesh: { ha: true, values: BASE }, viz: { values: VIZ }, multicluster: { ha: false }, cni: { enabled: false } });
    assert.equal(ha.cni, undefined);
    assert.equal(ha.viz?.values.enablePodAntiAffinity, true);
    assert.equal(ha.multicluster?.values.enablePodAntiAffinity, false);
  });

  it('cert-manager mode: options refused first, then the resolved mode reaches viz with the trust domain', () => {
    assert.throws(() => prepareMesh({ mesh: { values: BASE }, identity: { certManager: { namespace: 'Bad NS' } } }), /invalid cert-manager identity options/);
    const mesh = prepareMesh({ mesh: { values: { identityTrustDomain: 'td.example' } }, viz: { namespace: 'v' }, identity: { certManager: {} } });
    assert.equal(mesh.controlPlane.certManager?.trustDomain, 'td.example');
    assert.equal(mesh.controlPlane.certManager?.vizNamespace, 'v');
    assert.equal(mesh.viz?.certManager, mesh.controlPlane.certManager);
    assert.equal(mesh.controlPlane.values.identity.issuer.scheme, 'kubernetes.io/tls', 'the overlay is applied');
  });

  it('collects the warnings of every phase (kept unknown keys)', () => {
    const mesh = prepareMesh({ mesh: { values: { ...BASE, bogus: 1 } }, viz: { values: { ...VIZ, alsoBogus: 2 } }, allowUnknownValues: true });
    assert.equal(mesh.warnings.length, 2);
    assert.match(mesh.warnings.join('\n'), /bogus[\s\S]*alsoBogus/);
  });
});

describe('control-plane checks: found before rendering, all at once', () => {
  it('what the chart used to throw on is reported by path, together', () => {
    const user: ValueTree = {
      ...BASE,
      proxyInjector: { externalSecret: false },
      podMonitor: { enabled: true, controller: { namespaceSelector: '{{ .Values.x }}' } },
    };
    const found = paths(() => prepareControlPlane({ user, namespace: 'default' }));
    assert.deepEqual(found, ['proxyInjector.crtPEM', '--namespace', 'podMonitor.controller.namespaceSelector']);
  });

  it("CLI checks add the external issuer's anchors rule", () => {
    const user: ValueTree = { ...BASE, identityTrustAnchorsPEM: '', identity: { issuer: { scheme: 'kubernetes.io/tls' } } };
    const assessed = controlPlanePhase({ user, cliChecks: true }).assess();
    const external = (issues: readonly { path: string; message: string }[]) => issues.some((i) => i.path === 'identityTrustAnchorsPEM' && /external issuer/.test(i.message));
    assert.ok(external(assessed.issues));
    assert.equal(assessed.prepared, undefined, 'nothing to render');
    // Without the CLI checks (Helm, Mesh) an external issuer's anchors are not required offline.
    assert.equal(external(controlPlanePhase({ user }).issues()), false);
    assert.ok(external(controlPlanePhase({ user, cliChecks: true }).issues()));
  });

  it('layers: a previous install under the identity values, the cert-manager overlay, then the user', () => {
    const phase = controlPlanePhase({
      base: { controllerLogLevel: 'debug', clusterDomain: 'old.example' },
      identity: { identityTrustAnchorsPEM: 'from-flags' },
      user: { clusterDomain: 'new.example', identity: { issuer: { scheme: 'linkerd.io/tls' } } },
      certManager: {},
    });
    assert.equal(phase.supplied.controllerLogLevel, 'debug');
    assert.equal(phase.supplied.clusterDomain, 'new.example');
    assert.equal(phase.supplied.identityTrustAnchorsPEM, 'from-flags');
    assert.equal((phase.supplied.identity as ValueTree & { issuer: ValueTree }).issuer.scheme, 'linkerd.io/tls', "the user's values win over the overlay");
  });

  it('a render check passes for values that can be rendered', () => {
    const prepared = prepareControlPlane({ user: BASE });
    assert.deepEqual(controlPlaneRenderIssues(prepared.values, prepared.namespace), []);
  });
});

describe('extension phases on their own (the CLI verbs)', () => {
  it("read the control plane's facts from the user's values only", () => {
    assert.equal(prepareCni({ user: { inboundProxyPort: 1 } }).values.inboundProxyPort, 1);
    assert.equal(prepareMulticluster({ user: {}, namespace: 'mc' }).namespace, 'mc');
    const viz = vizPhase({ user: { ...VIZ, linkerdNamespace: 'l5d' }, certManager: true });
    assert.equal(viz.prepare().certManager?.controlPlaneNamespace, 'l5d');
    assert.equal(prepareViz({ user: VIZ }).certManager, undefined);
  });

  it('the CRDs need no identity', () => {
    const crds = prepareCrds({ user: { installGatewayAPI: true } });
    assert.equal(crds.values.installGatewayAPI, true);
    assert.equal(crds.namespace, 'linkerd');
  });
});

it('one name per identity mode', () => {
  assert.deepEqual([...IDENTITY_MODES], ['generated', 'provided', 'cert-manager', 'external-issuer']);
});
