/**
 * Whether a diff changes the trust anchors, and whether running proxies survive it. The trust state
 * of each side is read the way `meshform upgrade` reads a deployed install (ConfigMap
 * `linkerd-identity-trust-roots` `ca-bundle.crt` and the issuer Secret, or cert-manager's Bundle and
 * Certificate; else `linkerd-config`'s `identityTrustAnchorsPEM`), and the change is judged by the
 * rotation check `meshform upgrade` and the synth guard run: safe while the new bundle keeps every old
 * anchor the deployed issuer chains to and the new issuer chains to an anchor proxies already trust.
 * Anchors are named by subject, serial and SHA-256 fingerprint, never by their PEM.
 */
import type { Finding } from '../identity/check.js';
import { CONFIG_MAP } from '../identity/previous-install.js';
import { checkRotationStep, trustStateFromPem, type TrustAnchorRef, type TrustState } from '../identity/rotation.js';
import { findObject, trustStateFromManifests } from '../identity/trust-state-manifests.js';
import { parseYamlDocument } from '../yaml-input.js';

/** `unchanged`; `safe`; `needs-care` (a legitimate rotation step with an instruction); `unsafe` (proxies would reject certificates). */
export type TrustVerdict = 'unchanged' | 'safe' | 'needs-care' | 'unsafe';

export interface TrustChange {
  /** The anchors before (empty when the old side carries none). */
  readonly before: readonly TrustAnchorRef[];
  readonly after: readonly TrustAnchorRef[];
  readonly added: readonly TrustAnchorRef[];
  readonly removed: readonly TrustAnchorRef[];
  /** The identity issuer certificate changes (a new issuer, or a different cert-manager Certificate). */
  readonly issuerChanged: boolean;
  /** The rotation checks' warnings and errors (empty when unchanged or clean). */
  readonly findings: readonly Finding[];
  readonly verdict: TrustVerdict;
}

/** The trust a side deploys: the trust-roots objects, else the values dump in `linkerd-config`. */
export function sideTrustState(objects: readonly unknown[]): TrustState | undefined {
  const fromObjects = trustStateFromManifests(objects);
  if (fromObjects) return fromObjects;
  const config = findObject(objects, 'ConfigMap', CONFIG_MAP);
  const dumpText = (config?.data as Record<string, unknown> | undefined)?.values;
  if (typeof dumpText !== 'string') return undefined;
  const dump = parseYamlDocument(dumpText, `ConfigMap ${CONFIG_MAP} data.values`) as Record<string, unknown> | null;
  const anchors = dump?.identityTrustAnchorsPEM;
  return typeof anchors === 'string' && anchors.trim() ? trustStateFromPem(anchors) : undefined;
}

/** The trust-anchor change from `before` to `after` objects; undefined when neither side carries anchors. */
export function trustChange(beforeObjects: readonly unknown[], afterObjects: readonly unknown[]): TrustChange | undefined {
  const before = sideTrustState(beforeObjects);
  const after = sideTrustState(afterObjects);
  if (!before && !after) return undefined;
  const beforeAnchors = before?.anchors ?? [];
  const afterAnchors = after?.anchors ?? [];
  const added = afterAnchors.filter((a) => !beforeAnchors.some((b) => b.id === a.id));
  const removed = beforeAnchors.filter((b) => !afterAnchors.some((a) => a.id === b.id));
  const issuerChanged = before?.issuer?.id !== after?.issuer?.id;
  const base = { before: beforeAnchors, after: afterAnchors, added, removed, issuerChanged };
  if (!added.length && !removed.length && !issuerChanged && before?.mode === after?.mode) return { ...base, findings: [], verdict: 'unchanged' };
  if (!after) {
    const finding: Finding = {
      category: 'linkerd-identity',
      check: 'trust-anchor rotation: the new side carries the trust anchors',
      severity: 'warning',
      message: 'the new side has no trust anchors (no linkerd-identity-trust-roots, no identityTrustAnchorsPEM): make sure whatever manages them now keeps every anchor the running proxies trust',
    };
    return { ...base, findings: [finding], verdict: 'needs-care' };
  }
  const findings = checkRotationStep(before, after).filter((f) => f.severity !== 'ok');
  const verdict = findings.some((f) => f.severity === 'error') ? 'unsafe' : findings.length ? 'needs-care' : 'safe';
  return { ...base, findings, verdict };
}
