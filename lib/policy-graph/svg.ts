/**
 * DOT to SVG with @viz-js/viz (Graphviz compiled to WebAssembly; no system binary). Loaded on first
 * use: the module is a few megabytes and only this output needs it.
 */
import { toDot } from './dot.js';
import type { PolicyGraph } from './model.js';

type Viz = { renderString(dot: string, options: { format: 'svg' }): string };
let viz: Promise<Viz> | undefined;

export async function dotToSvg(dot: string): Promise<string> {
  viz ??= import('@viz-js/viz').then((m) => m.instance() as Promise<Viz>);
  return (await viz).renderString(dot, { format: 'svg' });
}

export async function toSvg(graph: PolicyGraph): Promise<string> {
  return dotToSvg(toDot(graph));
}
