/**
 * The chart half of `printChart` (render.ts), loaded only when a verb prints a chart: the verbs that
 * print without one (inject, uninject, reference) then start without cdk8s.
 */
import { App, type Chart } from 'cdk8s';
import type { KubeObject } from '../lib/manifest.js';
import { chartObjects } from '../constructs/kube-object.js';

/** Builds one chart in a fresh in-memory app; its objects. */
export function chartOutput(build: (app: App) => Chart): KubeObject[] {
  return chartObjects(build(new App()));
}
