import { describe, expect, it } from 'vitest';
import { withoutSuggestions } from './errors.js';

describe('withoutSuggestions (production subgraphs and gateway)', () => {
  const format = withoutSuggestions((formatted) => formatted);

  it('drops every "Did you mean …?" from the message and from each field’s reason, keeping the rest', () => {
    const out = format(
      {
        message: 'Variable "$r" got invalid value "ADMN"; Value "ADMN" does not exist in "Role" enum. Did you mean the enum value "ADMIN" or "EDITOR"?',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ path: '$r', message: 'Value "ADMN" does not exist in "Role" enum. Did you mean the enum value "ADMIN"?' }],
        },
      },
      undefined,
    );
    expect(out.message).toBe('Variable "$r" got invalid value "ADMN"; Value "ADMN" does not exist in "Role" enum.');
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ path: '$r', message: 'Value "ADMN" does not exist in "Role" enum.' }] });
    expect(format({ message: 'Cannot query field "nme" on type "Organization". Did you mean "name"?' }, undefined).message).toBe(
      'Cannot query field "nme" on type "Organization".',
    );
  });

  it('leaves other messages alone', () => {
    expect(format({ message: 'E-mail or password is wrong.', extensions: { code: 'UNAUTHENTICATED' } }, undefined)).toEqual({
      message: 'E-mail or password is wrong.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
