/**
 * Strict flag parsing for every verb: node's parseArgs over the verb's flag table, `-h/--help`
 * answered before anything else is checked, and parseArgs' errors turned into usage errors that
 * say what went wrong in the command's own terms (with a did-you-mean for a mistyped flag).
 */
import { parseArgs } from 'node:util';
import { HELP_OPTION, HelpRequested, type FlagTable } from './help.js';
import { UsageError } from './io.js';
import { flagHint } from './suggest.js';

/** What parseArgs returns, typed for a table only known at run time. */
export interface ParsedArgs {
  readonly values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  readonly positionals: string[];
  /** The options in command-line order (Helm applies `-f` and `--set` in that order). */
  readonly tokens: readonly { readonly kind: string; readonly name?: string; readonly value?: string }[];
}

function parseWithTokens(args: readonly string[], options: FlagTable, allowPositionals: boolean): ParsedArgs {
  const parsed = parseArgs({ args: [...args], options: { ...options, ...HELP_OPTION }, allowPositionals, tokens: true, strict: true });
  return { values: parsed.values, positionals: parsed.positionals, tokens: parsed.tokens ?? [] };
}

/** Parses `args` against `options` (plus `-h/--help`); throws HelpRequested or a UsageError. */
export function parseFlags(args: readonly string[], options: FlagTable, allowPositionals = false): ParsedArgs {
  const end = args.indexOf('--');
  const flagArgs = end < 0 ? args : args.slice(0, end);
  if (flagArgs.includes('--help') || flagArgs.includes('-h')) throw new HelpRequested(options);
  try {
    return parseWithTokens(args, options, allowPositionals);
  } catch (e) {
    throw new UsageError(usageMessage(e as Error & { code?: string }, options));
  }
}

function usageMessage(e: Error & { code?: string }, options: FlagTable): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown flag: ${quoted}${flagHint(quoted, options)}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument "${quoted}": this command takes no arguments`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const flag = quoted.replace(/ <value>$/, '');
      if (/does not take an argument/.test(e.message)) return `flag ${flag} does not take a value`;
      if (/ambiguous/.test(e.message)) return `flag ${flag} needs a value (write ${flag}=-VALUE for a value starting with "-")`;
      return `flag needs an argument: ${flag}`;
    }
    default:
      return e.message;
  }
}
