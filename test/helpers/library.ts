// A checklist library as a command would make one, with only what a test cares about given.
import { DEFAULT_MAX_FILE_BYTES } from '../../src/fs/read-file.js';
import { ChecklistLibrary, type LibraryOptions } from '../../src/load/library.js';

export function testLibrary(options: Partial<LibraryOptions> = {}): ChecklistLibrary {
  return new ChecklistLibrary({ dirs: [], inputs: [], cwd: process.cwd(), maxFileBytes: DEFAULT_MAX_FILE_BYTES, ...options });
}
