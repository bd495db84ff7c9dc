/** `meshform diff --format markdown`: for a pull request — a heading per phase, a table of objects. */
import { describeRef } from './object-key.js';
import type { RenderDiff } from './render-diff.js';
import { changeLines, type DiffFormatOptions } from './format-text.js';
import { anchorText, hasChanges, phaseCounts, summaryLine } from './summary.js';

/** Text inside a table cell's code span: no pipe breaks the row, no backtick ends the span. */
function code(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

export function formatDiffMarkdown(diff: RenderDiff, opts: DiffFormatOptions = {}): string {
  const max = opts.maxFields ?? 40;
  const out = [`## meshform diff ${code(diff.before)} → ${code(diff.after)}`, '', `**${summaryLine(diff)}**`, ''];
  const quiet = diff.phases.filter((p) => !hasChanges(p));
  for (const p of diff.phases.filter(hasChanges)) {
    out.push(`### Phase ${code(p.phase)}: ${phaseCounts(p)}`, '', '| | Object | Fields |', '|---|---|---|');
    for (const ref of p.added) out.push(`| added | ${code(describeRef(ref))} | |`);
    for (const ref of p.removed) out.push(`| removed | ${code(describeRef(ref))} | |`);
    for (const c of p.changed) {
      const what = ['changed', c.rolls ? 'rolls' : '', c.movedFrom ? `moved from ${c.movedFrom}` : ''].filter(Boolean).join(', ');
      out.push(`| ${what} | ${code(describeRef(c.ref))} | ${changeLines(c, max).map(code).join('<br>')} |`);
    }
    out.push('');
  }
  if (quiet.length) out.push(`Phases without changes: ${quiet.map((p) => `${code(p.phase)} (${phaseCounts(p)})`).join(', ')}`, '');
  out.push('### Workloads that roll', '');
  if (diff.rolls.length) for (const r of diff.rolls) out.push(`- ${code(describeRef(r.ref))} (phase ${code(r.phase)})`);
  else out.push('None.');
  out.push('', '### Trust anchors', '');
  const trust = diff.trust;
  if (!trust) out.push('None on either side.');
  else if (trust.verdict === 'unchanged') out.push(`Unchanged: ${trust.after.map((a) => code(anchorText(a))).join(', ')}`);
  else {
    out.push(`Changed (**${trust.verdict}**)${trust.issuerChanged ? '; the issuer changes' : ''}.`, '', '| | Anchor |', '|---|---|');
    for (const a of trust.added) out.push(`| added | ${code(anchorText(a))} |`);
    for (const a of trust.removed) out.push(`| removed | ${code(anchorText(a))} |`);
    for (const a of trust.after.filter((x) => !trust.added.includes(x))) out.push(`| kept | ${code(anchorText(a))} |`);
  }
  if (diff.risks.length) {
    out.push('', '### Risks', '');
    for (const r of diff.risks) out.push(`- **${r.severity}** ${code(r.subject)}: ${r.message}`);
  }
  return `${out.join('\n')}\n`;
}
