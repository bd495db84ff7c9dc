// Canonical quantities as apimachinery's resource.Quantity prints them (its quantity_test.go table).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalQuantity } from '../../lib/pod/quantity.js';
import { reencodePodSpecLikeGo } from '../../lib/proxy/go-omitempty.js';

const CASES: ReadonlyArray<readonly [string | number, string]> = [
  ['0', '0'],
  ['0.0', '0'],
  ['0Mi', '0'],
  ['0.5', '500m'],
  [0.5, '500m'],
  ['.5', '500m'],
  ['5.', '5'],
  ['1', '1'],
  ['100m', '100m'],
  ['1000m', '1'],
  ['1500m', '1500m'],
  ['1000', '1k'],
  ['1500', '1500'],
  ['1.5k', '1500'],
  ['2000000', '2M'],
  ['1e3', '1e3'],
  ['1E3', '1e3'],
  ['1000e0', '1e3'],
  ['15e-1', '1500e-3'],
  ['1n', '1n'],
  ['0.1n', '1n'], // nano precision, rounded up
  ['-0.1n', '-1n'],
  ['64Mi', '64Mi'],
  ['1024Mi', '1Gi'],
  ['1536Mi', '1536Mi'],
  ['0.5Gi', '512Mi'],
  ['1.5Ki', '1536'],
  ['512Ki', '512Ki'],
  ['1023', '1023'],
  ['100Ki', '100Ki'],
  ['0.5Ki', '512'], // under 1024: decimal SI
  ['1.1Ki', '1126400m'], // not whole: decimal SI
  ['-1024Mi', '-1Gi'],
  ['+1', '1'],
];

for (const [input, expected] of CASES) {
  test(`canonical quantity ${JSON.stringify(input)} → ${expected}`, () => {
    assert.equal(canonicalQuantity(input), expected);
  });
}

test('what is not a quantity is left as written', () => {
  for (const text of ['', 'abc', '1Xi', '1e999', '1..2', 'm']) assert.equal(canonicalQuantity(text), text);
});

test('a pod spec is re-encoded as Go prints it: zero omitempty fields and nulls gone, quantities canonical', () => {
  const spec = reencodePodSpecLikeGo({
    hostNetwork: false,
    dnsPolicy: '' as 'None',
    nodeSelector: null as unknown as undefined,
    containers: [
      {
        name: 'app',
        image: 'app:1',
        tty: false,
        ports: [{ containerPort: 80, hostPort: 0, name: '' }],
        env: [{ name: 'A', value: '' }],
        resources: { requests: { cpu: '0.5', memory: '1024Mi' }, limits: {} },
        livenessProbe: { initialDelaySeconds: 0, periodSeconds: 5, httpGet: { port: 80 } },
      },
      { name: 'empty', resources: {} },
    ],
    volumes: [{ name: 'scratch', emptyDir: { sizeLimit: '2048Mi' } }],
    overhead: { cpu: '0.25' },
  });
  assert.deepEqual(spec, {
    containers: [
      {
        name: 'app',
        image: 'app:1',
        ports: [{ containerPort: 80 }],
        env: [{ name: 'A' }],
        resources: { requests: { cpu: '500m', memory: '1Gi' } },
        livenessProbe: { periodSeconds: 5, httpGet: { port: 80 } },
      },
      { name: 'empty' },
    ],
    volumes: [{ name: 'scratch', emptyDir: { sizeLimit: '2Gi' } }],
    overhead: { cpu: '250m' },
  });
});

test('true booleans and set fields survive the re-encoding', () => {
  const spec = reencodePodSpecLikeGo({ hostNetwork: true, restartPolicy: 'Always', containers: [{ name: 'a', stdin: true }] });
  assert.deepEqual(spec, { hostNetwork: true, restartPolicy: 'Always', containers: [{ name: 'a', stdin: true }] });
});
