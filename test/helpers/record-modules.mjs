// Preloaded into the CLI by test/e2e/start-up.test.ts (NODE_OPTIONS=--import): writes the URL of every
// module the process (worker threads included) resolves to $MODULES_LOADED_FILE, a line each: those
// it imports, through a resolve hook, and those it require()s (CommonJS packages, and ES modules
// loaded on first use), which the hook does not see on Node 20.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const hooks = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(${JSON.stringify(process.env.MODULES_LOADED_FILE)}, resolved.url + '\\n');
  return resolved;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
appendFileSync(process.env.MODULES_LOADED_FILE, '');

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const resolved = resolveFilename.apply(this, args);
  appendFileSync(process.env.MODULES_LOADED_FILE, `${resolved.startsWith('/') ? pathToFileURL(resolved).href : resolved}\n`);
  return resolved;
};
