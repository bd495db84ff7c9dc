/** `meshform uninject FILE|DIR|-`: removes Linkerd's injection from a manifest (the reverse of inject). */
import { formatUninjectReport, serializeManifestStream, uninjectManifest } from '../../lib/inject/index.js';
import type { Command } from '../io.js';
import { parseFlags } from '../parse-flags.js';
import { formatObjects, OUTPUT_OPTION, outputFormat } from '../render.js';
import { readManifestInput } from './inject.js';

export const uninject: Command = async (args, io) => {
  const { values, positionals } = parseFlags(args, OUTPUT_OPTION, true);
  const format = outputFormat(values);
  const docs = await readManifestInput(positionals, io);
  const { documents, reports } = uninjectManifest(docs);
  io.stdout(format === 'json' ? formatObjects(documents, 'json') : serializeManifestStream(documents));
  io.stderr(formatUninjectReport(reports));
  return 0;
};
