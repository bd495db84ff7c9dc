// Kubernetes' name rules are written once, in lib/k8s/name-rules.ts, with apimachinery's own messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, sourceFiles } from '../helpers/source-files.js';
import { IssueCollector } from '../../lib/errors.js';
import {
  dns1035LabelErrors,
  dns1035LabelProblem,
  dns1123LabelErrors,
  dns1123LabelProblem,
  dns1123SubdomainErrors,
  dns1123SubdomainProblem,
} from '../../lib/k8s/name-rules.js';
import { checkServiceName } from '../../lib/traffic/refs.js';

test("apimachinery's messages, examples and regexes, double space included", () => {
  assert.deepEqual(dns1035LabelErrors('Web'), [
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
  ]);
  assert.deepEqual(dns1123LabelErrors('a.b'), [
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
  ]);
  assert.deepEqual(dns1123SubdomainErrors('-x.com'), [
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  ]);
});

test('the rules: DNS-1035 starts with a letter, DNS-1123 labels allow a digit first, subdomains dots; lengths 63 and 253', () => {
  assert.deepEqual(dns1035LabelErrors('web-svc'), []);
  assert.equal(dns1035LabelErrors('1web').length, 1);
  assert.deepEqual(dns1123LabelErrors('1web'), []);
  assert.deepEqual(dns1123SubdomainErrors('api.github.com'), []);
  assert.deepEqual(dns1123LabelErrors('a'.repeat(64)), ['must be no more than 63 characters']);
  assert.deepEqual(dns1123SubdomainErrors('a'.repeat(253)), []);
  assert.deepEqual(dns1123SubdomainErrors('a'.repeat(254)), ['must be no more than 253 characters']);
});

test('problems for IssueCollector.check: undefined when valid, every message joined, non-strings refused', () => {
  assert.equal(dns1035LabelProblem('web'), undefined);
  assert.equal(dns1123LabelProblem('Web-'.repeat(20)), `must be no more than 63 characters; ${dns1123LabelErrors('Web-')[0]}`);
  for (const value of [undefined, 42, {}]) {
    assert.match(dns1123SubdomainProblem(value) ?? '', /^a lowercase RFC 1123 subdomain must consist/);
  }
});

test('a route backend with a bad Service name gets the DNS-1035 message at its path', () => {
  const issues = new IssueCollector();
  checkServiceName('Web_v2', 'App/web-route.backends[1].name', issues);
  assert.deepEqual(issues.issues, [{ path: 'App/web-route.backends[1].name', value: 'Web_v2', message: dns1035LabelErrors('Web_v2')[0] }]);
});

// The traffic and policy layers (issue #12) spell no label regex of their own.
const ONE_COPY_DIRS = ['lib/traffic', 'lib/policy', 'lib/traffic-check', 'lib/policy-graph', 'lib/service-profile', 'constructs/traffic', 'constructs/policy', 'constructs/flagger', 'constructs/service-profile'];
const LABEL_REGEX = /\[a-z0?-?9?\]\(\[-a-z0-9\]\*\[a-z0-9\]\)\?/;

test('the traffic and policy code spells no DNS label regex of its own', () => {
  assert.ok(LABEL_REGEX.test('[a-z]([-a-z0-9]*[a-z0-9])?') && LABEL_REGEX.test('[a-z0-9]([-a-z0-9]*[a-z0-9])?'), 'the scan sees both formats');
  const copies = ONE_COPY_DIRS.flatMap(sourceFiles).filter((file) => LABEL_REGEX.test(readFileSync(join(REPO_ROOT, file), 'utf8')));
  assert.deepEqual(copies, []);
});
