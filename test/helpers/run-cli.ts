/** Runs the `meshform` CLI in-process through `main`, capturing what it writes. */
import type { CommandIO } from '../../cli/io.js';
import { main } from '../../cli/main.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  /** Directory relative paths resolve against. @default process.cwd() */
  readonly cwd?: string;
  /** Standard input (for `inject -`). @default '' */
  readonly stdin?: string;
}

export async function runCli(args: readonly string[], opts: CliRunOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdin: async () => opts.stdin ?? '',
    cwd: opts.cwd ?? process.cwd(),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
