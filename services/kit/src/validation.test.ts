import { describe, expect, it } from 'vitest';
import { checkExpectedVersion } from './errors.js';
import { InputCheck, isValidDate, type TextRule } from './validation.js';

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
    expect(check.text('d', '   ', { max: 50 })).toBeNull();
    expect(check.ok).toBe(true);
  });
});

describe('one rule for create and update', () => {
  const NAME: TextRule = { required: true, max: 10 };
  const problems = (mode: 'create' | 'update', value: string | null | undefined) => {
    const check = new InputCheck(mode);
    check.text('input.name', value, NAME);
    return check.problems.map((p) => p.message);
  };

  it.each(['', '   ', '\u200B', 'x'.repeat(11)])('an update refuses what a create refuses: %j', (value) => {
    expect(problems('update', value)).toEqual(problems('create', value));
    expect(problems('update', value)).toHaveLength(1);
  });

  it('only absence differs: a create needs the field, an update keeps it', () => {
    expect(problems('create', undefined)).toEqual(['is required.']);
    expect(problems('update', undefined)).toEqual([]);
    expect(problems('update', null)).toEqual(['cannot be cleared.']);
  });

  it('required() does the same for fields that are not text', () => {
    const check = new InputCheck('update');
    check.required('input.type', null);
    check.required('input.level', undefined);
    expect(check.problems).toEqual([{ path: 'input.type', message: 'cannot be cleared.' }]);
  });
});

describe('checkExpectedVersion', () => {
  it('refuses a stale version with CONFLICT and accepts the current one or none', () => {
    const record = { id: 'x', version: 3 };
    expect(() => checkExpectedVersion('Person', record, 3)).not.toThrow();
    expect(() => checkExpectedVersion('Person', record, undefined)).not.toThrow();
    expect(() => checkExpectedVersion('Person', record, 2)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'CONFLICT', actualVersion: 3 }) }),
    );
  });
});

describe('isValidDate', () => {
  it('accepts real calendar days PostgreSQL can store', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('0001-01-01')).toBe(true);
    expect(isValidDate('9999-12-31')).toBe(true);
  });

  it.each(['2023-02-29', '2024-02-30', '2024-13-01', '2024-00-10', '0000-01-01', '2021-5-18', '18/05/2021', '+12024-01-01', '2024-01-01T00:00'])(
    'refuses %s',
    (s) => {
      expect(isValidDate(s)).toBe(false);
    },
  );
});
