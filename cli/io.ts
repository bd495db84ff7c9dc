/** What a command writes to; tests pass buffers, the launcher passes the process streams. */
export interface CommandIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads standard input (for `inject -`). */
  readonly stdin: () => Promise<string>;
  /** Directory relative paths resolve against. */
  readonly cwd: string;
}

/** Thrown for command-line misuse: exit status 2 with the message and usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type Command = (args: readonly string[], io: CommandIO) => Promise<number>;
