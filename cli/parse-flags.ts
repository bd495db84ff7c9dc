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
  const { rest, booleans } = splitBooleanAssignments(flagArgs, options);
  let parsed: ParsedArgs;
  try {
    parsed = parseWithTokens(end < 0 ? rest : [...rest, ...args.slice(end)], options, allowPositionals);
  } catch (e) {
    throw new UsageError(usageMessage(e as Error & { code?: string }, options));
  }
  return { ...parsed, values: { ...parsed.values, ...booleans } };
}

/** Go's strconv.ParseBool, which cobra's boolean flags read `--flag=value` with. */
const GO_BOOLEANS: Readonly<Record<string, boolean>> = {
  ...Object.fromEntries(['1', 't', 'T', 'TRUE', 'true', 'True'].map((v) => [v, true])),
  ...Object.fromEntries(['0', 'f', 'F', 'FALSE', 'false', 'False'].map((v) => [v, false])),
};

/**
 * Upstream's flags take `--native-sidecar=false`; node's parseArgs takes no value for a boolean.
 * Such arguments are taken out here and their values returned separately (an explicit false kept).
 */
function splitBooleanAssignments(args: readonly string[], options: FlagTable): { rest: string[]; booleans: Record<string, boolean> } {
  const rest: string[] = [];
  const booleans: Record<string, boolean> = {};
  for (const arg of args) {
    const m = /^--([^=]+)=(.*)$/s.exec(arg);
    if (!m || options[m[1]]?.type !== 'boolean') {
      rest.push(arg);
      continue;
    }
    const value = GO_BOOLEANS[m[2]];
    if (value === undefined) throw new UsageError(`invalid value "${m[2]}" for --${m[1]}: must be true or false`);
    booleans[m[1]] = value;
  }
  return { rest, booleans };
}

function usageMessage(e: Error & { code?: string }, options: FlagTable): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown flag: ${quoted}${flagHint(quoted, options)}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument "${quoted}": this command takes no arguments`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      // parseArgs names a flag with a short alias `-f, --values <value>`: keep the long name.
      const flag = quoted.replace(/ <value>$/, '').replace(/^-\w, /, '');
      if (/does not take an argument/.test(e.message)) return `flag ${flag} does not take a value`;
      if (/ambiguous/.test(e.message)) return `flag ${flag} needs a value (write ${flag}=-VALUE for a value starting with "-")`;
      return `flag needs an argument: ${flag}`;
    }
    default:
      return e.message;
  }
}
