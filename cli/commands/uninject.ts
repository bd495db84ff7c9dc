/** `meshform uninject FILE|DIR|-`: removes Linkerd's injection from a manifest (the reverse of inject). */
import { formatUninjectReport, serializeManifestStream, uninjectManifest } from '../../lib/inject/index.js';
import { UsageError, type Command } from '../io.js';
import { readManifestInput } from './inject.js';
import { parseArgs } from 'node:util';

export const uninject: Command = async (args, io) => {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args: [...args], options: {}, allowPositionals: true, strict: true }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const docs = await readManifestInput(positionals, io);
  const { documents, reports } = uninjectManifest(docs);
  io.stdout(serializeManifestStream(documents));
  io.stderr(formatUninjectReport(reports));
  return 0;
};
