import { registerEnumType } from 'type-graphql';

export enum ExemplarKind {
  INDIVIDUAL = 'INDIVIDUAL',
  COLLECTIVE = 'COLLECTIVE',
  HOUSEHOLD = 'HOUSEHOLD',
  PRACTICE = 'PRACTICE',
}
registerEnumType(ExemplarKind, {
  name: 'ExemplarKind',
  description: 'Who or what is exemplary.',
  valuesConfig: {
    INDIVIDUAL: { description: 'Cá nhân: a person.' },
    COLLECTIVE: { description: 'Tập thể: an organization or group.' },
    HOUSEHOLD: { description: 'Hộ gia đình: a household.' },
    PRACTICE: { description: 'Mô hình, cách làm: a good practice or model.' },
  },
});

/** Fields of exemplary work (GLOSSARY §4); data would be better, but the console translates these. */
export enum ExemplarField {
  CHARITY = 'CHARITY',
  POVERTY_REDUCTION = 'POVERTY_REDUCTION',
  NEW_RURAL_DEVELOPMENT = 'NEW_RURAL_DEVELOPMENT',
  PRODUCTION_AND_TECHNOLOGY = 'PRODUCTION_AND_TECHNOLOGY',
  HEALTH_CARE = 'HEALTH_CARE',
  EDUCATION = 'EDUCATION',
  SECURITY_AND_ORDER = 'SECURITY_AND_ORDER',
  PARTY_BUILDING = 'PARTY_BUILDING',
  CULTURE = 'CULTURE',
  ENVIRONMENT = 'ENVIRONMENT',
  OTHER = 'OTHER',
}
registerEnumType(ExemplarField, {
  name: 'ExemplarField',
  description: 'Field of the exemplary work.',
  valuesConfig: {
    CHARITY: { description: 'Từ thiện, nhân đạo.' },
    POVERTY_REDUCTION: { description: 'Giảm nghèo.' },
    NEW_RURAL_DEVELOPMENT: { description: 'Xây dựng nông thôn mới.' },
    PRODUCTION_AND_TECHNOLOGY: { description: 'Sản xuất, ứng dụng khoa học kỹ thuật.' },
    HEALTH_CARE: { description: 'Y tế, chăm sóc sức khỏe.' },
    EDUCATION: { description: 'Giáo dục.' },
    SECURITY_AND_ORDER: { description: 'An ninh, trật tự.' },
    PARTY_BUILDING: { description: 'Xây dựng Đảng.' },
    CULTURE: { description: 'Văn hóa, xã hội.' },
    ENVIRONMENT: { description: 'Môi trường.' },
    OTHER: { description: 'Khác.' },
  },
});

/** Where an exemplar stands (GLOSSARY §4). */
export enum ExemplarStatus {
  REGISTERED = 'REGISTERED',
  PROPOSED = 'PROPOSED',
  VERIFIED = 'VERIFIED',
  RECOGNISED = 'RECOGNISED',
  AWARDED = 'AWARDED',
  PUBLICISED = 'PUBLICISED',
  REPLICATED = 'REPLICATED',
  REJECTED = 'REJECTED',
  REVOKED = 'REVOKED',
}
registerEnumType(ExemplarStatus, {
  name: 'ExemplarStatus',
  description: 'Step of the lifecycle an exemplar has reached.',
  valuesConfig: {
    REGISTERED: { description: 'Đăng ký làm theo.' },
    PROPOSED: { description: 'Đề xuất.' },
    VERIFIED: { description: 'Đã xác minh.' },
    RECOGNISED: { description: 'Biểu dương: publicly honoured.' },
    AWARDED: { description: 'Khen thưởng: honoured by a formal decision.' },
    PUBLICISED: { description: 'Đã tuyên truyền: spread by the press.' },
    REPLICATED: { description: 'Nhân rộng.' },
    REJECTED: { description: 'Không được xác minh.' },
    REVOKED: { description: 'Bị thu hồi.' },
  },
});

export enum ExemplarAction {
  PROPOSE = 'PROPOSE',
  VERIFY = 'VERIFY',
  REJECT = 'REJECT',
  RECOGNISE = 'RECOGNISE',
  AWARD = 'AWARD',
  PUBLICISE = 'PUBLICISE',
  REPLICATE = 'REPLICATE',
  REVOKE = 'REVOKE',
}
registerEnumType(ExemplarAction, { name: 'ExemplarAction', description: 'A step of the lifecycle (see transitionExemplar).' });
