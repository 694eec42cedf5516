import { describe, expect, it } from 'vitest';
import { quantity, unitName } from '../../src/shared/units.js';

describe('units as shown', () => {
  it('names time units in Chinese and keeps the key in English', () => {
    expect(['s', 'min', 'h', 'ms'].map((unit) => unitName(unit, 'zh-CN'))).toEqual(['秒', '分钟', '小时', '毫秒']);
    expect(['s', 'min', 'h', 'ms'].map((unit) => unitName(unit, 'en'))).toEqual(['s', 'min', 'h', 'ms']);
  });

  it('shows % and units it does not know as the file writes them', () => {
    expect(unitName('%', 'zh-CN')).toBe('%');
    expect(unitName('items', 'zh-CN')).toBe('items');
    expect(unitName(' Min ', 'zh-CN')).toBe('分钟');
    expect(unitName(undefined, 'zh-CN')).toBe('');
  });

  it('puts a value and its unit together, or the value alone', () => {
    expect(quantity(12, 's', 'zh-CN')).toBe('12 秒');
    expect(quantity('9', 'min', 'en')).toBe('9 min');
    expect(quantity(85, '%', 'zh-CN')).toBe('85 %');
    expect(quantity(3, undefined, 'en')).toBe('3');
  });
});
