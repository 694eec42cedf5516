// The words and patterns of the file formats that code needs at run time: allowed values, id and
// version patterns, the names of the schemas. Apart from definition.ts, which builds the schemas from
// them with TypeBox, so that loading and checking files never loads TypeBox (some 200 modules, a
// fifth of `validate`'s start-up, in the main thread and again in every worker).
export const ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
// semver.org's official pattern, so `1.0` (which YAML reads as a number anyway) and `v1.0.0` are refused.
export const SEMVER_PATTERN =
  '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$';

export const ITEM_TYPES = ['likert', 'check', 'measure', 'text'] as const;
export const ITEM_METHODS = ['observe', 'ask', 'records'] as const;
export const AUDIT_STATUSES = ['complete', 'draft'] as const;
export const MEASURE_DIRECTIONS = ['lower', 'higher'] as const;


/** A response's own levels on the item's scale: likert items only. */
export const RATINGS = ['expected', 'adequate', 'importance'] as const;
export const ITEM_FIELDS = ['value', ...RATINGS, 'note'] as const;
export const MISSING_CELLS = ['na', 'skip'] as const;

/** The file formats by name, as `svc-audit schema NAME` takes them; definition.ts has a schema for each. */
export const SCHEMA_NAMES = ['checklist', 'audit', 'map'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];
