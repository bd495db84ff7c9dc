/**
 * User-facing errors. Every check collects all of its findings before failing, so a user fixes a
 * values file in one pass; each finding names the key path, the offending value and what is allowed.
 */

/** One problem with the user's input. */
export interface ValidationIssue {
  /** Dotted key path in upstream's value tree, e.g. `proxy.ports.admin` or `controllers[0].link.ref.name`. */
  readonly path: string;
  /** The value that was given (undefined when a required value is missing). */
  readonly value: unknown;
  /** What is wrong and what is allowed, e.g. `must be an integer between 1 and 65535`. */
  readonly message: string;
}

/** Thrown for bad user input; the CLI prints `format()` and exits 1 without a stack trace. */
export class MeshformError extends Error {
  readonly issues: readonly ValidationIssue[];

  constructor(summary: string, issues: readonly ValidationIssue[] = []) {
    super(issues.length ? `${summary}\n${issues.map(formatIssue).join('\n')}` : summary);
    this.name = 'MeshformError';
    this.issues = issues;
  }
}

export function formatIssue(issue: ValidationIssue): string {
  const shown = issue.value === undefined ? '' : isSecretField(issue.path) ? ` (${describeType(issue.value)})` : ` = ${describeValue(issue.value)}`;
  return `  - ${issue.path || '(root)'}${shown}: ${issue.message}`;
}

/**
 * Fields holding certificates or private keys (`crtPEM`, `keyPEM`, `identityTrustAnchorsPEM`,
 * `caBundle`, Secret `tls.key` ...): a message shows their type, never their contents.
 */
export function isSecretField(path: string): boolean {
  return /(PEM|caBundle|privateKey|(^|\.)(tls|ca)\\?\.(crt|key)|(key|crt)\\?\.pem)(\[\d+\])?$/i.test(path);
}

function describeType(value: unknown): string {
  if (typeof value === 'string') return `a string of ${value.length} characters, not shown`;
  if (value === null) return 'null';
  return Array.isArray(value) ? 'a list, not shown' : `${typeof value === 'object' ? 'a map' : `a ${typeof value}`}, not shown`;
}

function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Accumulates issues; `throwIfAny` raises them all at once. */
export class IssueCollector {
  private readonly found: ValidationIssue[] = [];

  add(path: string, value: unknown, message: string): void {
    this.found.push({ path, value, message });
  }

  /** Runs a check that returns an error message (or undefined) and records it under `path`. */
  check(path: string, value: unknown, problem: string | undefined): void {
    if (problem !== undefined) this.add(path, value, problem);
  }

  addAll(issues: readonly ValidationIssue[]): void {
    this.found.push(...issues);
  }

  get issues(): readonly ValidationIssue[] {
    return this.found;
  }

  throwIfAny(summary: string): void {
    if (this.found.length) {
      const n = this.found.length;
      throw new MeshformError(`${summary}: ${n} problem${n === 1 ? '' : 's'}`, this.found);
    }
  }
}

/** Joins a parent path and a key the way users write `--set` keys. */
export function joinPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const part = key.includes('.') ? key.replace(/\./g, '\\.') : key;
  return parent ? `${parent}.${part}` : part;
}
