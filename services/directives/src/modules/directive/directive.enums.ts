import { DocumentFamily, DocumentType } from '@lantoa/kit';
import { registerEnumType } from 'type-graphql';

export { DocumentFamily, DocumentType };

registerEnumType(DocumentFamily, {
  name: 'DocumentFamily',
  description: 'Who issues the document, which decides how it is numbered.',
  valuesConfig: {
    PARTY: { description: 'A Party body (numbered 01-KL/TW; numbers restart each committee term).' },
    STATE: { description: 'A State body (numbered 123/QĐ-UBND or 15/2023/NĐ-CP; numbers restart each year).' },
    MASS_ORGANIZATION: { description: 'The Fatherland Front or a mass organization (numbered like Party documents).' },
  },
});

registerEnumType(DocumentType, {
  name: 'DocumentType',
  description: 'Kind of document (nghị quyết, chỉ thị, kết luận, …), usually given by the type code of its number.',
});

export enum DirectiveStatus {
  IN_FORCE = 'IN_FORCE',
  EXPIRED = 'EXPIRED',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(DirectiveStatus, {
  name: 'DirectiveStatus',
  description: 'Whether the document still applies.',
  valuesConfig: {
    IN_FORCE: { description: 'Còn hiệu lực.' },
    EXPIRED: { description: 'Hết hiệu lực.' },
    SUPERSEDED: { description: 'Bị thay thế: another document supersedes it (set by recording that relation).' },
  },
});

export enum RelationKind {
  IMPLEMENTS = 'IMPLEMENTS',
  CONTINUES = 'CONTINUES',
  EVALUATES = 'EVALUATES',
  GUIDES = 'GUIDES',
  SUPERSEDES = 'SUPERSEDES',
  AMENDS = 'AMENDS',
}
registerEnumType(RelationKind, {
  name: 'RelationKind',
  description: 'How one document relates to another, read from → to.',
  valuesConfig: {
    IMPLEMENTS: { description: 'Carries out the other (a provincial plan implementing a conclusion).' },
    CONTINUES: { description: 'Continues the other (01-KL/TW continues 05-CT/TW).' },
    EVALUATES: { description: 'Reviews the implementation of the other (499-BC/TU evaluates 01-KL/TW).' },
    GUIDES: { description: 'Guides the implementation of the other.' },
    SUPERSEDES: { description: 'Replaces the other, which becomes SUPERSEDED.' },
    AMENDS: { description: 'Changes part of the other.' },
  },
});
