/**
 * The ServiceProfile (`linkerd.io/v1alpha2`) in Linkerd's own words: the fields are the CRD's, typed
 * as upstream's Go structs read them (`controller/gen/apis/serviceprofile/v1alpha2/types.go`).
 * Inputs are what a user writes; `ServiceProfileObject` is what meshform renders.
 */
import type { KubeObject } from '../manifest.js';

export const SERVICE_PROFILE_API_VERSION = 'linkerd.io/v1alpha2';
export const SERVICE_PROFILE_KIND = 'ServiceProfile';
export const DEFAULT_CLUSTER_DOMAIN = 'cluster.local';

/**
 * Which requests belong to a route. Fields set together must all hold (an implicit `all`); a match
 * must set at least one of them.
 */
export interface RequestMatch {
  /** A regular expression the whole request path must match (RE2-style syntax: the proxy compiles it with Rust's regex crate). @default - any path */
  readonly pathRegex?: string;
  /** The HTTP method, e.g. `GET`. @default - any method */
  readonly method?: string;
  /** Every one of these must match. @default - no such condition */
  readonly all?: readonly RequestMatch[];
  /** At least one of these must match. @default - no such condition */
  readonly any?: readonly RequestMatch[];
  /** This must not match. @default - no such condition */
  readonly not?: RequestMatch;
}

/** A range of HTTP status codes; only `min` or only `max` matches that single code. */
export interface StatusRange {
  /** Lowest status code, 100–599. @default - `max` alone: that one code */
  readonly min?: number;
  /** Highest status code, 100–599, at least `min`. @default - `min` alone: that one code */
  readonly max?: number;
}

/** Which responses belong to a response class; at least one field must be set. */
export interface ResponseMatch {
  /** The response status is in this range. @default - no such condition */
  readonly status?: StatusRange;
  /** Every one of these must match. @default - no such condition */
  readonly all?: readonly ResponseMatch[];
  /** At least one of these must match. @default - no such condition */
  readonly any?: readonly ResponseMatch[];
  /** This must not match. @default - no such condition */
  readonly not?: ResponseMatch;
}

/** How responses of a route are classified (success or failure) in metrics and for retries. */
export interface ResponseClass {
  readonly condition: ResponseMatch;
  /** Responses of this class count as failures. @default false */
  readonly isFailure?: boolean;
}

/** One route of a profile. The first route whose condition matches a request wins. */
export interface ProfileRoute {
  /** Name shown in per-route metrics, e.g. `GET /books/{id}`. */
  readonly name: string;
  readonly condition: RequestMatch;
  /** Classes the route's responses fall into. @default - 5xx are failures */
  readonly responseClasses?: readonly ResponseClass[];
  /** Failed requests may be retried (within the retry budget). @default false */
  readonly isRetryable?: boolean;
  /**
   * Request timeout in Go's `time.ParseDuration` format (`250ms`, `1m30s`, `1.5s`): the ServiceProfile
   * is read by Go code, unlike Linkerd's route annotations. @default - no timeout
   */
  readonly timeout?: string;
}

/** How many retries the proxies may add for this Service. */
export interface RetryBudget {
  /** Retries as a ratio of original requests (0.2 = at most 20 % more load), at least 0. */
  readonly retryRatio: number;
  /** Retries per second allowed on top of the ratio, for low request rates (an integer, at least 0). */
  readonly minRetriesPerSecond: number;
  /** The window over which the ratio is computed, as a Go duration such as `10s`. */
  readonly ttl: string;
}

/** A weighted alternate destination (the traffic-split mechanism linkerd-smi uses). */
export interface WeightedDestination {
  /** `host[:port]`, e.g. `web-v2.emojivoto.svc.cluster.local:80`; without a port the Service's port is used. */
  readonly authority: string;
  /** A non-negative weight: an integer or a Kubernetes quantity (`500m`); 1 = 10,000 decimillis. */
  readonly weight: number | string;
}

/** Everything a ServiceProfile says, for one Service. */
export interface ServiceProfileSpec {
  /** Per-route metrics, retries and timeouts. @default - no routes */
  readonly routes?: readonly ProfileRoute[];
  /** @default - the controller's budget: ratio 0.2, 10 retries per second, ttl 10s */
  readonly retryBudget?: RetryBudget;
  /** @default - no overrides: traffic goes to the Service */
  readonly dstOverrides?: readonly WeightedDestination[];
  /**
   * Refused when non-empty: the CRD types this as a list of strings, but the sp-validator decodes it
   * into a Go port set, so `kubectl apply` is denied. Mark ports opaque with
   * `config.linkerd.io/opaque-ports` on the Service instead (`markOpaquePorts`).
   * @default - none
   */
  readonly opaquePorts?: readonly number[];
}

/** The Service a profile is for, and the mesh's cluster domain that completes its name. */
export interface ProfileTarget {
  /** The Service's name (a DNS-1035 label). */
  readonly service: string;
  /** The Service's namespace (a DNS-1123 label). */
  readonly namespace: string;
  /** @default 'cluster.local' */
  readonly clusterDomain?: string;
}

/** A whole profile as the model takes it. */
export interface ServiceProfileInput extends ProfileTarget, ServiceProfileSpec {}

/** Rendered request match (Go's field names; top-level `not` never rendered, see build.ts). */
export interface RequestMatchObject {
  readonly all?: RequestMatchObject[];
  readonly not?: RequestMatchObject;
  readonly any?: RequestMatchObject[];
  readonly pathRegex?: string;
  readonly method?: string;
}

export interface ResponseMatchObject {
  readonly all?: ResponseMatchObject[];
  readonly not?: ResponseMatchObject;
  readonly any?: ResponseMatchObject[];
  readonly status?: { readonly min?: number; readonly max?: number };
}

export interface RouteObject {
  readonly name: string;
  readonly condition: RequestMatchObject;
  readonly responseClasses?: { readonly condition: ResponseMatchObject; readonly isFailure?: boolean }[];
  readonly isRetryable?: boolean;
  readonly timeout?: string;
}

/** The rendered `linkerd.io/v1alpha2` ServiceProfile. */
export interface ServiceProfileObject extends KubeObject {
  readonly apiVersion: typeof SERVICE_PROFILE_API_VERSION;
  readonly kind: typeof SERVICE_PROFILE_KIND;
  readonly metadata: { readonly name: string; readonly namespace: string; readonly creationTimestamp?: null };
  readonly spec: {
    readonly routes?: RouteObject[];
    readonly retryBudget?: RetryBudget;
    readonly dstOverrides?: { readonly authority: string; readonly weight: number | string }[];
  };
}
