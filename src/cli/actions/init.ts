import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ID_PATTERN } from '../../model/vocabulary.js';
import { SCHEMA_FILES } from '../../model/json-schema.js';
import { t } from '../../shared/lang.js';
import { plainLine } from '../../shared/plain-text.js';
import { writeFileAtomic } from '../../fs/atomic-write.js';
import { checkOutputPath } from '../../fs/output-path.js';
import { describeWriteError, FileExistsError } from '../../shared/write-errors.js';
import { libraryFor } from '../../load/library.js';
import { checklistArgument } from '../checklist-argument.js';
import type { InitOptions } from '../commands/init.js';
import { EXIT } from '../io.js';
import { checklistCopy } from './init-template.js';
import { UserError } from '../../shared/user-error.js';
import type { CommandIo } from '../../shared/io.js';

const PACKAGED_SCHEMA = fileURLToPath(new URL(`../../../${SCHEMA_FILES.checklist}`, import.meta.url));

export async function init(io: CommandIo, id: string, options: InitOptions): Promise<number> {
  if (!new RegExp(ID_PATTERN).test(id)) {
    throw new UserError(t(io.lang, `标识 “${id}” 须为 kebab-case,如 my-store-checklist`, `id "${id}" must be kebab-case, e.g. my-store-checklist`));
  }
  const template = await checklistArgument(io, libraryFor(io, options.checklists), options.from);
  const target = path.resolve(io.cwd, options.out ?? path.join('checklists', `${id}.yaml`));
  const shown = plainLine(path.relative(io.cwd, target) || target);
  checkOutputPath(options.out ?? target, [template.file], io);
  // The editor resolves this relative to the new file; it points at the schema this very install ships.
  const schemaRef = path.relative(path.dirname(target), PACKAGED_SCHEMA).split(path.sep).join('/');
  const contents = checklistCopy(await readFile(template.file, 'utf8'), template.checklist, { id, schemaRef });
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFileAtomic(target, contents, { overwrite: false });
  } catch (error) {
    if (error instanceof FileExistsError) {
      throw new UserError(t(io.lang, `${shown} 已存在,不会覆盖;请换一个标识或用 --out 指定其他文件`, `${shown} already exists and is never overwritten; choose another id or --out FILE`));
    }
    throw new UserError(describeWriteError(error, shown, io.lang));
  }
  io.stdout(
    t(
      io.lang,
      `已创建 ${shown}(基于 ${template.checklist.id})\n编辑后运行:svc-audit validate ${shown}\n`,
      `created ${shown} (from ${template.checklist.id})\nedit it, then run: svc-audit validate ${shown}\n`,
    ),
  );
  return EXIT.ok;
}
