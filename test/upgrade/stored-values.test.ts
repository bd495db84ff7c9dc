/** The overrides recovered from a `linkerd-config` values dump: what differs from the defaults' dump. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configValuesDump } from '../../lib/values/mesh/config-dump.js';
import { meshDefaults } from '../../lib/values/mesh/defaults.js';
import { storedOverrides } from '../../lib/values/mesh/stored-values.js';
import type { MeshValues } from '../../lib/values/mesh/types.js';
import { mergeValues, type ValueTree } from '../../lib/values/tree.js';
import { LINKERD_VERSION } from '../../lib/versions.js';

const dumpOf = (user: ValueTree): ValueTree =>
  configValuesDump(mergeValues(meshDefaults(), { linkerdVersion: LINKERD_VERSION, cliVersion: `linkerd/cli ${LINKERD_VERSION}`, ...user }) as MeshValues);

describe('storedOverrides', () => {
  it('finds nothing in the dump of the defaults: the CLI stamp and the release version go', () => {
    assert.deepEqual(storedOverrides(dumpOf({})), {});
  });

  it('keeps what the user set, lists whole, and pins that are no release name', () => {
    const dump = dumpOf({
      proxy: { logLevel: 'debug' } as ValueTree,
      clusterNetworks: '10.0.0.0/8',
      podLabels: { team: 'mesh' },
      imagePullSecrets: [{ name: 'regcred' }],
      linkerdVersion: 'my-build',
      cliVersion: '',
    });
    assert.deepEqual(storedOverrides(dump), {
      proxy: { logLevel: 'debug' },
      clusterNetworks: '10.0.0.0/8',
      podLabels: { team: 'mesh' },
      imagePullSecrets: [{ name: 'regcred' }],
      linkerdVersion: 'my-build',
      cliVersion: '',
    });
  });

  it('drops an older release\'s versions so the upgrade renders this one', () => {
    const overrides = storedOverrides(dumpOf({ linkerdVersion: 'edge-25.1.1', cliVersion: 'linkerd/cli edge-25.1.1' }));
    assert.deepEqual(overrides, {});
  });

  it('refuses keys that would reach a prototype, naming the path', () => {
    const dump = JSON.parse('{"proxy": {"__proto__": {"polluted": true}}}') as ValueTree;
    assert.throws(() => storedOverrides(dump), /proxy\.__proto__/);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});
