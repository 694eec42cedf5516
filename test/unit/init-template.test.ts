import { describe, expect, it } from 'vitest';
import { checklistCopy } from '../../src/cli/actions/init-template.js';

const ORIGIN = { id: 'shop', version: '2.1.0' };
const TARGET = { id: 'my-shop', schemaRef: '../schema/checklist.schema.json' };

describe('checklistCopy', () => {
  it('drops a header set off by a blank line, and keeps comments further down', () => {
    const copy = checklistCopy('# yaml-language-server: $schema=old.json\n# Source: our notes\n\nid: shop\nversion: 2.1.0\ntitle: Shop\n# why the weight\nweight: 2\n', ORIGIN, TARGET);
    expect(copy).toBe(
      '# yaml-language-server: $schema=../schema/checklist.schema.json\n# Made with `svc-audit init` from shop 2.1.0.\nid: my-shop\nversion: 0.1.0\ntitle: my-shop (based on "Shop")\n# why the weight\nweight: 2\n',
    );
  });

  it('names the id in each language of the title, Chinese in Chinese', () => {
    const copy = checklistCopy('id: shop\nversion: 2.1.0\ntitle: {zh-CN: 门店, en: Shop}\n', ORIGIN, TARGET);
    expect(copy).toContain('title: {zh-CN: my-shop(基于“门店”), en: my-shop (based on "Shop")}\n');
  });

  it('copies a file without a header', () => {
    const copy = checklistCopy('id: shop\nversion: 2.1.0\ntitle: Shop\n', ORIGIN, TARGET);
    expect(copy.split('\n').slice(2).join('\n')).toBe('id: my-shop\nversion: 0.1.0\ntitle: my-shop (based on "Shop")\n');
  });
});
