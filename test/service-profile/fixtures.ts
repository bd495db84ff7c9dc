/** Shared inputs for the ServiceProfile tests: the CRD to validate against, and upstream's test inputs. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'cdk8s';
import { CrdsChart } from '../../constructs/crds/crds-chart.js';
import { chartObjects } from '../../constructs/kube-object.js';
import { parseYamlStream } from '../../lib/yaml-input.js';

let crds: unknown[] | undefined;

/** meshform's own CRD render (the ServiceProfile CRD among them), rendered once per test file. */
export function renderedCrds(): unknown[] {
  crds ??= chartObjects(new CrdsChart(new App(), 'crds', { values: { installGatewayAPI: false } }));
  return crds;
}

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'linkerd', 'golden', 'crds', 'install_crds.golden');

/** Why the upstream-golden checks skip, or false when ../shared is there. */
export const goldenSkip: string | false = existsSync(GOLDEN) ? false : `upstream CRD golden not found at ${GOLDEN} (../shared absent)`;

/** Upstream's CRDs (install_crds.golden). */
export function goldenCrds(): unknown[] {
  return parseYamlStream(readFileSync(GOLDEN, 'utf8'), GOLDEN).map((d) => d.value).filter(Boolean);
}

/** The emojivoto Voting service, as upstream's proto_test.go feeds it (with each idempotency level). */
export const VOTING_PROTO = `syntax = "proto3";

package emojivoto.v1;

import "google/protobuf/empty.proto";

message VoteRequest {
}

message VoteResponse {
}

service VotingService {
  rpc VotePoop(VoteRequest) returns (VoteResponse);
  rpc VoteDoughnut(VoteRequest) returns (VoteResponse) {
    option idempotency_level = IDEMPOTENT;
  }
  rpc VoteBeer(VoteRequest) returns (VoteResponse) {
    option (idempotency_level) = NO_SIDE_EFFECTS;
  }
  rpc VoteWine(VoteRequest) returns (VoteResponse) {
    option idempotency_level = IDEMPOTENCY_UNKNOWN;
  }
}
`;

/** A Swagger document in the shape of upstream's openapi_test.go and its CLI fixtures. */
export const AUTHORS_SWAGGER = `swagger: "2.0"
info:
  title: authors
  version: "1"
basePath: /
paths:
  /authors/{id}:
    get:
      x-linkerd-retryable: true
      x-linkerd-timeout: 60s
      responses:
        "500":
          description: boom
    delete:
      responses:
        "404": { description: missing }
        "200": { description: ok }
        default: { description: other }
  /path/with/trailing/slash/:
    post: {}
`;
