/**
 * `meshform diff [--format text|markdown] OLD NEW`: what an upgrade changes, per install phase.
 * OLD and NEW are each a render (a YAML file, or `-` for stdin on one side), a directory of phase
 * files (`dist/`), or a GitOps tree (a directory per phase with a kustomization.yaml).
 *
 * Exit status as diff(1): 0 no differences, 1 differences, 2 trouble (a usage error, an unreadable
 * or invalid input) — so `meshform diff` works in CI conditions as `diff` does.
 */
import { resolve } from 'node:path';
import { MeshformError } from '../../lib/errors.js';
import { diffSides, formatDiffMarkdown, formatDiffText, readDiffPath, readRender, type DiffSide } from '../../lib/diff/index.js';
import { HelpRequested, type FlagTable } from '../help.js';
import { UsageError, type Command, type CommandIO } from '../io.js';
import { parseFlags } from '../parse-flags.js';

export const DIFF_OPTIONS: FlagTable = {
  format: { type: 'string', valueName: 'text|markdown', description: 'output: text (default) or markdown (headings per phase and tables, for a pull request)' },
  'max-fields': { type: 'string', valueName: 'N', description: 'field changes listed per object before the rest is counted (default 40)' },
};

async function readSide(operand: string, io: CommandIO): Promise<DiffSide> {
  if (operand === '-') return readRender(await io.stdin(), 'stdin');
  if (/^https?:\/\//.test(operand)) throw new UsageError(`${operand}: reading from a URL is not supported offline: download it first`);
  return readDiffPath(resolve(io.cwd, operand), operand);
}

function options(values: Readonly<Record<string, unknown>>): { format: 'text' | 'markdown'; maxFields: number } {
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'markdown') throw new UsageError(`--format must be text or markdown, not "${String(format)}"`);
  const raw = values['max-fields'];
  const maxFields = raw === undefined ? 40 : Number(raw);
  if (!Number.isInteger(maxFields) || maxFields < 1) throw new UsageError(`--max-fields must be a whole number of at least 1, not "${String(raw)}"`);
  return { format, maxFields };
}

export const diff: Command = async (args, io) => {
  const parsed = parseFlags(args, DIFF_OPTIONS, true);
  const opts = options(parsed.values);
  if (parsed.positionals.length !== 2) throw new UsageError(`expected OLD and NEW (files, directories, or - for stdin on one side), got ${parsed.positionals.length} argument${parsed.positionals.length === 1 ? '' : 's'}`);
  const [oldOperand, newOperand] = parsed.positionals;
  if (oldOperand === '-' && newOperand === '-') throw new UsageError('only one side can be - (stdin)');
  try {
    const result = diffSides(await readSide(oldOperand, io), await readSide(newOperand, io));
    io.stdout(opts.format === 'markdown' ? formatDiffMarkdown(result, opts) : formatDiffText(result, opts));
    return result.verdict === 'identical' ? 0 : 1;
  } catch (e) {
    // Exit 1 means "differences" here: trouble is 2, whatever kind.
    if (e instanceof UsageError || e instanceof HelpRequested) throw e;
    io.stderr(`meshform: ${e instanceof MeshformError ? e.message : `internal error: ${(e as Error)?.message ?? String(e)}`}\n`);
    return 2;
  }
};
