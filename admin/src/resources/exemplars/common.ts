/** The API's enums of the exemplars subgraph, in the order the screens offer them. */
export const KINDS = ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD', 'PRACTICE'] as const;
export const FIELDS = [
  'CHARITY',
  'POVERTY_REDUCTION',
  'NEW_RURAL_DEVELOPMENT',
  'PRODUCTION_AND_TECHNOLOGY',
  'HEALTH_CARE',
  'EDUCATION',
  'SECURITY_AND_ORDER',
  'PARTY_BUILDING',
  'CULTURE',
  'ENVIRONMENT',
  'OTHER',
] as const;
export const STATUSES = ['REGISTERED', 'PROPOSED', 'VERIFIED', 'RECOGNISED', 'AWARDED', 'PUBLICISED', 'REPLICATED', 'REJECTED', 'REVOKED'] as const;
export const FORMS = [
  'CERTIFICATE_OF_MERIT',
  'CERTIFICATE_OF_COMMENDATION',
  'EMULATION_FIGHTER',
  'ADVANCED_LABOURER',
  'EXCELLENT_LABOUR_COLLECTIVE',
  'EMULATION_FLAG',
  'ORDER',
  'MEDAL',
  'STATE_HONORARY_TITLE',
  'HO_CHI_MINH_OR_STATE_PRIZE',
  'COMMEMORATIVE_MEDAL',
] as const;
export const BASES = ['REGULAR', 'CAMPAIGN', 'AD_HOC', 'LIFETIME_CONTRIBUTION', 'SENIORITY', 'FOREIGN_RELATIONS'] as const;

/** Steps that must say why (the server refuses them without a note). */
export const NEEDS_REASON = new Set(['REJECT', 'REVOKE']);

/** Statuses a commendation may be recorded for (the server checks the same). */
export const HONOURABLE = new Set(['VERIFIED', 'RECOGNISED', 'AWARDED', 'PUBLICISED', 'REPLICATED']);

export const STATUS_COLOR: Record<string, 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'error' | 'info'> = {
  REGISTERED: 'default',
  PROPOSED: 'info',
  VERIFIED: 'primary',
  RECOGNISED: 'success',
  AWARDED: 'success',
  PUBLICISED: 'secondary',
  REPLICATED: 'secondary',
  REJECTED: 'warning',
  REVOKED: 'error',
};

// Shared with the media and directives screens; their home is auth/records.ts.
export { authorizedFetch, inScope } from '../../auth/records';
