// Loads a compiled program of build/cli-bundle/ — `meshform` (the CLI) or `synth` (the default cdk8s
// app): one CommonJS file each, every dependency inlined and each verb initialised only when run —
// with V8's code cache from the build, so a cold start neither resolves hundreds of modules nor
// parses and compiles 2 MB of JavaScript anew. Node 20 has no compile cache for modules
// (module.enableCompileCache is Node 22), hence vm.Script, which takes cachedData. A cache made by
// another Node version is rejected by V8 and the bundle is compiled as usual: slower, never wrong.
// Nothing is written at run time.
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/** The bundle and code cache files of program `name`. */
export function bundleFiles(name) {
  return {
    bundle: fileURLToPath(new URL(`../build/cli-bundle/${name}.cjs`, import.meta.url)),
    codeCache: fileURLToPath(new URL(`../build/cli-bundle/${name}.v8-cache`, import.meta.url)),
  };
}

/** Runs bundle `name`; its exports and its script (`createCachedData()` after a run gives the cache). */
export function loadBundle(name, { codeCache = true } = {}) {
  const files = bundleFiles(name);
  const source = readFileSync(files.bundle, 'utf8');
  let cachedData;
  if (codeCache) {
    try {
      cachedData = readFileSync(files.codeCache);
    } catch {
      // No cache (a build that could not make one): compile as usual.
    }
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: files.bundle,
    cachedData,
    // A real import() of the dependencies left outside the bundle (@viz-js/viz).
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(files.bundle), module, files.bundle, dirname(files.bundle));
  return { exports: module.exports, script };
}

/** The CLI's `main` (and its script). */
export function loadCli(options) {
  const { exports, script } = loadBundle('meshform', options);
  return { main: exports.main, script };
}
