/**
 * `podMonitor.controller.namespaceSelector` is a Helm template string: upstream runs `tpl` on it
 * (with the release in scope) and parses the result. meshform supports the one variable it uses.
 */
import { MeshformError } from '../../errors.js';
import { parseYamlDocument } from '../../yaml-input.js';

export function expandNamespaceSelector(template: string, namespace: string): Record<string, unknown> {
  const text = template.replace(/\{\{-?\s*\.Release\.Namespace\s*-?\}\}/g, namespace);
  if (/\{\{/.test(text)) {
    throw new MeshformError('invalid podMonitor values', [
      {
        path: 'podMonitor.controller.namespaceSelector',
        value: template,
        message: 'only the {{ .Release.Namespace }} template variable is supported',
      },
    ]);
  }
  const parsed: unknown = parseYamlDocument(text, 'podMonitor.controller.namespaceSelector');
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}
