/** Paths to route regexes exactly as upstream's generator writes them (`pkg/profiles/profiles.go`). */

/** Go's `regexp.QuoteMeta`: a backslash before each of `\.+*?()|[]{}^$`; `/` and `-` stay. */
export function quoteMeta(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** `PathToRegex`: QuoteMeta, then every (escaped) `{param}` becomes `[^/]*`: `/books/{id}.json` → `/books/[^/]*\.json`. */
export function pathToRegex(path: string): string {
  return quoteMeta(path).replace(/\\\{[^}]*\\\}/g, '[^/]*');
}
