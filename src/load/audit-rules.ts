// An audit checked against its checklist: the checklist exists in a compatible version, every answer
// belongs to an item and fits its type and range, and a complete audit leaves no scored item open.
import { RATINGS } from '../model/vocabulary.js';
import path from 'node:path';
import { itemScale, itemsById, itemsOf } from '../model/checklist.js';
import { isScored, typeOf, typesAllowing } from '../model/item-types/index.js';
import type { ItemProblem } from '../model/item-types/item-type.js';
import { adequateProblem, expectedProblem } from '../model/item-types/likert.js';
import { isAnswered, NA, responseTo, toAnswer, type Answer } from '../model/responses.js';
import type { Finding, FindingParams } from '../shared/findings.js';
import type { Audit, Checklist, Item } from '../model/types.js';
import type { ChecklistLibrary } from './library.js';
import type { LoadedAudit, LoadedChecklist } from './loaded.js';
import { findingOf, type DataPath, type SourceDocument } from '../yaml/source.js';

/** The checklist a file names at its `checklist` key (an id and version, or a path relative to the file). */
export async function resolveChecklist(
  source: SourceDocument,
  reference: Audit['checklist'],
  library: ChecklistLibrary,
): Promise<{ checklist?: LoadedChecklist; finding?: Finding }> {
  const lookup =
    typeof reference === 'string'
      ? await library.byReference(reference, path.dirname(path.resolve(source.file)))
      : await library.byId(reference.id, reference.version);
  if (lookup.found) return { checklist: lookup.found };
  if (typeof reference !== 'string' && lookup.versions.length > 0) {
    return {
      finding: findingOf(source, ['checklist', 'version'], 'version-mismatch', {
        id: reference.id,
        wanted: reference.version,
        found: lookup.versions,
      }),
    };
  }
  const problem = lookup.invalid?.[0];
  if (typeof reference === 'string' && problem) {
    // What is wrong with the checklist is worded by the finding's own message, placed here by its code.
    const relative = path.relative(library.options.cwd, problem.file);
    const first = `${relative === '' || relative.startsWith('..') ? problem.file : relative}:${problem.line}:${problem.column}`;
    return { finding: findingOf(source, ['checklist'], 'checklist-invalid', { checklist: reference, first, problem: problem.code }) };
  }
  const name = typeof reference === 'string' ? reference : `${reference.id} ${reference.version}`;
  const searched = lookup.searched.map((place) => path.relative(library.options.cwd, place) || '.');
  return { finding: findingOf(source, ['checklist'], 'checklist-not-found', { checklist: name, searched }) };
}

/** What an answer to `item` must look like, as the parameters of a bad-value finding. */
function answerShape(item: Item, checklist: Checklist): FindingParams {
  const scale = itemScale(item, checklist);
  return { type: typeOf(item).name, min: scale?.min ?? '', max: scale?.max ?? '', unit: item.unit ?? '' };
}

function checkResponse(
  source: SourceDocument,
  checklist: Checklist,
  item: Item,
  responsePath: DataPath,
  response: Audit['responses'][string],
  findings: Finding[],
): void {
  const answer = toAnswer(response);
  const detailed = typeof response === 'object';
  const valuePath = detailed ? [...responsePath, 'value'] : responsePath;
  if (detailed && response.na === true && response.value !== undefined && response.value !== NA) {
    findings.push(findingOf(source, responsePath, 'na-with-value'));
  } else if (answer.value !== undefined && !typeOf(item).fits(item, checklist, answer.value)) {
    findings.push(
      findingOf(source, valuePath, 'bad-value', { item: item.id, value: String(answer.value), ...answerShape(item, checklist) }),
    );
  }
  checkRatings(source, checklist, item, responsePath, answer, findings);
}

/** A response's own expected, adequate and importance: likert only, on the item's scale, adequate not above the expectation. */
function checkRatings(
  source: SourceDocument,
  checklist: Checklist,
  item: Item,
  responsePath: DataPath,
  answer: Answer,
  findings: Finding[],
): void {
  const given = RATINGS.filter((key) => answer[key] !== undefined);
  if (given.length === 0) return;
  const scale = itemScale(item, checklist);
  const types = typesAllowing('expected') ?? [];
  if (!types.includes(typeOf(item).name) || !scale) {
    for (const key of given) {
      findings.push(findingOf(source, [...responsePath, key], 'key-not-for-type', { key, type: typeOf(item).name, types }, 'key'));
    }
    return;
  }
  const place = (problems: readonly ItemProblem[]) => {
    for (const problem of problems) findings.push(findingOf(source, [...responsePath, ...problem.path], problem.code, problem.params));
  };
  const expectedOutside = expectedProblem(answer.expected, scale, ['expected']);
  place(expectedOutside);
  if (expectedOutside.length > 0) return;
  const { importance } = answer;
  if (importance !== undefined && !(Number.isInteger(importance) && importance >= scale.min && importance <= scale.max)) {
    findings.push(findingOf(source, [...responsePath, 'importance'], 'importance-not-on-scale', { value: importance, min: scale.min, max: scale.max }));
  }
  // The levels that apply to this response, each its own or inherited from the item and the checklist;
  // inherited ones alone were checked with the checklist.
  if (answer.adequate === undefined && answer.expected === undefined) return;
  const adequate = answer.adequate ?? item.adequate ?? checklist.adequate;
  const expected = answer.expected ?? item.expected ?? checklist.expected;
  place(adequateProblem(adequate, expected, scale, [answer.adequate === undefined ? 'expected' : 'adequate']));
}

/**
 * The checklist a file names, and each entry under `key` (an audit's responses, a map's items) with
 * the item it is for, handed to `check`; an entry for no item is an `unknown-item` finding.
 */
export async function checkEntriesAgainstChecklist<T>(
  source: SourceDocument,
  reference: Audit['checklist'],
  library: ChecklistLibrary,
  key: string,
  entries: Record<string, T>,
  check: (checklist: Checklist, item: Item, path: DataPath, entry: T, findings: Finding[]) => void,
): Promise<{ findings: Finding[]; checklist?: LoadedChecklist }> {
  const resolved = await resolveChecklist(source, reference, library);
  if (!resolved.checklist) return { findings: resolved.finding ? [resolved.finding] : [] };
  const { checklist } = resolved.checklist;
  const items = itemsById(checklist);
  const findings: Finding[] = [];
  for (const [id, entry] of Object.entries(entries)) {
    const path = [key, id];
    const item = items.get(id);
    if (!item) findings.push(findingOf(source, path, 'unknown-item', { item: id, checklist: checklist.id }, 'key'));
    else check(checklist, item, path, entry, findings);
  }
  return { findings, checklist: resolved.checklist };
}

export async function checkAuditRules(
  source: SourceDocument,
  audit: Audit,
  library: ChecklistLibrary,
): Promise<{ findings: Finding[]; audit?: LoadedAudit }> {
  const checked = await checkEntriesAgainstChecklist(source, audit.checklist, library, 'responses', audit.responses, (checklist, item, path, response, findings) =>
    checkResponse(source, checklist, item, path, response, findings),
  );
  const { findings, checklist: loaded } = checked;
  if (!loaded) return { findings };
  if (audit.status === 'complete') {
    const answered = (id: string) => {
      const response = responseTo(audit, id);
      return response !== undefined && isAnswered(toAnswer(response));
    };
    const unanswered = [...itemsOf(loaded.checklist)].filter((item) => isScored(item) && !answered(item.id)).map((item) => item.id);
    if (unanswered.length > 0) findings.push(findingOf(source, ['responses'], 'unanswered', { items: unanswered }, 'key'));
  }
  if (findings.length > 0) return { findings };
  return { findings, audit: { file: source.file, audit, checklist: loaded } };
}
