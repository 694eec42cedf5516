// The JSON Schema files as shipped in schema/ and printed by `svc-audit schema`.
import { SCHEMAS } from './definition.js';
import type { SchemaName } from './vocabulary.js';

export const SCHEMA_FILES: Record<SchemaName, string> = {
  checklist: 'schema/checklist.schema.json',
  audit: 'schema/audit.schema.json',
  map: 'schema/map.schema.json',
};

export function schemaJson(name: SchemaName): string {
  return `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...SCHEMAS[name] }, null, 2)}\n`;
}
