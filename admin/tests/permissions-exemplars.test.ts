import { describe, expect, it } from 'vitest';
import { canAccess } from '../src/auth/permissions';
import { inScope } from '../src/resources/exemplars/common';

describe('who sees which exemplars screens and buttons', () => {
  it('everyone signed in reads; editors and reviewers write exemplars and movements; reviewers commend; admins keep the authority table', () => {
    for (const r of ['exemplars', 'commendations', 'movements']) expect(canAccess(['VIEWER'], r, 'list'), r).toBe(true);
    expect(canAccess(['VIEWER'], 'exemplars', 'create')).toBe(false);
    expect(canAccess(['EDITOR'], 'exemplars', 'create')).toBe(true);
    expect(canAccess(['EDITOR'], 'movements', 'edit')).toBe(true);
    expect(canAccess(['EDITOR'], 'commendations', 'create')).toBe(false);
    expect(canAccess(['REVIEWER'], 'commendations', 'create')).toBe(true);
    expect(canAccess(['REVIEWER'], 'commendationAuthorities', 'list')).toBe(false);
    expect(canAccess(['ADMIN'], 'commendationAuthorities', 'list')).toBe(true);
    expect(canAccess(['REVIEWER'], 'history/exemplars', 'list')).toBe(true);
    expect(canAccess(['EDITOR'], 'history/exemplars', 'list')).toBe(false);
  });

  it('edit buttons only within the user’s subtree (admins anywhere)', () => {
    const babe = { id: 'babe', ancestors: [{ id: 'province' }] };
    const namMau = { id: 'nam-mau', ancestors: [{ id: 'province' }, { id: 'babe' }] };
    expect(inScope({ roles: ['EDITOR'], organizationId: 'babe' }, namMau)).toBe(true);
    expect(inScope({ roles: ['EDITOR'], organizationId: 'babe' }, babe)).toBe(true);
    expect(inScope({ roles: ['EDITOR'], organizationId: 'nam-mau' }, babe)).toBe(false);
    expect(inScope({ roles: ['REVIEWER'], organizationId: 'board' }, babe)).toBe(false);
    expect(inScope({ roles: ['ADMIN'], organizationId: 'board' }, babe)).toBe(true);
    expect(inScope(undefined, babe)).toBe(false);
  });
});
