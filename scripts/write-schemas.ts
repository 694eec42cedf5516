// Regenerates schema/*.schema.json from src/schema/definition.ts (npm run schema:write).
import { writeFile } from 'node:fs/promises';
import { SCHEMA_FILES, schemaJson } from '../src/schema/json-schema.js';

for (const [name, file] of Object.entries(SCHEMA_FILES) as [keyof typeof SCHEMA_FILES, string][]) {
  await writeFile(new URL(`../${file}`, import.meta.url), schemaJson(name));
  console.log(`wrote ${file}`);
}
