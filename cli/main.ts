/**
 * `meshform`: the verbs Linkerd users already type, offline. Thin: parse arguments, resolve values
 * through lib/, render through constructs/, print YAML. Exit 0 on success, 1 with a message on stderr
 * (nothing on stdout) when refusing, 2 on usage errors.
 */
import { MeshformError } from '../lib/errors.js';
import { UsageError, type Command, type CommandIO } from './io.js';

const USAGE = `usage: meshform <command> [flags]

commands:
  install [--crds] [--ha] [-f VALUES]... [--set K=V]... [--namespace NS]   CRDs or control plane YAML
  upgrade [--crds] --from-manifests FILE|- [flags]                           upgraded CRDs or control plane, keeping FILE's identity and values
  install-cni [-f VALUES]... [--set K=V]... [--namespace NS]                  the CNI plugin
  viz install [--ha] [-f VALUES]... [--set K=V]... [--cert-manager]           the viz extension
  multicluster install [--ha] [-f VALUES]... [--set K=V]...                   the multicluster extension
  inject [--manual] [-f MESH_VALUES] [flags] FILE|-                           mesh workloads in a manifest
  uninject FILE|-                                                             the reverse
  check [-f VALUES]... [-o table|json] [--deployed MANIFESTS]...              certificate checks (+ rotation with --deployed)

value flags: -f/--values FILE, --set K=V, --set-string K=V (upstream value keys, Helm semantics)
install identity flags (upstream's; -f/--set win over them):
  --identity-trust-anchors-file FILE  --identity-issuer-certificate-file FILE  --identity-issuer-key-file FILE
  --identity-trust-domain D  --cluster-domain D  --identity-issuance-lifetime D  --identity-clock-skew-allowance D
  --identity-external-issuer (cert-manager writes linkerd-identity-issuer)  --identity-external-ca
  --cert-manager [--cert-manager-namespace NS] (cert-manager + trust-manager issue everything; no keys in the output)
  --deployed MANIFESTS (what runs now: refuse a trust-anchor change that breaks running proxies)
  install refuses identity material that fails the checks "meshform check" runs (expired, wrong algorithm, ...)`;

/** Subcommands load lazily so `meshform install` does not pay for inject's code and vice versa. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  install: async () => (await import('./commands/install.js')).install,
  upgrade: async () => (await import('./commands/upgrade.js')).upgrade,
  'install-cni': async () => (await import('./commands/install-cni.js')).installCni,
  inject: async () => (await import('./commands/inject.js')).inject,
  uninject: async () => (await import('./commands/uninject.js')).uninject,
  check: async () => (await import('./commands/check.js')).check,
};

const GROUPS: Record<string, Record<string, () => Promise<Command>>> = {
  viz: { install: async () => (await import('./commands/viz-install.js')).vizInstall },
  multicluster: { install: async () => (await import('./commands/multicluster-install.js')).multiclusterInstall },
};

export async function main(argv: readonly string[], io: CommandIO = processIO()): Promise<number> {
  const [verb, ...rest] = argv;
  try {
    if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help') {
      (verb === undefined ? io.stderr : io.stdout)(`${USAGE}\n`);
      return verb === undefined ? 2 : 0;
    }
    let load: (() => Promise<Command>) | undefined = COMMANDS[verb];
    let args = rest;
    if (!load && GROUPS[verb]) {
      const [sub, ...subRest] = rest;
      load = sub === undefined ? undefined : GROUPS[verb][sub];
      if (!load) throw new UsageError(`unknown ${verb} command "${sub ?? ''}" (known: ${Object.keys(GROUPS[verb]).join(', ')})`);
      args = subRest;
    }
    if (!load) throw new UsageError(`unknown command "${verb}"`);
    return await (await load())(args, io);
  } catch (e) {
    return reportError(e, io);
  }
}

function reportError(e: unknown, io: CommandIO): number {
  if (e instanceof UsageError) {
    io.stderr(`meshform: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (e instanceof MeshformError) {
    io.stderr(`meshform: ${e.message}\n`);
    return 1;
  }
  // A defect, not user error: still no stack trace unless asked for.
  io.stderr(`meshform: internal error: ${(e as Error)?.message ?? String(e)}\n`);
  if (process.env.MESHFORM_DEBUG) io.stderr(`${(e as Error)?.stack ?? ''}\n`);
  return 1;
}

export function processIO(): CommandIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    cwd: process.cwd(),
  };
}
