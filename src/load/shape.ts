// The runtime shape check: the JSON Schemas of model/definition.ts, compiled by ajv into plain
// functions (model/generated/validators.ts, made by scripts/generate.ts), with ajv's errors turned
// into findings that point at the offending YAML node. Neither TypeBox nor ajv is loaded at run time.
import type { ErrorObject } from 'ajv';
import type { Finding } from '../shared/findings.js';
import { findingOf, type DataPath, type SourceDocument } from '../yaml/source.js';
import type { SchemaName } from '../model/vocabulary.js';
import * as precompiled from '../model/generated/validators.js';
import type { Audit, Checklist, SurveyMap } from '../model/types.js';

const { ID_PATTERN, SEMVER_PATTERN } = precompiled;
/** What an ajv standalone validator is to its callers: a test, and the errors of the last call. */
type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

const VALIDATORS: Record<SchemaName, Validator> = { checklist: precompiled.checklist, audit: precompiled.audit, map: precompiled.map };

/** What each schema describes, once a document passed it. */
interface SchemaData {
  checklist: Checklist;
  audit: Audit;
  map: SurveyMap;
}

function pathOf(instancePath: string): PathSegment[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((raw) => {
      const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
      return /^\d+$/.test(segment) ? Number(segment) : segment;
    });
}
type PathSegment = DataPath[number];

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'map';
  // ajv refuses .inf, .nan and 1e400 as numbers; calling them "a number" would contradict the message.
  if (typeof value === 'number' && !Number.isFinite(value)) return 'non-finite';
  return typeof value;
}

function allowedKeys(schema: Record<string, unknown>): string[] {
  const named = Object.keys((schema.properties as object | undefined) ?? {});
  const patterns = Object.keys((schema.patternProperties as object | undefined) ?? {});
  return [...named, ...patterns.map((pattern) => (pattern === '^x-' ? 'x-…' : `/${pattern}/`))];
}

function toFinding(source: SourceDocument, error: ErrorObject): Finding | undefined {
  const path = pathOf(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const parentSchema = (error.parentSchema ?? {}) as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return findingOf(source, path, 'missing-key', { key: String(params.missingProperty) });
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      return findingOf(source, [...path, key], 'unknown-key', { key, allowed: allowedKeys(parentSchema) }, 'key');
    }
    case 'type': {
      const expected = Array.isArray(params.type) ? params.type.map(String) : [String(params.type)];
      return findingOf(source, path, 'wrong-type', { expected, actual: typeName(error.data) });
    }
    case 'enum':
      return findingOf(source, path, 'not-allowed', {
        value: String(error.data),
        allowed: (params.allowedValues as unknown[]).map(String),
      });
    case 'pattern':
      if (params.pattern === ID_PATTERN) return findingOf(source, path, 'bad-id', { value: String(error.data) });
      if (params.pattern === SEMVER_PATTERN) return findingOf(source, path, 'bad-version', { value: String(error.data) });
      return findingOf(source, path, 'bad-format', { value: String(error.data), pattern: String(params.pattern) });
    case 'format':
      return findingOf(source, path, 'bad-date', { value: String(error.data), format: String(params.format) });
    case 'exclusiveMinimum':
    case 'minimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return findingOf(source, path, 'out-of-range', {
        value: String(error.data),
        comparison: String(params.comparison),
        limit: Number(params.limit),
      });
    case 'minItems':
    case 'minProperties':
    case 'minLength':
      return findingOf(source, path, 'empty');
    case 'if':
      // ajv adds "must match then schema" beside the branch's own, more precise, errors.
      return undefined;
    default:
      return findingOf(source, path, 'bad-format', { value: String(error.data), pattern: error.message ?? error.keyword });
  }
}

/** Checks the shape of a parsed file; the data is typed only when there are no findings. */
export function checkShape<N extends SchemaName>(
  source: SourceDocument,
  schema: N,
): { findings: Finding[]; data?: SchemaData[N] } {
  const validate = VALIDATORS[schema];
  if (validate(source.data)) return { findings: [], data: source.data as SchemaData[N] };
  const findings = (validate.errors ?? []).flatMap((error) => toFinding(source, error) ?? []);
  return { findings };
}
