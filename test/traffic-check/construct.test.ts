/** checkTraffic / enableTrafficChecks over a cdk8s tree: construct paths in the messages, run at synth. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiObject, App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { MeshformError } from '../../lib/errors.js';
import { checkTraffic, enableTrafficChecks, trafficIssuesOf } from '../../constructs/traffic-check.js';
import { appObjects } from './fixtures.js';

/** The fixture as constructs: the HTTPRoute wrapped in a construct like a typed L2 would. */
function build(mutate: (o: Record<string, any>[]) => void = () => {}): { app: App; chart: Chart } {
  const app = new App();
  const chart = new Chart(app, 'traffic');
  const objects = appObjects() as Record<string, any>[];
  mutate(objects);
  for (const o of objects) {
    if (o.kind === 'HTTPRoute') new ApiObject(new Construct(chart, 'web-route'), 'Resource', o as never);
    else new ApiObject(chart, `${o.kind}-${o.metadata.name}`, o as never);
  }
  return { app, chart };
}

const breakWeight = (o: Record<string, any>[]) => (o.find((x) => x.kind === 'HTTPRoute')!.spec.rules[1].backendRefs[1].weight = -1);

describe('checkTraffic', () => {
  it('passes on the fixture', () => {
    assert.doesNotThrow(() => checkTraffic(build().app));
  });

  it('names the construct path (the wrapper, not its Resource) and the field', () => {
    const issues = trafficIssuesOf(build(breakWeight).app);
    assert.deepEqual(issues.map((i) => i.path), ['traffic/web-route.spec.rules[1].backendRefs[1].weight']);
    assert.throws(() => checkTraffic(build(breakWeight).chart), (e: unknown) => e instanceof MeshformError && e.issues.length === 1);
  });

  it('names a plain ApiObject by its own path', () => {
    const issues = trafficIssuesOf(build((o) => (o.find((x) => x.kind === 'Server' && x.metadata.name === 'web-http')!.spec.port = 'admin')).app);
    assert.deepEqual(issues.map((i) => i.path), ['traffic/Server-web-http.spec.port']);
  });
});

describe('enableTrafficChecks', () => {
  it('throws the MeshformError at synth, and nothing when the app is fine', () => {
    const bad = build(breakWeight);
    enableTrafficChecks(bad.chart);
    assert.throws(() => bad.chart.toJson(), (e: unknown) => e instanceof MeshformError && /weight = -1/.test(e.message) && e.message.includes('traffic/web-route'));
    const good = build();
    enableTrafficChecks(good.app);
    assert.ok(good.chart.toJson().length > 10);
  });
});
