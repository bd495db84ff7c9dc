/** `meshform diff`'s default output: plain text for a terminal, one section per phase. */
import { describeRef } from './object-key.js';
import type { ChangedObject, RenderDiff } from './render-diff.js';
import { describeChange } from './show-value.js';
import { anchorText, hasChanges, phaseCounts, summaryLine } from './summary.js';

export interface DiffFormatOptions {
  /** Field changes listed per object before the rest is counted (`… and 12 more fields`). @default 40 */
  readonly maxFields?: number;
}

/** The change lines of one object, capped at `max`. */
export function changeLines(c: ChangedObject, max: number): string[] {
  const lines = c.changes.slice(0, max).map((f) => describeChange(c.ref.kind, f));
  if (c.changes.length > max) lines.push(`… and ${c.changes.length - max} more field${c.changes.length - max === 1 ? '' : 's'}`);
  return lines;
}

export function changedTitle(c: ChangedObject): string {
  const notes = [c.rolls ? 'rolls' : '', c.movedFrom ? `moved from phase ${c.movedFrom}` : ''].filter(Boolean);
  return `${describeRef(c.ref)}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

export function formatDiffText(diff: RenderDiff, opts: DiffFormatOptions = {}): string {
  const max = opts.maxFields ?? 40;
  const lines = [`meshform diff ${diff.before} → ${diff.after}`, summaryLine(diff), ''];
  for (const p of diff.phases) {
    lines.push(`phase ${p.phase}: ${phaseCounts(p)}`);
    if (!hasChanges(p)) continue;
    for (const ref of p.added) lines.push(`  + ${describeRef(ref)}`);
    for (const ref of p.removed) lines.push(`  - ${describeRef(ref)}`);
    for (const c of p.changed) {
      lines.push(`  ~ ${changedTitle(c)}`);
      for (const line of changeLines(c, max)) lines.push(`      ${line}`);
    }
  }
  lines.push('');
  lines.push(diff.rolls.length ? 'workloads that roll:' : 'workloads that roll: none');
  for (const r of diff.rolls) lines.push(`  ${describeRef(r.ref)} (phase ${r.phase})`);
  const trust = diff.trust;
  if (!trust) lines.push('trust anchors: none on either side');
  else if (trust.verdict === 'unchanged') lines.push(`trust anchors: unchanged: ${trust.after.map(anchorText).join('; ')}`);
  else {
    lines.push(`trust anchors: changed (${trust.verdict})`);
    for (const a of trust.added) lines.push(`  + ${anchorText(a)}`);
    for (const a of trust.removed) lines.push(`  - ${anchorText(a)}`);
    for (const a of trust.after.filter((x) => !trust.added.includes(x))) lines.push(`  = ${anchorText(a)}`);
    if (trust.issuerChanged) lines.push('  issuer: changes');
  }
  if (diff.risks.length) {
    lines.push('risks:');
    for (const r of diff.risks) lines.push(`  ${r.severity}: ${r.subject}: ${r.message}`);
  }
  return `${lines.join('\n')}\n`;
}
