#!/usr/bin/env node
// Launcher: runs the TypeScript CLI through tsx so `meshform` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
