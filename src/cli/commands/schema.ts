import type { SchemaName } from '../../schema/definition.js';
import { schemaJson } from '../../schema/json-schema.js';
import { EXIT, type CommandIo } from '../io.js';

export async function schemaCommand(io: CommandIo, kind: SchemaName): Promise<number> {
  io.stdout(schemaJson(kind));
  return EXIT.ok;
}
