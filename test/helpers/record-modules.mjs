// Preloaded into the CLI by test/e2e/start-up.test.ts (NODE_OPTIONS=--import): writes the URL of every
// module the process (worker threads included) resolves to $MODULES_LOADED_FILE, a line each.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';

const hooks = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(${JSON.stringify(process.env.MODULES_LOADED_FILE)}, resolved.url + '\\n');
  return resolved;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
appendFileSync(process.env.MODULES_LOADED_FILE, '');
