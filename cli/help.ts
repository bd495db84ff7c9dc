/**
 * `-h/--help` for every verb, generated from the same option table parseArgs reads: a flag is declared
 * once, with its one-line description, so help cannot drift from what the parser accepts.
 */
import type { ParseArgsConfig } from 'node:util';

type ParseArgsOption = NonNullable<ParseArgsConfig['options']>[string];

/** One flag: node's parseArgs option plus what `--help` says about it. */
export type FlagSpec = ParseArgsOption & {
  /** One line for `--help`. Required in practice: test/cli/help.test.ts fails on a flag without one. */
  readonly description?: string;
  /** Placeholder for the flag's value in help (`--values FILE`). @default 'string' for string flags */
  readonly valueName?: string;
  /** Accepted (to refuse it with a reason, or as a deprecated alias) but left out of help. @default false */
  readonly hidden?: boolean;
};

/** A verb's flags by long name, as parseArgs takes them. */
export type FlagTable = Readonly<Record<string, FlagSpec>>;

/** `-h/--help`: every verb accepts it. */
export const HELP_OPTION = {
  help: { type: 'boolean', short: 'h', description: 'help for this command' },
} as const satisfies FlagTable;

/** What a verb says about itself in help, beside its flags. */
export interface VerbHelp {
  /** `viz install`, as typed after `meshform`. */
  readonly path: string;
  /** One line: what the verb prints or does. */
  readonly summary: string;
  /** Operands after the flags (`FILE|DIR|-`). @default - the verb takes none */
  readonly operands?: string;
  /** Further paragraphs (behaviour worth knowing before running it). @default - none */
  readonly details?: string;
}

/**
 * Thrown by flag parsing when `-h/--help` is given: the dispatcher, which knows the verb, prints
 * the help (stdout, exit 0). Throwing lets any verb stop before doing work, however it parses.
 */
export class HelpRequested extends Error {
  constructor(readonly flags: FlagTable) {
    super('help requested');
    this.name = 'HelpRequested';
  }
}

/** Cobra-style help: summary, usage line, then one aligned line per flag, sorted by name. */
export function verbHelpText(verb: VerbHelp, flags: FlagTable): string {
  const all: FlagTable = { ...flags, ...HELP_OPTION };
  const rows = Object.entries(all)
    .filter(([, spec]) => !spec.hidden)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, spec]) => {
      const short = spec.short ? `-${spec.short}, ` : '    ';
      const value = spec.type === 'string' ? ` ${spec.valueName ?? 'string'}` : '';
      const repeat = spec.multiple ? ' (repeatable)' : '';
      return [`  ${short}--${name}${value}`, `${spec.description ?? ''}${repeat}`] as const;
    });
  const width = Math.max(...rows.map(([left]) => left.length)) + 3;
  const lines = [verb.summary, ''];
  if (verb.details) lines.push(verb.details, '');
  lines.push('Usage:', `  meshform ${verb.path} [flags]${verb.operands ? ` ${verb.operands}` : ''}`, '', 'Flags:');
  for (const [left, right] of rows) lines.push(`${left.padEnd(width)}${right}`);
  return `${lines.join('\n')}\n`;
}

/** The usage hint under a usage error: where the full help is. */
export function usageHint(path: string): string {
  return `Run "meshform ${path ? `${path} ` : ''}--help" for usage.`;
}
