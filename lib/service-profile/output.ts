/**
 * Output as `linkerd profile` prints it. YAML: sigs.k8s.io/yaml's `Marshal` (JSON first, then go-yaml
 * v2), so keys are sorted, sequences are not indented under their key, no `---`, and strings are
 * quoted as go-yaml v2 quotes them: double quotes when YAML 1.1 would read the plain text as
 * something else (`"true"`, `"yes"`, `"123"`, `"1:20"`), single quotes when a plain scalar cannot
 * hold the text (`'*x'`, `'a: b'`). JSON: Go's `json.Marshal` of the same maps, compact, keys sorted,
 * `<`, `>` and `&` escaped.
 */
import { Document, isScalar, visit, type Scalar } from 'yaml';
import { toJsonStream } from '../manifest.js';

/** Plain strings YAML 1.1 (go-yaml v2's resolver) reads as booleans, null, numbers or a merge key. */
const YAML11_BOOL_NULL =
  /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL|<<)$/;
const YAML11_NUMBER =
  /^[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|\.[0-9_]+([eE][-+]?[0-9]+)?|\.(inf|Inf|INF)|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)$|^\.(nan|NaN|NAN)$/;

/** go-yaml v2's emitter analysis: may `text` be written as a plain scalar in block context? */
function plainAllowed(text: string): boolean {
  if (text === '' || /^\s|\s$/.test(text)) return false;
  if (/^(---|\.\.\.)/.test(text)) return false;
  if (/[\n\r\t\u0000-\u001f\u007f]/.test(text)) return false;
  if (/^[#,[\]{}&*!|>'"%@`]/.test(text)) return false;
  if (/^[-?:](\s|$)/.test(text)) return false;
  return !/:(\s|$)|\s#/.test(text);
}

function styleOf(text: string): Scalar.Type {
  if (text === '' || YAML11_BOOL_NULL.test(text) || YAML11_NUMBER.test(text)) return 'QUOTE_DOUBLE';
  if (plainAllowed(text)) return 'PLAIN';
  return /[\u0000-\u001f\u007f]/.test(text) ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
}

/** `value` as sigs.k8s.io/yaml's Marshal writes it. */
export function formatProfileYaml(value: unknown): string {
  const doc = new Document(value, { sortMapEntries: true });
  visit(doc, {
    Scalar(key, node) {
      if (typeof node.value === 'string' && key !== 'key') node.type = styleOf(node.value);
    },
    Pair(_, pair) {
      if (isScalar(pair.key)) pair.key.type = 'PLAIN';
    },
  });
  return doc.toString({ indentSeq: false, lineWidth: 0 });
}

/** `value` as Go's json.Marshal writes the maps of a YAML-to-JSON conversion, with a newline. */
export function formatProfileJson(value: unknown): string {
  return toJsonStream([value]).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
