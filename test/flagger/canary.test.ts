/** FlaggerCanary: the Canary and MetricTemplates validate against Flagger's CRDs; props are checked with construct paths. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { App, Chart } from 'cdk8s';
import { FlaggerCanary, type FlaggerCanaryConstructProps } from '../../constructs/flagger/index.js';
import { MeshformError } from '../../lib/errors.js';
import { parseAllDocuments } from 'yaml';
import { CustomResourceValidator } from '../helpers/custom-resources.js';

const CRD_FILE = new URL('../../../shared/crds/flagger/crd.yaml', import.meta.url).pathname;
const skip = existsSync(CRD_FILE) ? false : `Flagger CRDs not found at ${CRD_FILE} (../shared/crds/flagger)`;

const WEB: FlaggerCanaryConstructProps = { deployment: 'web', namespace: 'emojivoto', port: 80, targetPort: 8080, successRate: { minPercent: 99 }, latency: { maxMs: 500 } };

type Rendered = { apiVersion: string; kind: string; [key: string]: any };

function render(props: FlaggerCanaryConstructProps): Rendered[] {
  const chart = new Chart(new App(), 'delivery');
  new FlaggerCanary(chart, 'web-canary', props);
  return chart.toJson();
}

describe('FlaggerCanary objects', () => {
  it('validate against ../shared/crds/flagger/crd.yaml', { skip }, () => {
    // Upstream's file has multi-line quoted descriptions the strict reader refuses; its data is intact.
    const crds = parseAllDocuments(readFileSync(CRD_FILE, 'utf8')).map((d) => d.toJS() as unknown);
    assert.deepEqual(crds.map((c) => (c as { spec: { names: { kind: string } } }).spec.names.kind), ['Canary', 'MetricTemplate', 'AlertProvider']);
    const validator = new CustomResourceValidator(crds);
    const objects = [
      ...render(WEB),
      ...render({ ...WEB, name: 'web-b', serviceName: 'web-svc', analysis: { interval: '30s', threshold: 3, maxWeight: 100, stepWeight: 20 }, progressDeadlineSeconds: 120, latency: { maxMs: 250, percentile: 0.95, interval: '1m30s' } }),
    ];
    assert.equal(objects.length, 6);
    for (const o of objects) assert.equal(validator.validate(o), undefined, `${o.kind} ${o.metadata.name}`);
    // The validator does see mistakes: an unknown provider and a misspelt field.
    const canary = objects[2];
    assert.notEqual(validator.validate({ ...canary, spec: { ...canary.spec, provider: 'gatewayapi:v2' } } as Rendered), undefined);
    assert.notEqual(validator.validate({ ...canary, spec: { ...canary.spec, analysis: { ...canary.spec.analysis, stepWieght: 5 } } } as Rendered), undefined);
  });

  it('renders the Gateway API provider with the apex Service as a GAMMA parent and the thresholds given', () => {
    const [successRate, latency, canary] = render(WEB);
    assert.deepEqual(canary, {
      apiVersion: 'flagger.app/v1beta1',
      kind: 'Canary',
      metadata: { name: 'web', namespace: 'emojivoto' },
      spec: {
        provider: 'gatewayapi:v1',
        targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        service: { port: 80, targetPort: 8080, gatewayRefs: [{ namespace: 'emojivoto', name: 'web', group: 'core', kind: 'Service', port: 80 }] },
        analysis: {
          interval: '1m',
          threshold: 5,
          maxWeight: 50,
          stepWeight: 10,
          metrics: [
            { name: 'success-rate', templateRef: { name: 'web-success-rate', namespace: 'emojivoto' }, thresholdRange: { min: 99 }, interval: '1m' },
            { name: 'latency', templateRef: { name: 'web-latency', namespace: 'emojivoto' }, thresholdRange: { max: 500 }, interval: '1m' },
          ],
        },
      },
    });
    assert.equal(successRate.kind, 'MetricTemplate');
    assert.deepEqual(successRate.spec.provider, { type: 'prometheus', address: 'http://prometheus.linkerd-viz:9090' });
    assert.match(successRate.spec.query, /classification!="failure",\s*direction="inbound"/);
    assert.match(latency.spec.query, /histogram_quantile\(\s*0\.99,[\s\S]*response_latency_ms_bucket/);
  });

  it('is deterministic', () => {
    assert.equal(JSON.stringify(render(WEB)), JSON.stringify(render(WEB)));
  });
});

describe('FlaggerCanary props', () => {
  it('collects every bad prop, each under the construct path', () => {
    assert.throws(
      () => render({ ...WEB, successRate: { minPercent: 101 }, latency: { maxMs: 0 }, analysis: { interval: '1h' as never, maxWeight: 30, stepWeight: 40 } }),
      (e: unknown) => {
        assert.ok(e instanceof MeshformError);
        assert.deepEqual(
          e.issues.map((i) => [i.path, i.value]),
          [
            ['delivery/web-canary.analysis.interval', '1h'],
            ['delivery/web-canary.analysis.stepWeight', 40],
            ['delivery/web-canary.successRate.minPercent', 101],
            ['delivery/web-canary.latency.maxMs', 0],
          ],
        );
        return true;
      },
    );
  });

  it('refuses a fractional duration, a weight above 100 and a bad Prometheus address', () => {
    assert.throws(
      () => render({ ...WEB, analysis: { interval: '1.5m' as never, maxWeight: 150 }, prometheusAddress: 'prometheus:9090' }),
      (e: unknown) => e instanceof MeshformError && e.issues.map((i) => i.path.split('.').slice(1).join('.')).join() === 'analysis.interval,analysis.maxWeight,prometheusAddress',
    );
  });
});
