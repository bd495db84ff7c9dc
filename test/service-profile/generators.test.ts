// linkerd profile's generators against upstream's rules and test vectors (TRAFFIC.md §7;
// pkg/profiles/openapi_test.go, proto_test.go): regexes, ordering, names, response classes,
// retryable flags, the template, and the Go-style output.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MeshformError } from '../../lib/errors.js';
import {
  checkServiceProfile,
  formatProfileJson,
  formatProfileYaml,
  pathToRegex,
  profileFromOpenApi,
  profileFromProto,
  profileTemplate,
  quoteMeta,
} from '../../lib/service-profile/index.js';
import { IssueCollector } from '../../lib/errors.js';
import { parseYamlDocument } from '../../lib/yaml-input.js';
import { validateRender } from '../helpers/validate-all.js';
import { AUTHORS_SWAGGER, renderedCrds, VOTING_PROTO } from './fixtures.js';

const TARGET = { service: 'mysvc', namespace: 'myns', clusterDomain: 'mycluster.local' };
/** The generated profile for TARGET with these routes. */
const generated = (routes: readonly object[]) => ({
  apiVersion: 'linkerd.io/v1alpha2',
  kind: 'ServiceProfile',
  metadata: { name: 'mysvc.myns.svc.mycluster.local', namespace: 'myns', creationTimestamp: null },
  spec: { routes },
});

function refusedWith(fn: () => unknown): MeshformError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof MeshformError, String(e));
    return e;
  }
  assert.fail('expected a refusal');
}

describe('PathToRegex', () => {
  it("is Go's QuoteMeta with {params} as [^/]*", () => {
    assert.equal(pathToRegex('/authors/{id}'), '/authors/[^/]*');
    assert.equal(pathToRegex('/path/with/trailing/slash/'), '/path/with/trailing/slash/');
    assert.equal(pathToRegex('/books/{id}.json'), '/books/[^/]*\\.json');
    assert.equal(pathToRegex('/a/{x}/b/{y.z}'), '/a/[^/]*/b/[^/]*');
    assert.equal(quoteMeta('/emojivoto.v1.VotingService/VoteFire'), '/emojivoto\\.v1\\.VotingService/VoteFire');
    assert.equal(quoteMeta('a+b*c?(d)|[e]{f}^$\\-/'), 'a\\+b\\*c\\?\\(d\\)\\|\\[e\\]\\{f\\}\\^\\$\\\\-/');
  });
});

/** A billion-laughs document: five levels of nine aliases each. */
const BOMB = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...['b', 'c', 'd', 'e'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcd'[i]}`).join(', ')}]`)].join('\n');

describe('--open-api', () => {
  it("upstream's vector: GET /authors/{id}, 500 is a failure, x-linkerd-retryable and x-linkerd-timeout", () => {
    const sp = profileFromOpenApi(
      'paths:\n  /authors/{id}:\n    get:\n      x-linkerd-retryable: true\n      x-linkerd-timeout: 60s\n      responses:\n        500: {description: x}\n',
      'authors.yaml',
      TARGET,
    );
    assert.deepEqual(
      sp,
      generated([
        {
          name: 'GET /authors/{id}',
          condition: { pathRegex: '/authors/[^/]*', method: 'GET' },
          responseClasses: [{ condition: { status: { min: 500, max: 500 } }, isFailure: true }],
          isRetryable: true,
          timeout: '60s',
        },
      ]),
    );
  });

  it('paths in byte order, methods DELETE..PUT, basePath joined, codes ascending, default ignored', () => {
    const sp = profileFromOpenApi(AUTHORS_SWAGGER, 'authors.yaml', TARGET);
    assert.deepEqual(
      sp.spec.routes?.map((r) => r.name),
      ['DELETE /authors/{id}', 'GET /authors/{id}', 'POST /path/with/trailing/slash/'],
    );
    assert.deepEqual(sp.spec.routes?.[0].responseClasses, [{ condition: { status: { min: 200, max: 200 } } }, { condition: { status: { min: 404, max: 404 } } }]);
    assert.deepEqual(sp.spec.routes?.[2], { name: 'POST /path/with/trailing/slash/', condition: { pathRegex: '/path/with/trailing/slash/', method: 'POST' } });
    const all = profileFromOpenApi(
      JSON.stringify({
        basePath: '/api/',
        paths: {
          '/b': Object.fromEntries(['put', 'post', 'patch', 'options', 'head', 'get', 'delete', 'trace'].map((m) => [m, {}])),
          '/B': { get: {} },
          '/a/{id}': { get: { responses: { '503': {}, '200': {}, '2XX': {}, 'x-ext': {} } } },
          'x-not-a-path': {},
        },
      }),
      'api.json',
      TARGET,
    );
    assert.deepEqual(all.spec.routes?.map((r) => r.name), [
      'GET /api/B',
      'GET /api/a/{id}',
      ...['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'].map((m) => `${m} /api/b`),
    ]);
    assert.deepEqual(all.spec.routes?.[1].responseClasses?.map((c) => [c.condition.status?.min, c.isFailure ?? false]), [[200, false], [503, true]]);
  });

  it('OpenAPI 3 documents work where paths have the same shape; an empty document gives no routes', () => {
    const sp = profileFromOpenApi("openapi: '3.0.1'\nservers: [{url: /v1}]\npaths:\n  /hello:\n    get: {}\n", 'v3.yaml', TARGET);
    assert.deepEqual(sp.spec.routes?.map((r) => r.name), ['GET /hello']);
    assert.deepEqual(profileFromOpenApi('swagger: "2.0"\n', 'empty.yaml', TARGET).spec, {});
  });

  it('refuses wrongly typed extensions and shapes with their paths, instead of ignoring them', () => {
    const e = refusedWith(() =>
      profileFromOpenApi(
        'paths:\n  /a.b:\n    get:\n      x-linkerd-retryable: "yes"\n      x-linkerd-timeout: 5\n    put: []\n    post:\n      x-linkerd-timeout: 1m30\n      responses:\n        "700": {}\n',
        'bad.yaml',
        TARGET,
      ),
    );
    assert.deepEqual(e.issues.map((i) => i.path), [
      'paths./a\\.b.get.x-linkerd-retryable',
      'paths./a\\.b.get.x-linkerd-timeout',
      'paths./a\\.b.post.x-linkerd-timeout',
      'paths./a\\.b.post.responses.700',
      'paths./a\\.b.put',
    ]);
    assert.match(e.message, /^bad\.yaml: cannot generate a ServiceProfile: 5 problems/);
    assert.match(refusedWith(() => profileFromOpenApi('- a\n- b\n', 'list.yaml', TARGET)).message, /must be a Swagger\/OpenAPI document/);
    assert.match(refusedWith(() => profileFromOpenApi('paths: [\n', 'broken.yaml', TARGET)).message, /broken\.yaml is not valid YAML/);
    assert.match(refusedWith(() => profileFromOpenApi(BOMB, 'bomb.yaml', TARGET)).message, /alias/);
  });
});

describe('--proto', () => {
  it("upstream's vector: the emojivoto Voting service, routes named after the bare RPC", () => {
    const sp = profileFromProto(VOTING_PROTO, 'Voting.proto', TARGET);
    assert.deepEqual(
      sp,
      generated([
        { name: 'VotePoop', condition: { method: 'POST', pathRegex: '/emojivoto\\.v1\\.VotingService/VotePoop' } },
        { name: 'VoteDoughnut', condition: { method: 'POST', pathRegex: '/emojivoto\\.v1\\.VotingService/VoteDoughnut' }, isRetryable: true },
        { name: 'VoteBeer', condition: { method: 'POST', pathRegex: '/emojivoto\\.v1\\.VotingService/VoteBeer' }, isRetryable: true },
        { name: 'VoteWine', condition: { method: 'POST', pathRegex: '/emojivoto\\.v1\\.VotingService/VoteWine' } },
      ]),
    );
  });

  it('services in declaration order; no package means /<Service>/<Method>', () => {
    const sp = profileFromProto('syntax = "proto3";\nmessage M {}\nservice Zeta { rpc B(M) returns (M); }\nservice Alpha { rpc A(M) returns (stream M); }\n', 'x.proto', TARGET);
    assert.deepEqual(sp.spec.routes?.map((r) => [r.name, r.condition.pathRegex]), [['B', '/Zeta/B'], ['A', '/Alpha/A']]);
  });

  it('a syntax error is one clear refusal naming the source', () => {
    assert.match(refusedWith(() => profileFromProto('service X { rpc }', 'bad.proto', TARGET)).message, /^bad\.proto: not a valid \.proto file: .*line 1/);
    // protobufjs bounds nesting itself.
    const deep = `syntax = "proto3";\n${'message M {\n'.repeat(20000)}${'}\n'.repeat(20000)}`;
    assert.match(refusedWith(() => profileFromProto(deep, 'deep.proto', TARGET)).message, /^deep\.proto: not a valid \.proto file: max depth exceeded/);
  });
});

describe('--template', () => {
  const text = profileTemplate({ service: 'web-svc', namespace: 'emojivoto' });

  it("is upstream's commented example with the names filled in", () => {
    assert.ok(text.startsWith('### ServiceProfile for web-svc.emojivoto ###\napiVersion: linkerd.io/v1alpha2\nkind: ServiceProfile\nmetadata:\n  name: web-svc.emojivoto.svc.cluster.local\n  namespace: emojivoto\nspec:\n'));
    assert.ok(text.endsWith('  #   window and therefore allows burstier retries.\n  #   ttl: 10s\n'));
    assert.match(text, /\n {6}pathRegex: '\/authors\/\\d\+'\n/);
  });

  it('is a valid ServiceProfile once parsed', () => {
    const parsed = parseYamlDocument(text, 'template') as Record<string, any>;
    assert.deepEqual(parsed.spec, {
      routes: [{ name: '/authors/{id}', condition: { pathRegex: '/authors/\\d+', method: 'POST' }, responseClasses: [{ condition: { status: { min: 500, max: 599 } }, isFailure: true }] }],
    });
    assert.deepEqual(validateRender([parsed as never], renderedCrds()).problems, []);
    const issues = new IssueCollector();
    checkServiceProfile(issues, 'template', { service: 'web-svc', namespace: 'emojivoto', ...parsed.spec });
    assert.deepEqual(issues.issues, []);
  });
});

describe('output as upstream prints it', () => {
  it("YAML: sigs.k8s.io/yaml's sorted keys, unindented sequences, creationTimestamp: null, no ---", () => {
    const yaml = formatProfileYaml(profileFromProto(VOTING_PROTO, 'Voting.proto', { service: 'voting-svc', namespace: 'emojivoto' }));
    assert.equal(
      yaml.split('\n').slice(0, 17).join('\n'),
      `apiVersion: linkerd.io/v1alpha2
kind: ServiceProfile
metadata:
  creationTimestamp: null
  name: voting-svc.emojivoto.svc.cluster.local
  namespace: emojivoto
spec:
  routes:
  - condition:
      method: POST
      pathRegex: /emojivoto\\.v1\\.VotingService/VotePoop
    name: VotePoop
  - condition:
      method: POST
      pathRegex: /emojivoto\\.v1\\.VotingService/VoteDoughnut
    isRetryable: true
    name: VoteDoughnut`,
    );
  });

  it("quotes strings as go-yaml v2 does: double for YAML 1.1 look-alikes, single where plain cannot hold them", () => {
    const yaml = formatProfileYaml({ a: ['yes', 'on', '123', '1:20', '', '*x', 'a: b', '- x', 'GET /a/{id}', '/a/[^/]*', '0x1F', 'true'] });
    assert.equal(yaml, `a:\n- "yes"\n- "on"\n- "123"\n- "1:20"\n- ""\n- '*x'\n- 'a: b'\n- '- x'\n- GET /a/{id}\n- /a/[^/]*\n- "0x1F"\n- "true"\n`);
  });

  it("JSON: compact, keys sorted, <>& escaped as Go's json.Marshal does", () => {
    assert.equal(formatProfileJson({ b: { d: 1, c: '<&>' }, a: null }), '{"a":null,"b":{"c":"\\u003c\\u0026\\u003e","d":1}}\n');
  });

  it('is deterministic: the same input gives the same bytes', () => {
    const once = formatProfileYaml(profileFromOpenApi(AUTHORS_SWAGGER, 'a', TARGET));
    assert.equal(formatProfileYaml(profileFromOpenApi(AUTHORS_SWAGGER, 'a', TARGET)), once);
  });
});
