/** The words both output formats share: counts, the verdict, how anchors are named. */
import type { TrustAnchorRef } from '../identity/rotation.js';
import type { DiffVerdict, PhaseDiff, RenderDiff } from './render-diff.js';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export const VERDICT_WORDS: Readonly<Record<DiffVerdict, string>> = {
  identical: 'no differences',
  safe: 'safe',
  'needs-care': 'needs care (see the risks)',
  unsafe: 'UNSAFE (see the risks)',
};

/** `2 added, 7 changed, 25 unchanged` (zero counts left out, except when nothing is there at all). */
export function phaseCounts(p: PhaseDiff): string {
  const parts = [
    p.added.length ? `${p.added.length} added` : '',
    p.removed.length ? `${p.removed.length} removed` : '',
    p.changed.length ? `${p.changed.length} changed` : '',
    p.unchanged ? `${p.unchanged} unchanged` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no objects';
}

export function hasChanges(p: PhaseDiff): boolean {
  return p.added.length + p.removed.length + p.changed.length > 0;
}

/** The one-line summary: counts, rolls, trust anchors, verdict. */
export function summaryLine(diff: RenderDiff): string {
  const sum = (pick: (p: PhaseDiff) => number) => diff.phases.reduce((n, p) => n + pick(p), 0);
  const changedPhases = diff.phases.filter(hasChanges).length;
  const trust = !diff.trust
    ? 'no trust anchors on either side'
    : diff.trust.verdict === 'unchanged'
      ? 'trust anchors unchanged'
      : `trust anchors change (${plural(diff.trust.added.length, 'added', 'added')}, ${plural(diff.trust.removed.length, 'removed', 'removed')}${diff.trust.issuerChanged ? ', new issuer' : ''})`;
  return [
    `${sum((p) => p.added.length)} added, ${sum((p) => p.removed.length)} removed, ${sum((p) => p.changed.length)} changed in ${changedPhases} of ${plural(diff.phases.length, 'phase')}`,
    `${plural(diff.rolls.length, 'workload rolls', 'workloads roll')}`,
    trust,
    `verdict: ${VERDICT_WORDS[diff.verdict]}`,
  ].join('; ');
}

/** `identity.linkerd.cluster.local, serial 3F… (sha256:9a…)`: subject, serial and fingerprint; never PEM. */
export function anchorText(anchor: TrustAnchorRef): string {
  return anchor.id.startsWith('sha256:') ? `${anchor.label} (${anchor.id})` : anchor.label;
}
