import { describe, expect, it } from 'vitest';
import { InputCheck, isValidDate } from './validation.js';

describe('InputCheck', () => {
  it('collects every problem before throwing once', () => {
    const check = new InputCheck();
    expect(check.text('input.name', '   ', { required: true, max: 10 })).toBe('');
    check.text('input.title', 'x'.repeat(11), { max: 10 });
    check.uuid('input.parentId', 'nope');
    check.dateRange('input.validFrom', '2025-01-02', 'input.validTo', '2025-01-01');
    expect(check.problems.map((p) => p.path)).toEqual(['input.name', 'input.title', 'input.parentId', 'input.validTo']);
    expect(() => check.done()).toThrow(/4 fields are invalid/);
  });

  it('folds inner white space and lets optional text be cleared', () => {
    const check = new InputCheck();
    expect(check.text('a', '  Tỉnh   ủy ', { max: 50 })).toBe('Tỉnh ủy');
    expect(check.text('b', null, { max: 50 })).toBeNull();
    expect(check.text('c', undefined, { max: 50 })).toBeUndefined();
    expect(check.ok).toBe(true);
  });
});

describe('isValidDate', () => {
  it('accepts real calendar days only', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2023-02-29')).toBe(false);
    expect(isValidDate('2021-5-18')).toBe(false);
    expect(isValidDate('18/05/2021')).toBe(false);
  });
});
