/**
 * A port number as Kubernetes takes it everywhere (Service, container and route ports): one rule and
 * one message for every layer.
 */

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

/** A port number's problem, for `IssueCollector.check`: undefined for an integer from 1 to 65535. */
export function portNumberProblem(value: unknown): string | undefined {
  return Number.isInteger(value) && (value as number) >= MIN_PORT && (value as number) <= MAX_PORT
    ? undefined
    : `must be a port number between ${MIN_PORT} and ${MAX_PORT}`;
}
