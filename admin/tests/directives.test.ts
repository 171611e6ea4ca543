import { describe, expect, it } from 'vitest';
import vi from '../src/i18n/vi';
import { checkNumber, titleConflict } from '../src/resources/directives/number';

const get = (key: string) => key.split('.').reduce<unknown>((x, k) => (x as Record<string, unknown> | undefined)?.[k], vi);

describe('the directives screens', () => {
  it.each([
    ['số 02 - kl/tu', '02-KL/TU'],
    ['Số 01 - KL/TW', '01-KL/TW'],
    ['số: 123/QĐ-UBND', '123/QĐ-UBND'],
    ['15/2023/nđ-cp', '15/2023/NĐ-CP'],
  ])('the form shows %j as the server will store it (%s)', (typed, canonical) => {
    expect(checkNumber(typed)).toMatchObject({ canonical });
  });

  // Every refusal of the kit's parser reads as a Vietnamese sentence with its details, not a fallback.
  it.each([
    ['', 'lantoa.number_error.empty', {}],
    ['01-KL/T W', 'lantoa.number_error.spaces', { s: '01-KL/T W' }],
    ['123456-KL/TW', 'lantoa.number_error.digits', { digits: '123456' }],
    ['0-KL/TW', 'lantoa.number_error.zero', {}],
    ['01-K1/TW', 'lantoa.number_error.type_code', { code: 'K1' }],
    ['02-XX/TU', 'lantoa.number_error.unknown_type', { code: 'XX' }],
    ['01-KL/TW1', 'lantoa.number_error.issuer', { code: 'TW1' }],
    ['15/1800/NĐ-CP', 'lantoa.number_error.year', { year: '1800' }],
    ['123/QĐ-', 'lantoa.number_error.state_codes', { code: 'QĐ-' }],
    ['abc', 'lantoa.number_error.malformed', { s: 'abc' }],
  ])('%j is refused with %s', (typed, key, args) => {
    const r = checkNumber(typed);
    expect('error' in r && r.error).toMatchObject({ key, args });
    expect(typeof get(key)).toBe('string');
  });

  it('a title naming another kind than the type code is flagged, not refused', () => {
    expect(titleConflict('Kết luận của Bộ Chính trị về tiếp tục thực hiện', '01-CT/TW')).toMatchObject({ word: 'kết luận', code: 'CT' });
    expect(titleConflict('Kết luận của Bộ Chính trị', '01-KL/TW')).toBeNull();
  });
});
