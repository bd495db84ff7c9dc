/**
 * `meshform version [--short] [--client]` (also `meshform --version`): upstream's `Client version:`
 * line with the Linkerd release meshform renders, then meshform's own version. Offline there is no
 * server version to ask for, so `--client` changes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { LINKERD_VERSION } from '../../lib/versions.js';
import type { FlagTable } from '../help.js';
import type { Command } from '../io.js';
import { parseFlags } from '../parse-flags.js';

const VERSION_OPTIONS = {
  short: { type: 'boolean', description: 'print only the Linkerd version' },
  client: { type: 'boolean', description: "print the client's version only (always the case offline)" },
} as const satisfies FlagTable;

/** meshform's package version, from the nearest package.json up (cli/ in a checkout, build/cli/ when built). */
function meshformVersion(): string {
  for (let dir = new URL('.', import.meta.url); dir.pathname !== '/'; dir = new URL('..', dir)) {
    const file = new URL('package.json', dir);
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  }
  return 'unknown';
}

export const version: Command = async (args, io) => {
  const { values } = parseFlags(args, VERSION_OPTIONS);
  io.stdout(values.short ? `${LINKERD_VERSION}\n` : `Client version: ${LINKERD_VERSION}\nmeshform version: ${meshformVersion()}\n`);
  return 0;
};
