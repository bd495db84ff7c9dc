/**
 * Runs a Pulumi project's program the way `pulumi preview` / `pulumi up` would, against the fake
 * engine: the Node runtime entry of `@pulumi/pulumi` (`cmd/run`, what the CLI's nodejs language host
 * launches) in a child process, with the host's arguments (`--monitor`, `--engine`, `--project`,
 * `--stack`, `--pwd`, `--dry-run`, `--parallel`, the entry point) and environment (`PULUMI_CONFIG`,
 * `PULUMI_CONFIG_SECRET_KEYS`, `PULUMI_NODEJS_TYPESCRIPT`), and Pulumi.yaml's `nodeargs` before it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { startFakeEngine, type FakeEngine, type FakeEngineOptions } from './fake-engine.js';
import { loadProject, type ProjectSettings } from './project-config.js';

/** How long a run may go on after its first error, for the program to report it. */
const ERROR_GRACE_MS = 2000;

export interface ProgramRunOptions {
  /** Directory holding Pulumi.yaml. */
  readonly projectDir: string;
  /** @default 'dev' */
  readonly stack?: string;
  /** `pulumi preview` (true) or `pulumi up` (false). @default true */
  readonly dryRun?: boolean;
  /** Stack config set on top of Pulumi.<stack>.yaml (full keys). @default {} */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Secret stack config (`pulumi config set --secret`), decrypted as the CLI passes it. @default {} */
  readonly secretConfig?: Readonly<Record<string, string>>;
  /** @default {} */
  readonly existing?: FakeEngineOptions['existing'];
  /** @default - none */
  readonly created?: FakeEngineOptions['created'];
  /** @default 120000 */
  readonly timeoutMs?: number;
}

export interface ProgramRun extends Omit<FakeEngine, 'close' | 'address'> {
  readonly project: ProjectSettings;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Failed steps, error logs, then stderr: what the CLI would show for a failed run. */
  readonly failure: string;
}

/** Why the harness cannot run here, or undefined when it can. */
export function harnessUnavailable(projectDir: string): string | undefined {
  const require = createRequire(join(projectDir, 'package.json'));
  for (const module of ['@pulumi/pulumi/cmd/run', '@grpc/grpc-js', 'tsx']) {
    try {
      require.resolve(module, { paths: [projectDir, require.resolve('@pulumi/pulumi')] });
    } catch {
      return `${module} is not installed (npm ci)`;
    }
  }
  if (!existsSync(join(projectDir, 'Pulumi.yaml'))) return `${projectDir}/Pulumi.yaml is missing`;
  return undefined;
}

export async function runProgram(options: ProgramRunOptions): Promise<ProgramRun> {
  const stack = options.stack ?? 'dev';
  const dryRun = options.dryRun ?? true;
  const secrets = options.secretConfig ?? {};
  const project = loadProject(options.projectDir, stack, { ...options.config, ...secrets });
  // The CLI reports a failed run once a step fails or the program logs an error; a Node program whose
  // outputs were rejected can take a long while to wind down after that, so the run ends there.
  let endRun = (): void => undefined;
  const onError = () => void setTimeout(() => endRun(), ERROR_GRACE_MS);
  const engine = await startFakeEngine({ project: project.name, stack, dryRun, existing: options.existing, created: options.created, onError });
  const runEntry = createRequire(join(project.pwd, 'index.js')).resolve('@pulumi/pulumi/cmd/run');
  const args = [
    ...project.nodeArgs,
    runEntry,
    `--monitor=${engine.address}`,
    `--engine=${engine.address}`,
    '--organization=organization',
    `--project=${project.name}`,
    `--stack=${stack}`,
    `--pwd=${project.pwd}`,
    ...(dryRun ? ['--dry-run'] : []),
    '--parallel=16',
    project.entryPoint,
  ];
  // The language host's environment: this process's, less any Pulumi settings of its own.
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('PULUMI_')) env[k] = v;
  Object.assign(env, {
    PULUMI_CONFIG: JSON.stringify(project.config),
    PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(Object.keys(secrets)),
    PULUMI_NODEJS_TYPESCRIPT: String(project.typescript),
    PULUMI_SKIP_UPDATE_CHECK: 'true',
  });
  try {
    const { exitCode, stdout, stderr } = await new Promise<{ exitCode: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: project.pwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
      endRun = () => child.kill('SIGKILL');
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ exitCode: code, stdout: out, stderr: err });
      });
    });
    const errors = engine.logs.filter((l) => l.severity === 'error').map((l) => l.message);
    const { registrations, reads, invokes, logs, failures, outputs } = engine;
    const failure = [...failures, ...errors, stderr].join('\n').trim();
    return { project, exitCode, stdout, stderr, failure, registrations, reads, invokes, logs, failures, outputs };
  } finally {
    engine.close();
  }
}
