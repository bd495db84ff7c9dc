/** The policy graph (lib/policy-graph) of every ApiObject under a construct: a chart, or the whole app. */
import type { IConstruct } from 'constructs';
import { renderPolicyGraph, type PolicyGraphFormat, type PolicyGraphOptions } from '../lib/policy-graph/index.js';
import { collectObjects } from './traffic-check.js';

/** Who may call whom among the objects under `scope`, as DOT, Mermaid or SVG. */
export async function policyGraph(scope: IConstruct, format: PolicyGraphFormat = 'dot', options: PolicyGraphOptions = {}): Promise<string> {
  return renderPolicyGraph(collectObjects(scope).objects, format, options);
}
