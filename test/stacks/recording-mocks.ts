/**
 * Pulumi mocks that record what a real engine would be told: each registration's type, name,
 * inputs, dependencies (as `type::name`), provider, `retainOnDelete` and custom timeouts. Import it
 * before the component modules (it calls `setMocks` on import); shared by the test/stacks files
 * that assert engine behaviour by resource name.
 */
import * as pulumi from '@pulumi/pulumi';

export interface Registration {
  readonly type: string;
  readonly name: string;
  /** `type::name`, the key dependencies are listed by. */
  readonly key: string;
  readonly inputs: Record<string, unknown>;
  readonly deps: readonly string[];
  /** The parent's `type::name`, if any: the engine orders a child after its parent's dependencies. */
  readonly parent?: string;
  /** The provider reference's `type::name`, if any. */
  readonly provider?: string;
  readonly retainOnDelete: boolean;
  readonly createTimeout?: string;
}

export const registrations: Registration[] = [];
/** Each component's `registerOutputs`, deserialized. */
export const componentOutputs: unknown[] = [];
/** `Resource.get` reads (`type::name`): a program must not read what the same run creates. */
export const reads: string[] = [];
export const FAKE_KEY = '-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n';

/** `type::name` of a URN (`urn:pulumi:stack::project::parent$type::name`) or provider reference (`<urn>::<id>`). */
export function urnKey(urn: string): string {
  const parts = urn.split('::');
  const at = parts.length >= 4 && /^urn:/.test(parts[0]) ? 2 : 0;
  return `${parts[at].split('$').pop()}::${parts[at + 1]}`;
}

// Certificates depend on their role, not on the mesh's name: two meshes' generated certificates are equal.
pulumi.runtime.setMocks(
  {
    newResource: (args) => {
      const state: Record<string, unknown> = { ...args.inputs };
      if (args.type === 'tls:index/privateKey:PrivateKey') state.privateKeyPem = FAKE_KEY;
      if (args.type.startsWith('tls:index/') && args.type.endsWith('Cert')) state.certPem = `-----BEGIN CERTIFICATE-----\n${args.name.replace(/^[^-]+-/, '')}\n-----END CERTIFICATE-----\n`;
      if (args.type === 'tls:index/certRequest:CertRequest') state.certRequestPem = '-----BEGIN CERTIFICATE REQUEST-----\n-----END CERTIFICATE REQUEST-----\n';
      return { id: `${args.name}_id`, state };
    },
    call: (args) => args.inputs,
  },
  'meshform',
  'test',
  false,
);

type Request = Record<string, () => unknown>;
const monitor = pulumi.runtime.getMonitor() as unknown as Record<string, (req: never, cb: never) => void>;
const register = monitor.registerResource.bind(monitor);
monitor.registerResource = (req: never, cb: never) => {
  const r = req as unknown as Request;
  const timeouts = r.getCustomtimeouts() as { getCreate(): string } | undefined;
  const provider = r.getProvider() as string;
  const parent = r.getParent() as string;
  registrations.push({
    type: r.getType() as string,
    name: r.getName() as string,
    key: `${r.getType()}::${r.getName()}`,
    inputs: pulumi.runtime.deserializeProperties((r.getObject as () => never)()) as Record<string, unknown>,
    deps: (r.getDependenciesList() as string[]).map(urnKey),
    ...(parent ? { parent: urnKey(parent) } : {}),
    ...(provider ? { provider: urnKey(provider) } : {}),
    retainOnDelete: Boolean(r.getRetainondelete()),
    ...(timeouts?.getCreate() ? { createTimeout: timeouts.getCreate() } : {}),
  });
  register(req, cb);
};

const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
monitor.registerResourceOutputs = (req: never, cb: never) => {
  componentOutputs.push(pulumi.runtime.deserializeProperties(((req as unknown as Request).getOutputs as () => never)()));
  registerOutputs(req, cb);
};
const read = monitor.readResource.bind(monitor);
monitor.readResource = (req: never, cb: never) => {
  const r = req as unknown as Request;
  reads.push(`${r.getType()}::${r.getName()}`);
  read(req, cb);
};

const resolve = <T>(o: pulumi.Output<T>): Promise<T> => new Promise((r) => o.apply((v) => (r(v), v)));

/** Runs `create`, waits for every registration it causes, and returns them. */
export async function recorded(create: () => pulumi.Resource): Promise<Registration[]> {
  const before = registrations.length;
  const resource = create();
  await resolve(resource.urn);
  // Children register as their inputs resolve: wait until nothing new arrives for a while.
  for (let seen = -1, quiet = 0; quiet < 3; ) {
    await new Promise((r) => setTimeout(r, 100));
    quiet = registrations.length === seen ? quiet + 1 : 0;
    seen = registrations.length;
  }
  return registrations.slice(before);
}

/** The one registration of `type` named `name`; fails loudly when absent. */
export function byName(rs: readonly Registration[], type: string, name: string): Registration {
  const found = rs.find((r) => r.type === type && r.name === name);
  if (!found) throw new Error(`no ${type} named ${name} among ${rs.filter((r) => r.type === type).map((r) => r.name).join(', ') || 'none'}`);
  return found;
}

/** Secret-wrapped values unwrapped, everywhere in a value. */
export function unwrapSecrets(v: unknown): unknown {
  if (pulumi.runtime.isRpcSecret(v)) return unwrapSecrets(pulumi.runtime.unwrapRpcSecret(v));
  if (Array.isArray(v)) return v.map(unwrapSecrets);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrapSecrets(x)]));
  return v;
}

export { resolve };
