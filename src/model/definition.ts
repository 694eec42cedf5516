// The one definition of both file formats. The TypeScript types (types.ts), the runtime validator
// (validator.ts) and the shipped schema/*.schema.json files are all derived from these objects;
// test/schema-files.test.ts fails when the shipped files drift from them.
import { Type, type Static, type TSchema, type ObjectOptions, type TProperties } from '@sinclair/typebox';
import {
  AUDIT_STATUSES,
  ID_PATTERN,
  ITEM_METHODS,
  ITEM_TYPES,
  MEASURE_DIRECTIONS,
  MISSING_CELLS,
  SEMVER_PATTERN,
  type SchemaName,
} from './vocabulary.js';

const LANGUAGE_TAG_PATTERN = '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$';
const EXTENSION_KEY_PATTERN = '^x-';

function stringEnum<const T extends readonly string[]>(values: T, options: { description?: string; default?: T[number] } = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

/** Objects refuse unknown keys so typos cannot pass silently; `x-` keys stay free for users' own data. */
function closedObject<T extends TProperties>(properties: T, options: ObjectOptions = {}) {
  return Type.Object(properties, {
    additionalProperties: false,
    patternProperties: { [EXTENSION_KEY_PATTERN]: {} },
    ...options,
  });
}

const Id = Type.String({ pattern: ID_PATTERN, description: 'kebab-case identifier' });
const Version = Type.String({ pattern: SEMVER_PATTERN, description: 'semantic version, e.g. 1.0.0' });
// Bounds far beyond any real checklist, so that sums and differences of weights, scale points and
// measure values stay finite doubles: unbounded, `weight: 1e308` twice made every score NaN.
const MAX_WEIGHT = 1e6;
// Below too: `weight: 5e-324` passed and, beside weights of 1, silently dropped its item from every
// score while the report still listed it. A millionth is already far below any real weighting.
const MIN_WEIGHT = 1e-6;
const MAX_MAGNITUDE = 1e9;
const Weight = Type.Number({
  minimum: MIN_WEIGHT,
  maximum: MAX_WEIGHT,
  description: `relative weight, from ${MIN_WEIGHT} to ${MAX_WEIGHT} (default 1)`,
});
const bounded = (description: string) => Type.Number({ minimum: -MAX_MAGNITUDE, maximum: MAX_MAGNITUDE, description });

const LocalizedMap = Type.Record(Type.String({ pattern: LANGUAGE_TAG_PATTERN }), Type.String(), {
  minProperties: 1,
  additionalProperties: false,
});
// if/then/else rather than anyOf: the validator then reports the one branch that applies, which gives
// the user one precise message instead of a failure per alternative.
export const LocalizedText = Type.Unsafe<string | Static<typeof LocalizedMap>>({
  description: 'a plain string, or a map of language tags (zh-CN, en) to strings',
  if: { type: 'object' },
  then: LocalizedMap,
  else: { type: 'string' },
});

export const Scale = closedObject(
  {
    min: Type.Integer({ minimum: -MAX_MAGNITUDE, maximum: MAX_MAGNITUDE, description: 'lowest point of the scale' }),
    max: Type.Integer({ minimum: -MAX_MAGNITUDE, maximum: MAX_MAGNITUDE, description: 'highest point of the scale' }),
    labels: Type.Optional(
      Type.Record(Type.String({ pattern: '^-?\\d+$' }), LocalizedText, {
        additionalProperties: false,
        description: 'labels of scale points, keyed by the point',
      }),
    ),
  },
  { required: ['min', 'max'] },
);

export const Item = closedObject({
  id: Id,
  text: LocalizedText,
  type: Type.Optional(stringEnum(ITEM_TYPES, { default: 'likert' })),
  method: Type.Optional(stringEnum(ITEM_METHODS, { description: 'how the criterion is checked: observe on the floor, ask staff or customers, read records' })),
  expected: Type.Optional(bounded('likert only: the expected (desired) point, within the scale')),
  adequate: Type.Optional(bounded('likert only: the lowest point customers still accept, within the scale and not above the expectation')),
  scale: Type.Optional(Scale),
  weight: Type.Optional(Weight),
  critical: Type.Optional(Type.Boolean({ description: 'below expectation fails the whole audit' })),
  guidance: Type.Optional(LocalizedText),
  unit: Type.Optional(Type.String({ description: 'measure only: unit shown to the auditor (s, min, %, ...)' })),
  better: Type.Optional(stringEnum(MEASURE_DIRECTIONS, { description: 'measure only: which way is better' })),
  target: Type.Optional(bounded('measure only: at or better than this scores 100')),
  limit: Type.Optional(bounded('measure only: at or worse than this scores 0')),
});

export const Factor = closedObject({
  id: Id,
  title: LocalizedText,
  description: Type.Optional(LocalizedText),
  weight: Type.Optional(Weight),
  items: Type.Array(Item, { minItems: 1 }),
});

export const Section = closedObject({
  id: Id,
  title: LocalizedText,
  description: Type.Optional(LocalizedText),
  weight: Type.Optional(Weight),
  factors: Type.Array(Factor, { minItems: 1 }),
});

export const Checklist = closedObject(
  {
    id: Id,
    version: Version,
    title: LocalizedText,
    description: Type.Optional(LocalizedText),
    scale: Type.Optional(Scale),
    expected: Type.Optional(bounded('default expectation of likert items')),
    adequate: Type.Optional(bounded('default adequate (lowest acceptable) level of likert items, not above the expectation')),
    sections: Type.Array(Section, { minItems: 1 }),
  },
  {
    $id: 'https://svc-audit.dev/schema/checklist.schema.json',
    title: 'svc-audit checklist',
    description: 'Sections (dimensions) → factors → items (observable criteria).',
  },
);

const ResponseValue = Type.Unsafe<number | boolean | string>({ type: ['number', 'boolean', 'string'] });

export const ResponseDetail = closedObject({
  value: Type.Optional(ResponseValue),
  na: Type.Optional(Type.Boolean()),
  expected: Type.Optional(Type.Number({ description: 'likert only: this audit’s expectation' })),
  adequate: Type.Optional(Type.Number({ description: 'likert only: the lowest level this respondent still accepts' })),
  importance: Type.Optional(Type.Number({ description: 'likert only: how much this matters to the respondent, a point on the item’s scale' })),
  note: Type.Optional(Type.String()),
  evidence: Type.Optional(Type.Array(Type.String(), { description: 'file paths or URLs' })),
});

export const Response = Type.Unsafe<Static<typeof ResponseValue> | Static<typeof ResponseDetail>>({
  description: 'a value, `na`, or a map with value (or na: true) and optional expected, adequate, importance, note, evidence',
  if: { type: 'object' },
  then: ResponseDetail,
  else: { type: ['number', 'boolean', 'string'] },
});

export const ChecklistRef = Type.Unsafe<{ id: string; version: string } | string>({
  description: 'the checklist id and version, or a path to a checklist file',
  if: { type: 'object' },
  then: closedObject({ id: Id, version: Version }),
  else: { type: 'string', minLength: 1 },
});

export const Audit = closedObject(
  {
    checklist: ChecklistRef,
    site: Type.String({ minLength: 1 }),
    auditor: Type.String({ minLength: 1 }),
    date: Type.String({ format: 'date', description: 'ISO date of the visit' }),
    status: stringEnum(AUDIT_STATUSES),
    started: Type.Optional(Type.String({ format: 'date-time' })),
    finished: Type.Optional(Type.String({ format: 'date-time' })),
    responses: Type.Record(Type.String({ pattern: ID_PATTERN }), Response, {
      additionalProperties: false,
      description: 'answers keyed by item id',
    }),
  },
  {
    $id: 'https://svc-audit.dev/schema/audit.schema.json',
    title: 'svc-audit audit',
    description: 'One visit to one site against one checklist.',
  },
);

// A column of a survey or spreadsheet export: its header text (compared trimmed, white space
// collapsed) or its 1-based number.
const ColumnRef = Type.Unsafe<string | number>({
  description: 'the header text of a column (compared trimmed, white space collapsed) or its 1-based number',
  if: { type: 'string' },
  then: { type: 'string', minLength: 1 },
  else: { type: 'integer', minimum: 1 },
});
export const Column = closedObject({ column: ColumnRef });

/** A field taken from a column, or a constant written in the map. */
const columnOr = (constant: Record<string, unknown>, description: string) =>
  Type.Unsafe<Static<typeof Column> | string>({ description, if: { type: 'object' }, then: Column, else: { type: 'string', ...constant } });


export const ItemColumns = closedObject(
  {
    value: Column,
    expected: Type.Optional(Column),
    adequate: Type.Optional(Column),
    importance: Type.Optional(Column),
    note: Type.Optional(Column),
  },
  { description: 'where an item’s answer and its optional expected, adequate, importance and note come from' },
);

export const CellValues = Type.Object(
  { na: Type.Optional(Type.Array(Type.String(), { description: 'cell texts that mean not applicable' })) },
  { additionalProperties: Type.Boolean(), description: 'cell texts of check answers: text → true or false; na: texts meaning N/A' },
);

export const SurveyMap = closedObject(
  {
    checklist: ChecklistRef,
    site: columnOr({ minLength: 1 }, 'the site: {column: …} or a constant'),
    auditor: columnOr({ minLength: 1 }, 'who audited (or surveyed): {column: …} or a constant'),
    date: columnOr({ format: 'date' }, 'the date: {column: …} (ISO date or date-time in the cell) or a constant ISO date'),
    missing: Type.Optional(stringEnum(MISSING_CELLS, { description: 'an empty value cell: na (default) or skip (left unanswered; the row is then a draft)', default: 'na' })),
    values: Type.Optional(CellValues),
    items: Type.Record(Type.String({ pattern: ID_PATTERN }), ItemColumns, {
      additionalProperties: false,
      minProperties: 1,
      description: 'the columns of each item, keyed by item id',
    }),
  },
  {
    $id: 'https://svc-audit.dev/schema/map.schema.json',
    title: 'svc-audit survey map',
    description: 'Where each field of the audits made from a survey or spreadsheet export comes from (svc-audit import).',
  },
);

export const SCHEMAS = { checklist: Checklist, audit: Audit, map: SurveyMap } as const satisfies Record<SchemaName, TSchema>;
