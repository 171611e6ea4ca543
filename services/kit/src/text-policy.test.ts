import { describe, expect, it } from 'vitest';
import { checkArgumentText, cleanText } from './text-policy.js';
import { InputCheck } from './validation.js';

describe('every string argument (NormalizeInput)', () => {
  it.each([
    ['NUL', 'Nguyễn\u0000Văn'],
    ['a C0 control', 'Nguyễn\u0007Văn'],
    ['ESC', 'x\u001b[31m'],
    ['DEL', 'x\u007f'],
    ['a C1 control', 'x\u0085y'],
    ['a right-to-left override', 'Bắc Kạn\u202Egnp'],
    ['a directional isolate', '\u2066Bắc Kạn\u2069'],
    ['TCVN3 text', 'TrÇn V¨n Thµnh'],
    ['a lone high surrogate', 'Bắc\ud800Kạn'],
    ['a lone low surrogate', '\udfffBắc Kạn'],
  ])('refuses %s', (_what, s) => {
    expect(checkArgumentText(s, false)).toMatch(/must not|legacy/);
  });

  it('keeps tab and line breaks for the field to decide', () => {
    expect(checkArgumentText('dòng 1\r\ndòng 2\tcột', false)).toBeNull();
  });

  it('leaves secrets as sent, except NUL', () => {
    expect(checkArgumentText('p\u202Eass\u0007word©¾', true)).toBeNull();
    expect(checkArgumentText('pass\u0000word', true)).toMatch(/NUL/);
    // Half a character cannot be hashed the same everywhere (UTF-8 has no encoding for it).
    expect(checkArgumentText('pass\ud800word', true)).toMatch(/surrogate/);
  });

  it('keeps characters outside the BMP (well-formed surrogate pairs)', () => {
    expect(checkArgumentText('Khen thưởng 🎉 𠀀', false)).toBeNull();
  });
});

describe('cleanText by kind', () => {
  it('names: invisible characters removed, white space folded', () => {
    expect(cleanText('  Nguyễn\u200B Văn\u00AD\t\nA\uFEFF ', 'name').value).toBe('Nguyễn Văn A');
    expect(cleanText('\u200B\u200B\u200D', 'name').value).toBe('');
  });

  it('notes: line breaks kept (CRLF → LF), joiners kept, zero-width spaces removed', () => {
    expect(cleanText(' Dòng 1\r\nDòng\u200B 2\rDòng 3 👨\u200D👩 ', 'note').value).toBe('Dòng 1\nDòng 2\nDòng 3 👨\u200D👩');
  });

  it('e-mail: nothing is cleaned inside an address, it is refused', () => {
    expect(cleanText(' a@lantoa.vn ', 'email')).toEqual({ value: 'a@lantoa.vn' });
    expect(cleanText('a\u200B@lantoa.vn', 'email').problem).toMatch(/invisible/);
    expect(cleanText('a @lantoa.vn', 'email').problem).toMatch(/spaces/);
    expect(cleanText('a\u0001@lantoa.vn', 'email').problem).toMatch(/control/);
  });
});

describe('InputCheck.text applies the policy', () => {
  it('refuses a required name made only of zero-width spaces as empty', () => {
    const check = new InputCheck();
    check.text('input.name', '\u200B\u200B', { required: true, max: 100 });
    expect(check.problems).toEqual([{ path: 'input.name', message: 'must not be empty.' }]);
  });

  it('refuses control characters and bidi overrides with the path', () => {
    const check = new InputCheck();
    check.text('input.note', 'a\u0000b', { max: 100, kind: 'note' });
    check.text('input.name', 'abc\u202Edef', { max: 100 });
    expect(check.problems.map((p) => p.path)).toEqual(['input.note', 'input.name']);
  });
});
