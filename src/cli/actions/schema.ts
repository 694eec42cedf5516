import type { SchemaName } from '../../model/vocabulary.js';
import { schemaJson } from '../../model/json-schema.js';
import { EXIT } from '../io.js';
import type { CommandIo } from '../../shared/io.js';

export async function schema(io: CommandIo, kind: SchemaName): Promise<number> {
  io.stdout(schemaJson(kind));
  return EXIT.ok;
}
