import { registerEnumType } from 'type-graphql';

/**
 * What kind of organization, and at which level: the organizations subgraph
 * owns the records, but other subgraphs name kinds and levels too (the
 * commendation authority table). One definition here, so every subgraph
 * offers the same enums and the composed schema merges them.
 */

/** Kinds of organization in the political system (GLOSSARY §2). */
export enum OrganizationType {
  PARTY_COMMITTEE = 'PARTY_COMMITTEE',
  PARTY_EXECUTIVE = 'PARTY_EXECUTIVE',
  PARTY_ADVISORY = 'PARTY_ADVISORY',
  PARTY_INSPECTION = 'PARTY_INSPECTION',
  PARTY_CELL = 'PARTY_CELL',
  STATE_COUNCIL = 'STATE_COUNCIL',
  STATE_EXECUTIVE = 'STATE_EXECUTIVE',
  STATE_AGENCY = 'STATE_AGENCY',
  FRONT = 'FRONT',
  SOCIO_POLITICAL = 'SOCIO_POLITICAL',
  PRESS = 'PRESS',
  OTHER = 'OTHER',
}

registerEnumType(OrganizationType, {
  name: 'OrganizationType',
  description: 'Kind of organization.',
  valuesConfig: {
    PARTY_COMMITTEE: { description: 'Party committee (Ban Chấp hành, Tỉnh ủy, Huyện ủy, Đảng ủy).' },
    PARTY_EXECUTIVE: { description: 'Executive body of a committee (Bộ Chính trị, Ban Bí thư, Ban Thường vụ).' },
    PARTY_ADVISORY: { description: 'Advisory board of a committee (Ban Tuyên giáo, Ban Dân vận, Ban Tổ chức).' },
    PARTY_INSPECTION: { description: 'Inspection commission (Ủy ban Kiểm tra).' },
    PARTY_CELL: { description: 'Party cell (Chi bộ).' },
    STATE_COUNCIL: { description: 'People’s Council (HĐND).' },
    STATE_EXECUTIVE: { description: 'People’s Committee (UBND).' },
    STATE_AGENCY: { description: 'State department or agency (Sở, ban, ngành).' },
    FRONT: { description: 'Fatherland Front committee (Ủy ban MTTQ).' },
    SOCIO_POLITICAL: { description: 'Socio-political or mass organization (Đoàn, Hội).' },
    PRESS: { description: 'Press or media outlet (báo, đài, cổng thông tin).' },
    OTHER: { description: 'Anything else.' },
  },
});

/** Administrative level, from the centre down; a child is never above its parent. */
export enum OrganizationLevel {
  CENTRAL = 'CENTRAL',
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
  GRASSROOTS = 'GRASSROOTS',
}

registerEnumType(OrganizationLevel, {
  name: 'OrganizationLevel',
  description: 'Administrative level (district level ended on 1 July 2025 but remains in history).',
  valuesConfig: {
    CENTRAL: { description: 'Central (Trung ương).' },
    PROVINCE: { description: 'Province or centrally-run city (tỉnh).' },
    DISTRICT: { description: 'District or provincial city (huyện, thành phố thuộc tỉnh).' },
    COMMUNE: { description: 'Commune or ward (xã, phường).' },
    GRASSROOTS: { description: 'Below commune: Party cells, villages (chi bộ, thôn).' },
  },
});
