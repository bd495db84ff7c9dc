/** Did-you-mean for mistyped verbs and flags, with the edit distance the value-key hints use. */
import { didYouMean } from '../lib/values/checks.js';
import type { FlagTable } from './help.js';

/** ` (did you mean "install"?)` for the closest verb, or '' when none is close. */
export function verbHint(word: string, verbs: Iterable<string>): string {
  const best = didYouMean(word, verbs);
  return best ? ` (did you mean "${best}"?)` : '';
}

/** ` (did you mean --ha?)` for the closest long flag of `flags` to `arg` (`--hha`, `--hha=1`), or ''. */
export function flagHint(arg: string, flags: FlagTable): string {
  const name = arg.replace(/^-+/, '').replace(/=.*$/, '');
  // A one-letter typo has too many neighbours to guess from.
  if (!arg.startsWith('--') || name.length < 2) return '';
  const best = didYouMean(name, Object.keys(flags));
  return best ? ` (did you mean --${best}?)` : '';
}
