import { registerEnumType } from 'type-graphql';

/** Forms and titles of the Law on Emulation and Commendation 06/2022/QH15 (GLOSSARY §4). */
export enum CommendationForm {
  ORDER = 'ORDER',
  MEDAL = 'MEDAL',
  STATE_HONORARY_TITLE = 'STATE_HONORARY_TITLE',
  HO_CHI_MINH_OR_STATE_PRIZE = 'HO_CHI_MINH_OR_STATE_PRIZE',
  COMMEMORATIVE_MEDAL = 'COMMEMORATIVE_MEDAL',
  CERTIFICATE_OF_MERIT = 'CERTIFICATE_OF_MERIT',
  CERTIFICATE_OF_COMMENDATION = 'CERTIFICATE_OF_COMMENDATION',
  EMULATION_FIGHTER = 'EMULATION_FIGHTER',
  ADVANCED_LABOURER = 'ADVANCED_LABOURER',
  EXCELLENT_LABOUR_COLLECTIVE = 'EXCELLENT_LABOUR_COLLECTIVE',
  EMULATION_FLAG = 'EMULATION_FLAG',
}
registerEnumType(CommendationForm, {
  name: 'CommendationForm',
  description: 'Form or title of a commendation (Law 06/2022/QH15).',
  valuesConfig: {
    ORDER: { description: 'Huân chương.' },
    MEDAL: { description: 'Huy chương.' },
    STATE_HONORARY_TITLE: { description: 'Danh hiệu vinh dự nhà nước.' },
    HO_CHI_MINH_OR_STATE_PRIZE: { description: 'Giải thưởng Hồ Chí Minh, Giải thưởng Nhà nước.' },
    COMMEMORATIVE_MEDAL: { description: 'Kỷ niệm chương.' },
    CERTIFICATE_OF_MERIT: { description: 'Bằng khen.' },
    CERTIFICATE_OF_COMMENDATION: { description: 'Giấy khen.' },
    EMULATION_FIGHTER: { description: 'Chiến sĩ thi đua (toàn quốc, tỉnh, cơ sở).' },
    ADVANCED_LABOURER: { description: 'Lao động tiên tiến.' },
    EXCELLENT_LABOUR_COLLECTIVE: { description: 'Tập thể lao động xuất sắc.' },
    EMULATION_FLAG: { description: 'Cờ thi đua.' },
  },
});

export enum CommendationBasis {
  REGULAR = 'REGULAR',
  CAMPAIGN = 'CAMPAIGN',
  AD_HOC = 'AD_HOC',
  LIFETIME_CONTRIBUTION = 'LIFETIME_CONTRIBUTION',
  SENIORITY = 'SENIORITY',
  FOREIGN_RELATIONS = 'FOREIGN_RELATIONS',
}
registerEnumType(CommendationBasis, {
  name: 'CommendationBasis',
  description: 'Why the commendation was given.',
  valuesConfig: {
    REGULAR: { description: 'Thường xuyên.' },
    CAMPAIGN: { description: 'Theo đợt, chuyên đề.' },
    AD_HOC: { description: 'Đột xuất.' },
    LIFETIME_CONTRIBUTION: { description: 'Quá trình cống hiến.' },
    SENIORITY: { description: 'Niên hạn.' },
    FOREIGN_RELATIONS: { description: 'Đối ngoại.' },
  },
});

export enum CommendationStatus {
  IN_FORCE = 'IN_FORCE',
  REVOKED = 'REVOKED',
}
registerEnumType(CommendationStatus, { name: 'CommendationStatus', description: 'In force, or revoked with a reason and a date.' });
