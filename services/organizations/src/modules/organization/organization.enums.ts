import { OrganizationLevel } from '@lantoa/kit';
import { registerEnumType } from 'type-graphql';

// Type and level are the kit's: other subgraphs name them too (the commendation authority table).
export { OrganizationLevel, OrganizationType } from '@lantoa/kit';

export const LEVEL_RANK: Record<OrganizationLevel, number> = {
  CENTRAL: 0,
  PROVINCE: 1,
  DISTRICT: 2,
  COMMUNE: 3,
  GRASSROOTS: 4,
};

export enum SuccessionKind {
  MERGE = 'MERGE',
  RENAME = 'RENAME',
  ABSORB = 'ABSORB',
  SPLIT = 'SPLIT',
  DISSOLVE = 'DISSOLVE',
}

registerEnumType(SuccessionKind, {
  name: 'SuccessionKind',
  description: 'How one organization succeeded another.',
  valuesConfig: {
    MERGE: { description: 'Several organizations merged into a new one (hợp nhất).' },
    RENAME: { description: 'Renamed: a new record continues the old one (đổi tên).' },
    ABSORB: { description: 'Absorbed into an existing organization, which continues (sáp nhập).' },
    SPLIT: { description: 'Split into several new organizations (chia tách).' },
    DISSOLVE: { description: 'Ended without a successor (giải thể, kết thúc hoạt động).' },
  },
});
