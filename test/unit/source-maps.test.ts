// Keys in maps, found in one pass: parseYaml's own duplicate check (yaml's quadratic one is off) and
// positionOf's index of a map's entries must say exactly what yaml's checks and a scan would say.
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { findingOf, parseYaml, positionOf, type SourceDocument } from '../../src/yaml/source.js';

const duplicatesIn = (text: string) => {
  const parsed = parseYaml('f.yaml', text);
  return parsed.ok ? [] : parsed.findings.map(({ code, line, column }) => `${code} ${line}:${column}`);
};

const sourceOf = (text: string): SourceDocument => {
  const parsed = parseYaml('f.yaml', text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.findings));
  return parsed.source;
};

describe('duplicate keys', () => {
  it.each([
    ['a block map', 'a: 1\nb: 2\na: 3\n', ['duplicate-key 3:1']],
    ['a flow map', '{a: 1, b: 2, a: 3}\n', ['duplicate-key 1:14']],
    ['a nested map, named where the key repeats', 'responses:\n  greets: 4\n  smiles: true\n  greets: 2\n', ['duplicate-key 4:3']],
    ['a key repeated twice, each repeat', 'a: 1\na: 2\na: 3\n', ['duplicate-key 2:1', 'duplicate-key 3:1']],
    ['quoted and plain spellings of one string', "a: 1\n'a': 2\n", ['duplicate-key 2:1']],
    ['an anchored key, at the key after its anchor', 'a: 1\n&k a: 2\n', ['duplicate-key 2:4']],
    ['a repeated null key', '~: 1\nnull: 2\n', ['duplicate-key 2:1']],
  ])('are found in %s', (_, text, findings) => {
    expect(duplicatesIn(text)).toEqual(findings);
  });

  it.each([
    ['the same key in different maps', 'a: {x: 1}\nb: {x: 2}\nx: 3\n'],
    ['a number and a string of the same digits', "1: a\n'1': b\n"],
    ['.nan twice (never equal to itself)', '.nan: a\n.NaN: b\n'],
  ])('are not found for %s', (_, text) => {
    expect(duplicatesIn(text)).toEqual([]);
  });

  it('agree with yaml’s own uniqueKeys check on every small map of these keys', () => {
    const keys = ['a', "'a'", '1', "'1'", '1.0', 'true', "'true'", '~', 'null', '.nan', '0x1', '[1]', '{a: 1}'];
    for (const first of keys) {
      for (const second of keys) {
        const text = `{${first}: 1, ${second}: 2}\n`;
        const yamlSays = parseDocument(text, { uniqueKeys: true, schema: 'core' }).errors.some(({ code }) => code === 'DUPLICATE_KEY');
        expect(duplicatesIn(text).includes('duplicate-key 1:' + String(text.indexOf(`, ${second}`) + 3)), text).toBe(yamlSays);
      }
    }
  });

  it('are found among 20,000 keys, at the place of the repeat', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `k-${i}: ${i}`);
    lines.splice(17_777, 0, 'k-12: again');
    expect(duplicatesIn(`${lines.join('\n')}\n`)).toEqual(['duplicate-key 17778:1']);
  });

  it('come with syntax errors in the order of the text', () => {
    expect(duplicatesIn('a: 1\na: 2\nb: [1\n')[0]).toBe('duplicate-key 2:1');
  });
});

describe('positionOf', () => {
  const source = sourceOf('labels:\n  1: one\n  5: five\nresponses:\n  greets: 4\n  smiles: {value: true}\n');

  it('finds an entry by its key as text, and points at its value or its key', () => {
    expect(positionOf(source, ['labels', 5])).toEqual({ line: 3, col: 6 });
    expect(positionOf(source, ['labels', '5'], 'key')).toEqual({ line: 3, col: 3 });
    expect(positionOf(source, ['responses', 'smiles', 'value'])).toEqual({ line: 6, col: 19 });
  });

  it('falls back to the deepest node that exists', () => {
    expect(positionOf(source, ['responses', 'missing'])).toEqual({ line: 5, col: 3 });
  });

  it('names every one of 10,000 entries at its own line', () => {
    const big = sourceOf(`responses:\n${Array.from({ length: 10_000 }, (_, i) => `  unknown-${i}: 3`).join('\n')}\n`);
    const lines = Array.from({ length: 10_000 }, (_, i) => findingOf(big, ['responses', `unknown-${i}`], 'unknown-item', {}, 'key').line);
    expect(lines).toEqual(Array.from({ length: 10_000 }, (_, i) => i + 2));
  });
});
