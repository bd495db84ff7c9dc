/**
 * `meshform`: the verbs Linkerd users already type, offline. Thin: parse arguments, resolve values
 * through lib/, render through constructs/, print YAML. Exit 0 on success, 1 with a message on stderr
 * (nothing on stdout) when refusing, 2 on usage errors.
 */
import { MeshformError } from '../lib/errors.js';
import { HELP_OPTION, HelpRequested, usageHint, verbHelpText, type FlagTable, type VerbHelp } from './help.js';
import { UsageError, type Command, type CommandIO } from './io.js';
import { flagHint, verbHint } from './suggest.js';

/** A verb: what help says about it (its flags come from its own option table), and its code. */
interface Verb extends Omit<VerbHelp, 'path'> {
  /** Subcommands load lazily so `meshform install` does not pay for inject's code and vice versa. */
  readonly load: () => Promise<Command>;
}

const INSTALL_DETAILS = `Identity: upstream's identity flags set the value keys they name; -f/--set win over them.
install refuses identity material that fails the checks "meshform check" runs (expired, wrong algorithm, ...).
--cert-manager: cert-manager + trust-manager issue everything; no keys in the output.
Identity you do not give (trust anchor, issuer, webhook certificates) is generated into --identity-dir and reused.`;

const COMMANDS: Record<string, Verb> = {
  install: {
    summary: 'Output the CRDs (--crds) or the control plane YAML, as linkerd install renders them',
    details: INSTALL_DETAILS,
    load: async () => (await import('./commands/install.js')).install,
  },
  upgrade: {
    summary: 'Output the upgraded CRDs (--crds) or control plane, keeping the identity and values of --from-manifests FILE',
    details: 'Reads the installed control plane from YAML (a render, or kubectl get -o yaml); the flags and -f/--set apply on top.\nA trust-anchor change that would break running proxies is refused (docs/upgrade.md).',
    load: async () => (await import('./commands/upgrade.js')).upgrade,
  },
  'install-cni': { summary: 'Output the CNI plugin YAML', load: async () => (await import('./commands/install-cni.js')).installCni },
  inject: {
    summary: 'Mesh the workloads of a manifest (annotations; the full sidecar with --manual)',
    operands: 'FILE|DIR|-',
    load: async () => (await import('./commands/inject.js')).inject,
  },
  uninject: { summary: "Remove Linkerd's injection from a manifest", operands: 'FILE|DIR|-', load: async () => (await import('./commands/uninject.js')).uninject },
  check: {
    summary: 'Certificate checks on identity material without a cluster (+ rotation checks with --deployed)',
    load: async () => (await import('./commands/check.js')).check,
  },
  reference: {
    summary: "Print the mesh's MeshReference (versions, domains, trust anchors, proxy defaults; no keys) for meshing app workloads",
    details: 'From the values (-f/--set, as install takes them; no issuer needed) or from --from-manifests FILE (a render, or\nkubectl get cm -n linkerd linkerd-config -o yaml). App code passes it to meshWorkload({ mesh }); inject takes it as --mesh-reference.',
    load: async () => (await import('./commands/reference.js')).reference,
  },
  diff: {
    summary: 'Summarise what an upgrade changes, per phase: objects, fields, rolling workloads, trust anchors, risks',
    operands: 'OLD NEW',
    details: 'OLD and NEW: a render (YAML file, or - for stdin on one side), a directory of phase files (dist/) or a GitOps tree.\nExit status as diff: 0 no differences, 1 differences, 2 trouble (docs/diff.md).',
    load: async () => (await import('./commands/diff.js')).diff,
  },
  profile: {
    summary: 'Output a ServiceProfile: the template, or one generated from an OpenAPI or .proto file, as linkerd profile does',
    operands: 'SERVICE',
    details: 'Exactly one of --template, --open-api FILE, --proto FILE (- reads stdin). Offline: the namespace defaults to "default"\nand the cluster domain to cluster.local. docs/service-profiles.md: a profile with routes overrides HTTPRoutes and annotations.',
    load: async () => (await import('./commands/profile.js')).profile,
  },
  'pulumi-operator': {
    summary: 'Output what the Pulumi Kubernetes Operator v2 needs to run this Pulumi program from git (Stack, workspace, RBAC, namespace)',
    details: 'The Stack refreshes and re-applies the program every --resync-seconds, so drift is repaired and certificates renew.\nCreate the credentials Secret yourself (docs/pulumi-operator.md); it is never rendered.',
    load: async () => (await import('./commands/pko.js')).pulumiOperator,
  },
  version: { summary: 'Print the client version', load: async () => (await import('./commands/version.js')).version },
};

const GROUPS: Record<string, { readonly summary: string; readonly verbs: Record<string, Verb> }> = {
  viz: {
    summary: 'The viz extension',
    verbs: { install: { summary: 'Output the viz extension YAML', load: async () => (await import('./commands/viz-install.js')).vizInstall } },
  },
  multicluster: {
    summary: 'The multicluster extension',
    verbs: {
      install: { summary: 'Output the multicluster extension YAML', load: async () => (await import('./commands/multicluster-install.js')).multiclusterInstall },
    },
  },
  policy: {
    summary: 'Authorization policy',
    verbs: {
      graph: {
        summary: 'Draw who may call whom in a render (DOT, Mermaid or SVG); unreachable Servers and allow-everyone policies stand out',
        load: async () => (await import('./commands/policy-graph.js')).policyGraph,
      },
    },
  },
};

/** A verb list, aligned, for the top-level and group usage. */
function verbList(entries: readonly (readonly [string, string])[]): string {
  const width = Math.max(...entries.map(([name]) => name.length)) + 3;
  return entries.map(([name, summary]) => `  ${name.padEnd(width)}${summary}`).join('\n');
}

const USAGE = `usage: meshform <command> [flags]

commands:
${verbList([
  ...Object.entries(COMMANDS).map(([name, v]) => [name, v.summary] as const),
  ...Object.entries(GROUPS).flatMap(([group, g]) => Object.entries(g.verbs).map(([name, v]) => [`${group} ${name}`, v.summary] as const)),
])}

Flags: -h/--help, --version.
Value flags (upstream's value keys, Helm semantics): -f/--values FILE, --set K=V, --set-string K=V.
Run "meshform <command> --help" for a command's flags.`;

function groupUsage(group: string): string {
  const verbs = Object.entries(GROUPS[group].verbs).map(([name, v]) => [name, v.summary] as const);
  return `${GROUPS[group].summary}\n\nUsage:\n  meshform ${group} <command> [flags]\n\ncommands:\n${verbList(verbs)}\n\nRun "meshform ${group} <command> --help" for a command's flags.\n`;
}

/** Every verb as typed after `meshform` (`install`, `viz install`, ...): what `--help` covers. */
export function verbPaths(): string[] {
  return [...Object.keys(COMMANDS), ...Object.entries(GROUPS).flatMap(([group, g]) => Object.keys(g.verbs).map((name) => `${group} ${name}`))];
}

const HELP = new Set(['--help', '-h']);

/** What `meshform` takes before a verb. */
const ROOT_FLAGS: FlagTable = { ...HELP_OPTION, version: { type: 'boolean', description: 'print the client version' } };

export async function main(argv: readonly string[], io: CommandIO = processIO()): Promise<number> {
  // `help VERB...` is `VERB... --help`; `--version` is the version verb.
  if (argv[0] === 'help' && argv.length > 1) argv = [...argv.slice(1), '--help'];
  if (argv[0] === '--version') argv = ['version', ...argv.slice(1)];
  const [verb, ...rest] = argv;
  let path = '';
  let help: VerbHelp | undefined;
  try {
    if (verb === undefined || HELP.has(verb) || verb === 'help') {
      (verb === undefined ? io.stderr : io.stdout)(`${USAGE}\n`);
      return verb === undefined ? 2 : 0;
    }
    let found: Verb | undefined = COMMANDS[verb];
    let args = rest;
    if (!found && GROUPS[verb]) {
      const [sub, ...subRest] = rest;
      if (sub === undefined || HELP.has(sub)) {
        (sub === undefined ? io.stderr : io.stdout)(groupUsage(verb));
        return sub === undefined ? 2 : 0;
      }
      found = GROUPS[verb].verbs[sub];
      path = verb;
      const known = Object.keys(GROUPS[verb].verbs);
      if (!found) throw new UsageError(`unknown ${verb} command "${sub}"${verbHint(sub, known)} (known: ${known.join(', ')})`);
      path = `${verb} ${sub}`;
      args = subRest;
    } else if (found) {
      path = verb;
    }
    if (!found && verb.startsWith('-')) throw new UsageError(`unknown flag: ${verb}${flagHint(verb, ROOT_FLAGS)}`);
    if (!found) throw new UsageError(`unknown command "${verb}"${verbHint(verb, [...Object.keys(COMMANDS), ...Object.keys(GROUPS)])}`);
    help = { path, ...found };
    return await (await found.load())(args, io);
  } catch (e) {
    if (e instanceof HelpRequested && help) {
      io.stdout(verbHelpText(help, e.flags));
      return 0;
    }
    return reportError(e, io, path);
  }
}

function reportError(e: unknown, io: CommandIO, path: string): number {
  if (e instanceof UsageError) {
    io.stderr(`meshform: ${e.message}\n${usageHint(path)}\n`);
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
