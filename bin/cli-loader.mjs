// Loads the compiled CLI (build/cli-bundle/meshform.cjs: one CommonJS file, every dependency inlined
// and each verb initialised only when run) with V8's code cache from the build, so a cold
// `meshform` neither resolves hundreds of modules nor parses and compiles 2 MB of JavaScript anew.
// Node 20 has no compile cache for modules (module.enableCompileCache is Node 22), hence vm.Script,
// which takes cachedData. A cache made by another Node version is rejected by V8 and the bundle is
// compiled as usual: slower, never wrong. Nothing is written at run time.
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export const CLI_BUNDLE = fileURLToPath(new URL('../build/cli-bundle/meshform.cjs', import.meta.url));
export const CLI_CODE_CACHE = fileURLToPath(new URL('../build/cli-bundle/meshform.v8-cache', import.meta.url));

/** The bundle's exports (`main`) and its script (`createCachedData()` after a run gives the cache). */
export function loadCli({ codeCache = true } = {}) {
  const source = readFileSync(CLI_BUNDLE, 'utf8');
  let cachedData;
  if (codeCache) {
    try {
      cachedData = readFileSync(CLI_CODE_CACHE);
    } catch {
      // No cache (a build that could not make one): compile as usual.
    }
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: CLI_BUNDLE,
    cachedData,
    // A real import() of the dependencies left outside the bundle (@viz-js/viz).
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(CLI_BUNDLE), module, CLI_BUNDLE, dirname(CLI_BUNDLE));
  return { main: module.exports.main, script };
}
