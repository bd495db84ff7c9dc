/**
 * A small in-process Pulumi engine: the gRPC `ResourceMonitor` and `Engine` services the Node
 * runtime of `@pulumi/pulumi` talks to, built on the SDK's own generated service definitions (so a
 * protocol change in the SDK shows up here). It records what the program asks for and answers the way
 * the real engine + pulumi-kubernetes do where it matters to meshform:
 * - register: outputs are the inputs (a pulumi-kubernetes preview returns the checked inputs), plus what
 *   `created` adds outside a preview (e.g. the token the API server writes into a token Secret); in a
 *   preview a new custom resource has no id, so its unset outputs are unknown to the program;
 * - read (`.get`): answered from `existing` only; any other read fails as the provider's read of a
 *   missing object fails the real deployment.
 */
import { createRequire } from 'node:module';

const sdkRequire = createRequire(createRequire(import.meta.url).resolve('@pulumi/pulumi'));

/* Minimal shapes of the generated protobuf classes this engine touches. */
interface Struct {
  toJavaScript(): Record<string, unknown>;
}
interface StructStatic {
  fromJavaScript(value: Record<string, unknown>): Struct;
}
interface Message {
  [method: string]: (...args: never[]) => unknown;
}
type Callback = (error: { code: number; message: string } | null, response?: unknown) => void;
type Handler = (call: { request: Message }, callback: Callback) => void;
interface GrpcServer {
  addService(service: unknown, implementation: Record<string, Handler>): void;
  bindAsync(address: string, credentials: unknown, done: (error: Error | null, port: number) => void): void;
  forceShutdown(): void;
}
interface Grpc {
  Server: new (options: Record<string, number>) => GrpcServer;
  ServerCredentials: { createInsecure(): unknown };
  status: Record<string, number>;
}

const grpc = sdkRequire('@grpc/grpc-js') as Grpc;
const resourceGrpc = sdkRequire('./proto/resource_grpc_pb.js') as { ResourceMonitorService: unknown };
const engineGrpc = sdkRequire('./proto/engine_grpc_pb.js') as { EngineService: unknown };
const resourcePb = sdkRequire('./proto/resource_pb.js') as Record<string, new () => Message>;
const providerPb = sdkRequire('./proto/provider_pb.js') as Record<string, new () => Message>;
const enginePb = sdkRequire('./proto/engine_pb.js') as Record<string, new () => Message>;
const emptyPb = sdkRequire('google-protobuf/google/protobuf/empty_pb.js') as { Empty: new () => Message };
const { Struct: StructClass } = sdkRequire('google-protobuf/google/protobuf/struct_pb.js') as { Struct: StructStatic };

/** The RPC sentinel for an unknown value (a preview's not-yet-computed input). */
export const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';
const SIG_KEY = '4dabf18193072939515e22adb298388d';

/** One `RegisterResource`: what the program declared, with the options the engine would act on. */
export interface Registration {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  readonly custom: boolean;
  /** Parent URN ('' for the stack itself). */
  readonly parent: string;
  /** Provider reference (`<urn>::<id>`), '' for the default provider. */
  readonly provider: string;
  /** URNs this resource depends on (`dependsOn` plus input dependencies). */
  readonly dependencies: readonly string[];
  /** Inputs as sent: secrets stay wrapped (see `isSecret`/`reveal`), unknowns are `UNKNOWN`. */
  readonly inputs: Record<string, unknown>;
  readonly options: {
    readonly protect?: boolean;
    readonly retainOnDelete?: boolean;
    readonly deleteBeforeReplace: boolean;
    readonly ignoreChanges: readonly string[];
    readonly replaceOnChanges: readonly string[];
    readonly additionalSecretOutputs: readonly string[];
    readonly deletedWith: string;
    readonly importId: string;
  };
}

/** One `ReadResource` (a `.get`). */
export interface Read {
  readonly type: string;
  readonly name: string;
  /** The id read, e.g. `namespace/name` for a namespaced Kubernetes object. */
  readonly id: string;
  readonly parent: string;
  readonly provider: string;
  readonly dependencies: readonly string[];
}

export interface EngineLog {
  readonly severity: 'debug' | 'info' | 'warning' | 'error';
  readonly message: string;
  readonly urn: string;
}

export interface FakeEngineOptions {
  readonly project: string;
  readonly stack: string;
  readonly dryRun: boolean;
  /** Objects already in the clusters, keyed `<type> <id>` (e.g. `kubernetes:core/v1:Service ns/name`). @default {} */
  readonly existing?: Readonly<Record<string, Record<string, unknown>>>;
  /** Extra outputs of a created resource outside a preview. @default - none */
  readonly created?: (registration: Registration) => Record<string, unknown> | undefined;
  /** Called on the first error: a failed step (a read of a missing object) or an error the program logs. @default - none */
  readonly onError?: () => void;
}

export interface FakeEngine {
  /** `127.0.0.1:<port>`, for `--monitor` and `--engine`. */
  readonly address: string;
  readonly registrations: Registration[];
  readonly reads: Read[];
  readonly invokes: string[];
  readonly logs: EngineLog[];
  /** Steps the engine failed (as the CLI reports them). */
  readonly failures: string[];
  /** Outputs registered by components and the stack (`registerOutputs`), by URN. */
  readonly outputs: Map<string, Record<string, unknown>>;
  close(): void;
}

const SEVERITIES = ['debug', 'info', 'warning', 'error'] as const;

export const isSecret = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;

/** A value with every secret wrapper replaced by its content. */
export function reveal(value: unknown): unknown {
  if (isSecret(value)) return reveal((value as { value: unknown }).value);
  if (Array.isArray(value)) return value.map(reveal);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reveal(v)]));
  return value;
}

/** The Kubernetes id (`namespace/name` or `name`) a registration's inputs name, if any. */
export function kubeId(r: Pick<Registration, 'inputs'>): string | undefined {
  const meta = reveal(r.inputs.metadata) as { name?: string; namespace?: string } | undefined;
  if (!meta?.name) return undefined;
  return meta.namespace ? `${meta.namespace}/${meta.name}` : meta.name;
}

/** The engine's URN scheme: a child's type is qualified by its parent's (the stack excepted). */
function urnFor(project: string, stack: string, parentUrn: string, type: string, name: string): string {
  const parentType = parentUrn ? parentUrn.split('::')[2] : '';
  const qualified = parentType && parentType !== 'pulumi:pulumi:Stack' ? `${parentType}$${type}` : type;
  return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

const get = <T>(m: Message, getter: string): T => (m[getter] as () => T).call(m);
const message = (ctor: new () => Message, fields: Record<string, unknown>): Message => {
  const m = new ctor();
  for (const [setter, value] of Object.entries(fields)) (m[setter] as (v: unknown) => void).call(m, value);
  return m;
};

/** A handler that throws answers INTERNAL (with the reason) instead of leaving the program waiting. */
function guarded(handlers: Record<string, Handler>): Record<string, Handler> {
  return Object.fromEntries(
    Object.entries(handlers).map(([name, handle]): [string, Handler] => [
      name,
      (call, done) => {
        try {
          handle(call, done);
        } catch (e) {
          done({ code: grpc.status.INTERNAL, message: `fake engine ${name}: ${(e as Error).message}` });
        }
      },
    ]),
  );
}

export async function startFakeEngine(options: FakeEngineOptions): Promise<FakeEngine> {
  const { project, stack, dryRun } = options;
  const registrations: Registration[] = [];
  const reads: Read[] = [];
  const invokes: string[] = [];
  const logs: EngineLog[] = [];
  const failures: string[] = [];
  let errored = false;
  const error = (): void => {
    if (!errored) options.onError?.();
    errored = true;
  };
  const outputs = new Map<string, Record<string, unknown>>();
  let rootUrn = '';

  const monitor: Record<string, Handler> = {
    supportsFeature: ({ request }, done) => {
      const feature = get<string>(request, 'getId');
      done(null, message(resourcePb.SupportsFeatureResponse, { setHassupport: ['secrets', 'resourceReferences', 'deletedWith'].includes(feature) }));
    },
    registerResource: ({ request }, done) => {
      const type = get<string>(request, 'getType');
      const name = get<string>(request, 'getName');
      const parent = get<string>(request, 'getParent');
      const urn = urnFor(project, stack, parent, type, name);
      const inputs = get<Struct | undefined>(request, 'getObject')?.toJavaScript() ?? {};
      const registration: Registration = {
        type,
        name,
        urn,
        custom: get<boolean>(request, 'getCustom'),
        parent,
        provider: get<string>(request, 'getProvider'),
        dependencies: get<string[]>(request, 'getDependenciesList'),
        inputs,
        options: {
          protect: get<boolean | undefined>(request, 'getProtect'),
          retainOnDelete: get<boolean | undefined>(request, 'getRetainondelete'),
          deleteBeforeReplace: get<boolean>(request, 'getDeletebeforereplace'),
          ignoreChanges: get<string[]>(request, 'getIgnorechangesList'),
          replaceOnChanges: get<string[]>(request, 'getReplaceonchangesList'),
          additionalSecretOutputs: get<string[]>(request, 'getAdditionalsecretoutputsList'),
          deletedWith: get<string>(request, 'getDeletedwith'),
          importId: get<string>(request, 'getImportid'),
        },
      };
      registrations.push(registration);
      const isProvider = type.startsWith('pulumi:providers:');
      let id = '';
      if (registration.custom) id = dryRun ? (isProvider ? UNKNOWN : '') : (kubeId(registration) ?? `${name}-id`);
      const state = registration.custom ? { ...inputs, ...(dryRun ? {} : (options.created?.(registration) ?? {})) } : {};
      done(null, message(resourcePb.RegisterResourceResponse, { setUrn: urn, setId: id, setObject: StructClass.fromJavaScript(state) }));
    },
    registerResourceOutputs: ({ request }, done) => {
      outputs.set(get<string>(request, 'getUrn'), get<Struct | undefined>(request, 'getOutputs')?.toJavaScript() ?? {});
      done(null, new emptyPb.Empty());
    },
    readResource: ({ request }, done) => {
      const read: Read = {
        type: get<string>(request, 'getType'),
        name: get<string>(request, 'getName'),
        id: get<string>(request, 'getId'),
        parent: get<string>(request, 'getParent'),
        provider: get<string>(request, 'getProvider'),
        dependencies: get<string[]>(request, 'getDependenciesList'),
      };
      reads.push(read);
      const state = options.existing?.[`${read.type} ${read.id}`];
      if (!state) {
        const reason = `resource '${read.id}' of type ${read.type} does not exist`;
        failures.push(`${read.name}: ${reason}`);
        done({ code: grpc.status.NOT_FOUND, message: reason });
        error();
        return;
      }
      const urn = urnFor(project, stack, read.parent, read.type, read.name);
      done(null, message(resourcePb.ReadResourceResponse, { setUrn: urn, setProperties: StructClass.fromJavaScript(state) }));
    },
    invoke: ({ request }, done) => {
      const token = get<string>(request, 'getTok');
      invokes.push(token);
      const failure = message(providerPb.CheckFailure, { setProperty: '', setReason: `the fake engine implements no invoke (${token})` });
      done(null, message(providerPb.InvokeResponse, { setFailuresList: [failure] }));
    },
    registerPackage: (_call, done) => done(null, message(resourcePb.RegisterPackageResponse, { setRef: 'fake-package-ref' })),
    signalAndWaitForShutdown: (_call, done) => done(null, new emptyPb.Empty()),
  };

  const engine: Record<string, Handler> = {
    log: ({ request }, done) => {
      const entry: EngineLog = {
        severity: SEVERITIES[get<number>(request, 'getSeverity')] ?? 'info',
        message: get<string>(request, 'getMessage'),
        urn: get<string>(request, 'getUrn'),
      };
      logs.push(entry);
      done(null, new emptyPb.Empty());
      if (entry.severity === 'error') error();
    },
    getRootResource: (_call, done) => done(null, message(enginePb.GetRootResourceResponse, { setUrn: rootUrn })),
    setRootResource: ({ request }, done) => {
      rootUrn = get<string>(request, 'getUrn');
      done(null, new enginePb.SetRootResourceResponse());
    },
  };

  // CRD schemas travel as inputs: allow messages far above gRPC's 4 MiB default.
  const server = new grpc.Server({ 'grpc.max_receive_message_length': 256 * 1024 * 1024 });
  server.addService(resourceGrpc.ResourceMonitorService, guarded(monitor));
  server.addService(engineGrpc.EngineService, guarded(engine));
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, p) => (error ? reject(error) : resolve(p))),
  );
  return { address: `127.0.0.1:${port}`, registrations, reads, invokes, logs, failures, outputs, close: () => server.forceShutdown() };
}
