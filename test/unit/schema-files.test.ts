// The shipped schema files are generated from src/schema/definition.ts; this fails when they drift.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILES, schemaJson } from '../../src/schema/json-schema.js';
import { ROOT } from '../helpers/cli.js';

describe('shipped JSON Schema files', () => {
  it.each(Object.entries(SCHEMA_FILES))('%s matches the definition (run `npm run schema:write` after changing it)', (name, file) => {
    const shipped = readFileSync(path.join(ROOT, file), 'utf8');
    expect(shipped).toBe(schemaJson(name as keyof typeof SCHEMA_FILES));
  });
});
