import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { podAffinity } from '../../lib/pod/affinity.js';
import { imagePullSecrets, podScheduling } from '../../lib/pod/scheduling.js';
import { restrictedPodSecurityContext, restrictedSecurityContext } from '../../lib/pod/security-context.js';
import { find, render } from '../viz/render-helpers.js';

describe('linkerd.affinity', () => {
  it('anti-affinity: required distinct hosts, preferred distinct zones, on the given label', () => {
    const a = podAffinity({ antiAffinity: true, labelKey: 'component', labelValue: 'tap' })!;
    const selector = { matchExpressions: [{ key: 'component', operator: 'In', values: ['tap'] }] };
    assert.deepEqual(a.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution, [{ labelSelector: selector, topologyKey: 'kubernetes.io/hostname' }]);
    assert.deepEqual(a.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution, [
      { podAffinityTerm: { labelSelector: selector, topologyKey: 'topology.kubernetes.io/zone' }, weight: 100 },
    ]);
    assert.equal(a.nodeAffinity, undefined);
    // Two selectors, not one shared object (the YAML writer would turn a shared one into an alias).
    assert.notEqual(a.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.[0].labelSelector, a.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.[0].podAffinityTerm.labelSelector);
  });

  it('nodeAffinity is copied when non-empty; an empty map or nothing renders no affinity (Helm `if`)', () => {
    const node = { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } };
    const a = podAffinity({ antiAffinity: false, labelKey: 'app', labelValue: 'x', nodeAffinity: node })!;
    assert.deepEqual(a, { nodeAffinity: node });
    assert.notEqual(a.nodeAffinity, node);
    assert.equal(podAffinity({ antiAffinity: false, labelKey: 'app', labelValue: 'x', nodeAffinity: {} }), undefined);
    assert.equal(podAffinity({ antiAffinity: false, labelKey: 'app', labelValue: 'x', nodeAffinity: null }), undefined);
  });

  it('viz: nodeAffinity {} renders no affinity, like the control plane and multicluster', () => {
    const objects = render({ nodeAffinity: {} });
    assert.equal(find(objects, 'Deployment', 'tap').spec.template.spec.affinity, undefined);
  });
});

describe('security contexts', () => {
  it('restricted container; a negative UID/GID is left unset', () => {
    assert.deepEqual(restrictedSecurityContext(2103, -1), {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: 2103,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    assert.deepEqual(restrictedPodSecurityContext({ fsGroup: 65534 }), { fsGroup: 65534, seccompProfile: { type: 'RuntimeDefault' } });
    assert.notEqual(restrictedPodSecurityContext(), restrictedPodSecurityContext());
  });
});

describe('scheduling and pull secrets', () => {
  it('only set fields render; empty list, map, string and multicluster\'s `tolerations: {}` are unset', () => {
    assert.deepEqual(podScheduling({ tolerations: {}, nodeSelector: {}, priorityClassName: '', runtimeClassName: null }), {});
    const tolerations = [{ key: 'k', operator: 'Exists' }];
    const s = podScheduling({ tolerations, nodeSelector: { disk: 'ssd' }, priorityClassName: 'high', runtimeClassName: 'gvisor' });
    assert.deepEqual(s, { tolerations, nodeSelector: { disk: 'ssd' }, priorityClassName: 'high', runtimeClassName: 'gvisor' });
    assert.notEqual(s.tolerations, tolerations);
  });

  it('imagePullSecrets only when configured', () => {
    assert.deepEqual(imagePullSecrets([]), {});
    assert.deepEqual(imagePullSecrets(undefined), {});
    assert.deepEqual(imagePullSecrets([{ name: 'regcred' }]), { imagePullSecrets: [{ name: 'regcred' }] });
  });
});
