// A fast path in front of parseYaml (source.ts) for the common case: a plain, valid file. js-yaml's
// event parser reads a typical audit about 6× faster than yaml, but keeps no node positions, so it may
// only ever answer for files the slow path would accept with the very same data. Whenever anything
// is unusual it answers undefined and the slow path, which alone can name a line and column, decides.
// Hard rule: fastParse accepts ⇒ parseYaml accepts with deep-equal data (test/unit/fast-parse.test.ts).
import { COLLECTION_STYLE, EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event, type ScalarEvent } from 'js-yaml';
import { Schema, type ScalarTag } from 'yaml';
import { MAX_NESTING } from './source.js';

// The slow path's own tag list (same options as its COMPOSE_OPTIONS), so plain scalars resolve the
// way yaml resolves them by construction rather than by two libraries agreeing: js-yaml's core
// schema keeps `1e400` a string where yaml reads Infinity, and the next release may differ elsewhere.
const CORE_TAGS = new Schema({ schema: 'core', merge: false, resolveKnownTags: false }).tags;
const RESOLVE_OPTIONS = { intAsBigInt: false };

// Names of JavaScript's object machinery: the slow path refuses them as keys. A substring check also
// hits harmless prose, which merely costs the slow path's time.
const FORBIDDEN = /__proto__|constructor|prototype/;
// Text the two parsers read differently, found by fuzzing: a lone CR (the slow path rewrites it to
// LF first), a byte order mark left in the text (js-yaml skips it anywhere, yaml only at the start)
// a `...` document end with content after it (js-yaml reads on, yaml refuses), an indented `---`
// (js-yaml takes it for a document start), and a tab in a line's indentation, even on an otherwise
// blank line (js-yaml takes it as a space there, yaml refuses it).
const READ_DIFFERENTLY = /\r(?!\n)|\uFEFF|^(?: *\.\.\.| +---| *\t)/m;
// js-yaml and yaml count nesting differently; staying well under the slow path's limit keeps every
// file the fast path takes within it. Real files nest about ten deep.
const MAX_FAST_DEPTH = MAX_NESTING - 20;
// yaml refuses an implicit key whose `:` is over 1024 characters from its start (YAML's limit);
// js-yaml does not check. Measured conservatively, from the opening quote if any to the next `:`.
const MAX_KEY_SPAN = 1000;
/**
 * Whether only indentation and `- `, `? `, `: ` indicators stand before `start` on its line, as
 * before a block map's key: js-yaml reads `k:\n- "a" b: 1` as {k: [a], b: 1} where yaml refuses the
 * text after "a". Scanned in place, backwards: a slice and a regular expression per key cost a
 * tenth of a small file's parse.
 */
export function keyLineIsBare(text: string, start: number): boolean {
  const blank = (at: number) => text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9;
  let at = start - 1;
  for (;;) {
    const end = at;
    let tab = false;
    for (; at >= 0 && blank(at); at--) tab ||= text.charCodeAt(at) === 9;
    // The line's start: what is left is its indentation, spaces only.
    if (at < 0 || text.charCodeAt(at) === 10) return !tab;
    // Anything else must be an indicator with at least one blank after it.
    const code = text.charCodeAt(at);
    if (at === end || (code !== 45 && code !== 63 && code !== 58)) return false;
    at--;
  }
}

/** Resolved plain scalars by their text: the same few keys and numbers recur in every file. */
const PLAIN_VALUES = new Map<string, { value: unknown } | undefined>();
const PLAIN_VALUES_KEPT = 4096;

/** Plain scalars only: quoted and block scalars are strings in both libraries. */
function resolvePlain(source: string): { value: unknown } | undefined {
  const known = PLAIN_VALUES.get(source);
  if (known !== undefined || PLAIN_VALUES.has(source)) return known;
  const resolved = resolvePlainAfresh(source);
  // Short texts only (keys, numbers, words): a note is unlikely to recur and would fill the map.
  if (source.length <= 32 && PLAIN_VALUES.size < PLAIN_VALUES_KEPT) {
    const key = standaloneCopy(source);
    PLAIN_VALUES.set(key, resolved?.value === source ? { value: key } : resolved);
  }
  return resolved;
}

/**
 * The same text in a string of its own. V8 keeps a slice of 13 characters or more as a view into
 * the string it came from, so a key kept in PLAIN_VALUES would keep its whole file's text alive:
 * 1,658 files (15 MB) in a worker at 10k store audits.
 */
function standaloneCopy(text: string): string {
  return text.split('').join('');
}

function resolvePlainAfresh(source: string): { value: unknown } | undefined {
  // yaml's findScalarTagByTest: the first default tag whose test matches, else a string.
  const tag = CORE_TAGS.find((t): t is ScalarTag => t.default === true && !t.collection && !!t.test?.test(source));
  if (!tag?.resolve) return { value: source };
  let failed = false;
  const resolved: unknown = tag.resolve(source, () => (failed = true), RESOLVE_OPTIONS);
  if (failed) return undefined;
  // bool, null and float resolvers return a yaml Scalar, the others the bare value.
  const value = resolved !== null && typeof resolved === 'object' && 'value' in resolved ? resolved.value : resolved;
  return { value };
}

type Frame =
  | { readonly kind: 'seq'; readonly value: unknown[] }
  | { readonly kind: 'map'; readonly value: Record<string, unknown>; readonly block: boolean; key: string | undefined }
  | { readonly kind: 'doc'; value: unknown };

export function fastParse(text: string): { data: unknown } | undefined {
  if (FORBIDDEN.test(text) || READ_DIFFERENTLY.test(text)) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_FAST_DEPTH });
  } catch {
    return undefined;
  }
  const stack: Frame[] = [];
  let documents = 0;
  let root: unknown;

  /** Puts a node into the collection around it; false when the slow path must look instead. */
  const place = (value: unknown, scalar?: ScalarEvent): boolean => {
    const top = stack.at(-1);
    if (!top) return false;
    if (top.kind === 'seq') top.value.push(value);
    else if (top.kind === 'doc') top.value = value;
    else if (top.key !== undefined) {
      top.value[top.key] = value;
      top.key = undefined;
    } else {
      // Complex keys become stringified YAML in yaml's toJS: not worth matching. A missing key
      // (`: x`): js-yaml lets a compact map or list follow it on the line, yaml refuses.
      if (!scalar || scalar.valueStart === -1) return false;
      const start = scalar.style === SCALAR_STYLE.PLAIN ? scalar.valueStart : scalar.valueStart - 1;
      const colon = text.indexOf(':', scalar.valueEnd);
      if (colon === -1 || colon - start > MAX_KEY_SPAN) return false;
      if (top.block && !keyLineIsBare(text, start)) return false;
      // yaml's toJS turns a null key into '' and any other scalar into String(value).
      const key = value === null ? '' : String(value);
      // yaml refuses keys with equal values; equal strings are a superset of that (`1` and `"1"`).
      if (Object.hasOwn(top.value, key)) return false;
      top.key = key;
    }
    return true;
  };

  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        // `%YAML`/`%TAG` directives and a second document are the slow path's to explain.
        if (++documents > 1 || event.directives.length > 0) return undefined;
        stack.push({ kind: 'doc', value: undefined });
        break;
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        // Anchors and tags are rare in real files and each has slow-path-only rules (aliases, limits).
        if (event.anchorStart !== -1 || event.tagStart !== -1) return undefined;
        const frame: Frame =
          event.type === EVENT_ID.SEQUENCE
            ? { kind: 'seq', value: [] }
            : { kind: 'map', value: {}, block: event.style === COLLECTION_STYLE.BLOCK, key: undefined };
        if (!place(frame.value)) return undefined;
        stack.push(frame);
        break;
      }
      case EVENT_ID.SCALAR: {
        if (event.anchorStart !== -1 || event.tagStart !== -1) return undefined;
        const source = getScalarValue(text, event);
        const scalar = event.style === SCALAR_STYLE.PLAIN ? resolvePlain(source) : { value: source };
        if (!scalar || !place(scalar.value, event)) return undefined;
        break;
      }
      case EVENT_ID.POP: {
        const frame = stack.pop();
        if (frame?.kind === 'doc') root = frame.value;
        break;
      }
      default:
        // Aliases: the slow path counts them and refuses loops and bombs.
        return undefined;
    }
  }
  // Only a map or a list can be a checklist or an audit; empty, comment-only and scalar documents
  // (which the slow path refuses or words differently) are left to it.
  if (documents !== 1 || stack.length > 0 || root === null || typeof root !== 'object') return undefined;
  return { data: root };
}
