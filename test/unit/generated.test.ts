// Everything generated from the definition of the file formats (validators and the shipped JSON
// Schema files) is committed and written only by `npm run generate`; nothing regenerates it before
// the tests. So this fails, with a diff, whenever the definition changed and the files did not.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../../scripts/generate.js';
import { ROOT } from '../helpers/cli.js';

describe('generated files', () => {
  it.each(Object.entries(generatedFiles()))('%s is what the definition generates (run `npm run generate` after changing it)', (file, text) => {
    expect(readFileSync(path.join(ROOT, file), 'utf8')).toEqual(text);
  });

  it('are the validators and the three JSON Schema files', () => {
    expect(Object.keys(generatedFiles()).sort()).toEqual([
      'schema/audit.schema.json',
      'schema/checklist.schema.json',
      'schema/map.schema.json',
      'src/model/generated/validators.ts',
    ]);
  });
});
