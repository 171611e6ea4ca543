/**
 * Demo data from the source article (shared/seed/bac-kan-hoc-tap-va-lam-theo-bac.txt)
 * and the 2025 reorganisation. Data, not code: correct it here.
 *
 * Dates marked "approx." are the month of the change as generally reported;
 * check them against the decisions before relying on them. Commune-level
 * mergers of 2025 are not recorded yet.
 */
import type { OrganizationLevel, OrganizationType, SuccessionKind } from '../modules/organization/organization.enums.js';

export interface DemoOrganization {
  key: string;
  name: string;
  shortName?: string;
  docAbbr?: string;
  type: keyof typeof OrganizationType;
  level: keyof typeof OrganizationLevel;
  parent?: string;
  validFrom?: string;
  validTo?: string;
}

const END_OF_DISTRICTS = '2025-06-30';
const BAC_KAN_MERGED = '2025-07-01';

const district = (key: string, name: string): DemoOrganization => ({
  key,
  name,
  shortName: name.split(' ')[0],
  docAbbr: 'HU',
  type: 'PARTY_COMMITTEE',
  level: 'DISTRICT',
  parent: 'tu-bac-kan',
  validTo: END_OF_DISTRICTS,
});

export const organizations: DemoOrganization[] = [
  {
    key: 'bch-tw',
    name: 'Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam',
    shortName: 'Ban Chấp hành Trung ương',
    docAbbr: 'TW',
    type: 'PARTY_COMMITTEE',
    level: 'CENTRAL',
  },
  { key: 'bo-chinh-tri', name: 'Bộ Chính trị', docAbbr: 'TW', type: 'PARTY_EXECUTIVE', level: 'CENTRAL', parent: 'bch-tw' },
  {
    key: 'ban-bi-thu',
    name: 'Ban Bí thư Trung ương Đảng',
    shortName: 'Ban Bí thư',
    docAbbr: 'TW',
    type: 'PARTY_EXECUTIVE',
    level: 'CENTRAL',
    parent: 'bch-tw',
  },
  { key: 'btg-tw', name: 'Ban Tuyên giáo Trung ương', docAbbr: 'BTGTW', type: 'PARTY_ADVISORY', level: 'CENTRAL', parent: 'bch-tw', validTo: '2025-01-31' },
  { key: 'bdv-tw', name: 'Ban Dân vận Trung ương', docAbbr: 'BDVTW', type: 'PARTY_ADVISORY', level: 'CENTRAL', parent: 'bch-tw', validTo: '2025-01-31' },
  {
    key: 'btgdv-tw',
    name: 'Ban Tuyên giáo và Dân vận Trung ương',
    docAbbr: 'BTGDVTW',
    type: 'PARTY_ADVISORY',
    level: 'CENTRAL',
    parent: 'bch-tw',
    validFrom: '2025-02-01',
  },

  {
    key: 'tu-bac-kan',
    name: 'Tỉnh ủy Bắc Kạn',
    shortName: 'Tỉnh ủy',
    docAbbr: 'TU',
    type: 'PARTY_COMMITTEE',
    level: 'PROVINCE',
    parent: 'bch-tw',
    validFrom: '1997-01-01',
    validTo: END_OF_DISTRICTS,
  },
  {
    key: 'btv-tu-bac-kan',
    name: 'Ban Thường vụ Tỉnh ủy Bắc Kạn',
    shortName: 'Ban Thường vụ Tỉnh ủy',
    docAbbr: 'TU',
    type: 'PARTY_EXECUTIVE',
    level: 'PROVINCE',
    parent: 'tu-bac-kan',
    validTo: END_OF_DISTRICTS,
  },
  {
    key: 'btg-tu-bac-kan',
    name: 'Ban Tuyên giáo Tỉnh ủy Bắc Kạn',
    shortName: 'Ban Tuyên giáo Tỉnh ủy',
    docAbbr: 'BTGTU',
    type: 'PARTY_ADVISORY',
    level: 'PROVINCE',
    parent: 'tu-bac-kan',
    validTo: '2025-02-28',
  },
  {
    key: 'bdv-tu-bac-kan',
    name: 'Ban Dân vận Tỉnh ủy Bắc Kạn',
    shortName: 'Ban Dân vận Tỉnh ủy',
    docAbbr: 'BDVTU',
    type: 'PARTY_ADVISORY',
    level: 'PROVINCE',
    parent: 'tu-bac-kan',
    validTo: '2025-02-28',
  },
  {
    key: 'btgdv-tu-bac-kan',
    name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy Bắc Kạn',
    shortName: 'Ban Tuyên giáo và Dân vận Tỉnh ủy',
    docAbbr: 'BTGDVTU',
    type: 'PARTY_ADVISORY',
    level: 'PROVINCE',
    parent: 'tu-bac-kan',
    validFrom: '2025-03-01',
    validTo: END_OF_DISTRICTS,
  },
  {
    key: 'ubkt-tu-bac-kan',
    name: 'Ủy ban Kiểm tra Tỉnh ủy Bắc Kạn',
    shortName: 'Ủy ban Kiểm tra Tỉnh ủy',
    docAbbr: 'UBKTTU',
    type: 'PARTY_INSPECTION',
    level: 'PROVINCE',
    parent: 'tu-bac-kan',
    validTo: END_OF_DISTRICTS,
  },
  {
    key: 'hdnd-bac-kan',
    name: 'Hội đồng nhân dân tỉnh Bắc Kạn',
    shortName: 'HĐND tỉnh',
    docAbbr: 'HĐND',
    type: 'STATE_COUNCIL',
    level: 'PROVINCE',
    parent: 'tu-bac-kan',
    validTo: END_OF_DISTRICTS,
  },
  {
    key: 'ubnd-bac-kan',
    name: 'Ủy ban nhân dân tỉnh Bắc Kạn',
    shortName: 'UBND tỉnh',
    docAbbr: 'UBND',
    type: 'STATE_EXECUTIVE',
    level: 'PROVINCE',
    parent: 'tu-bac-kan',
    validTo: END_OF_DISTRICTS,
  },
  {
    key: 'so-vhttdl-bac-kan',
    name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Kạn',
    shortName: 'Sở VHTTDL',
    docAbbr: 'SVHTTDL',
    type: 'STATE_AGENCY',
    level: 'PROVINCE',
    parent: 'ubnd-bac-kan',
    validTo: END_OF_DISTRICTS,
  },
  {
    key: 'mttq-bac-kan',
    name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Kạn',
    shortName: 'Ủy ban MTTQ tỉnh',
    docAbbr: 'MTTQ',
    type: 'FRONT',
    level: 'PROVINCE',
    parent: 'tu-bac-kan',
    validTo: END_OF_DISTRICTS,
  },
  {
    key: 'tinh-doan-bac-kan',
    name: 'Tỉnh đoàn Bắc Kạn',
    shortName: 'Tỉnh đoàn',
    type: 'SOCIO_POLITICAL',
    level: 'PROVINCE',
    parent: 'tu-bac-kan',
    validTo: END_OF_DISTRICTS,
  },
  {
    key: 'hlhpn-bac-kan',
    name: 'Hội Liên hiệp Phụ nữ tỉnh Bắc Kạn',
    shortName: 'Hội LHPN tỉnh',
    type: 'SOCIO_POLITICAL',
    level: 'PROVINCE',
    parent: 'tu-bac-kan',
    validTo: END_OF_DISTRICTS,
  },
  {
    key: 'hnd-bac-kan',
    name: 'Hội Nông dân tỉnh Bắc Kạn',
    shortName: 'Hội Nông dân tỉnh',
    type: 'SOCIO_POLITICAL',
    level: 'PROVINCE',
    parent: 'tu-bac-kan',
    validTo: END_OF_DISTRICTS,
  },
  {
    key: 'hccb-bac-kan',
    name: 'Hội Cựu chiến binh tỉnh Bắc Kạn',
    shortName: 'Hội CCB tỉnh',
    type: 'SOCIO_POLITICAL',
    level: 'PROVINCE',
    parent: 'tu-bac-kan',
    validTo: END_OF_DISTRICTS,
  },
  {
    key: 'ldld-bac-kan',
    name: 'Liên đoàn Lao động tỉnh Bắc Kạn',
    shortName: 'LĐLĐ tỉnh',
    type: 'SOCIO_POLITICAL',
    level: 'PROVINCE',
    parent: 'tu-bac-kan',
    validTo: END_OF_DISTRICTS,
  },
  { key: 'bao-bac-kan', name: 'Báo Bắc Kạn', type: 'PRESS', level: 'PROVINCE', parent: 'tu-bac-kan', validTo: END_OF_DISTRICTS },
  {
    key: 'dai-bac-kan',
    name: 'Đài Phát thanh và Truyền hình Bắc Kạn',
    shortName: 'Đài PT-TH Bắc Kạn',
    type: 'PRESS',
    level: 'PROVINCE',
    parent: 'ubnd-bac-kan',
    validTo: END_OF_DISTRICTS,
  },

  { ...district('thu-bac-kan', 'Thành ủy Bắc Kạn'), docAbbr: undefined },
  district('hu-ba-be', 'Huyện ủy Ba Bể'),
  district('hu-bach-thong', 'Huyện ủy Bạch Thông'),
  district('hu-cho-don', 'Huyện ủy Chợ Đồn'),
  district('hu-cho-moi', 'Huyện ủy Chợ Mới'),
  district('hu-na-ri', 'Huyện ủy Na Rì'),
  district('hu-ngan-son', 'Huyện ủy Ngân Sơn'),
  district('hu-pac-nam', 'Huyện ủy Pác Nặm'),

  { key: 'du-duc-xuan', name: 'Đảng ủy phường Đức Xuân', docAbbr: 'ĐU', type: 'PARTY_COMMITTEE', level: 'COMMUNE', parent: 'thu-bac-kan' },
  { key: 'du-song-cau', name: 'Đảng ủy phường Sông Cầu', docAbbr: 'ĐU', type: 'PARTY_COMMITTEE', level: 'COMMUNE', parent: 'thu-bac-kan' },
  { key: 'du-nam-mau', name: 'Đảng ủy xã Nam Mẫu', docAbbr: 'ĐU', type: 'PARTY_COMMITTEE', level: 'COMMUNE', parent: 'hu-ba-be' },
  { key: 'du-cam-giang', name: 'Đảng ủy xã Cẩm Giàng', docAbbr: 'ĐU', type: 'PARTY_COMMITTEE', level: 'COMMUNE', parent: 'hu-bach-thong' },
  { key: 'cb-pac-ngoi', name: 'Chi bộ thôn Pác Ngòi', docAbbr: 'CB', type: 'PARTY_CELL', level: 'GRASSROOTS', parent: 'du-nam-mau' },
  { key: 'cb-ban-cam', name: 'Chi bộ thôn Bản Cám', docAbbr: 'CB', type: 'PARTY_CELL', level: 'GRASSROOTS', parent: 'du-nam-mau' },

  // Thái Nguyên before and after the merger of 1 July 2025.
  {
    key: 'tu-thai-nguyen-cu',
    name: 'Tỉnh ủy Thái Nguyên (trước hợp nhất)',
    shortName: 'Tỉnh ủy Thái Nguyên',
    docAbbr: 'TU',
    type: 'PARTY_COMMITTEE',
    level: 'PROVINCE',
    parent: 'bch-tw',
    validTo: END_OF_DISTRICTS,
  },
  {
    key: 'tu-thai-nguyen',
    name: 'Tỉnh ủy Thái Nguyên',
    shortName: 'Tỉnh ủy',
    docAbbr: 'TU',
    type: 'PARTY_COMMITTEE',
    level: 'PROVINCE',
    parent: 'bch-tw',
    validFrom: BAC_KAN_MERGED,
  },
  {
    key: 'btgdv-tu-thai-nguyen',
    name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy Thái Nguyên',
    shortName: 'Ban Tuyên giáo và Dân vận Tỉnh ủy',
    docAbbr: 'BTGDVTU',
    type: 'PARTY_ADVISORY',
    level: 'PROVINCE',
    parent: 'tu-thai-nguyen',
    validFrom: BAC_KAN_MERGED,
  },
  {
    key: 'hdnd-thai-nguyen',
    name: 'Hội đồng nhân dân tỉnh Thái Nguyên',
    shortName: 'HĐND tỉnh',
    docAbbr: 'HĐND',
    type: 'STATE_COUNCIL',
    level: 'PROVINCE',
    parent: 'tu-thai-nguyen',
    validFrom: BAC_KAN_MERGED,
  },
  {
    key: 'ubnd-thai-nguyen',
    name: 'Ủy ban nhân dân tỉnh Thái Nguyên',
    shortName: 'UBND tỉnh',
    docAbbr: 'UBND',
    type: 'STATE_EXECUTIVE',
    level: 'PROVINCE',
    parent: 'tu-thai-nguyen',
    validFrom: BAC_KAN_MERGED,
  },
  {
    key: 'bao-thai-nguyen',
    name: 'Báo và Phát thanh, Truyền hình Thái Nguyên',
    type: 'PRESS',
    level: 'PROVINCE',
    parent: 'tu-thai-nguyen',
    validFrom: BAC_KAN_MERGED,
  },
];

export interface DemoSuccession {
  from: string[];
  to?: string;
  kind: keyof typeof SuccessionKind;
  effectiveOn: string;
  basis: string;
}

const PROVINCE_MERGER = 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh';

export const successions: DemoSuccession[] = [
  // approx.: the central boards merged early in 2025.
  {
    from: ['btg-tw', 'bdv-tw'],
    to: 'btgdv-tw',
    kind: 'MERGE',
    effectiveOn: '2025-02-01',
    basis: 'Hợp nhất Ban Tuyên giáo Trung ương và Ban Dân vận Trung ương (2025)',
  },
  // approx.: provincial boards followed the central merger.
  {
    from: ['btg-tu-bac-kan', 'bdv-tu-bac-kan'],
    to: 'btgdv-tu-bac-kan',
    kind: 'MERGE',
    effectiveOn: '2025-03-01',
    basis: 'Hợp nhất Ban Tuyên giáo Tỉnh ủy và Ban Dân vận Tỉnh ủy Bắc Kạn (2025)',
  },
  {
    from: ['tu-bac-kan', 'tu-thai-nguyen-cu'],
    to: 'tu-thai-nguyen',
    kind: 'MERGE',
    effectiveOn: BAC_KAN_MERGED,
    basis: `Hợp nhất Đảng bộ tỉnh Bắc Kạn và Đảng bộ tỉnh Thái Nguyên theo ${PROVINCE_MERGER}`,
  },
  { from: ['btgdv-tu-bac-kan'], to: 'btgdv-tu-thai-nguyen', kind: 'MERGE', effectiveOn: BAC_KAN_MERGED, basis: PROVINCE_MERGER },
  { from: ['hdnd-bac-kan'], to: 'hdnd-thai-nguyen', kind: 'MERGE', effectiveOn: BAC_KAN_MERGED, basis: PROVINCE_MERGER },
  { from: ['ubnd-bac-kan'], to: 'ubnd-thai-nguyen', kind: 'MERGE', effectiveOn: BAC_KAN_MERGED, basis: PROVINCE_MERGER },
  {
    from: ['bao-bac-kan', 'dai-bac-kan'],
    to: 'bao-thai-nguyen',
    kind: 'MERGE',
    effectiveOn: BAC_KAN_MERGED,
    basis: 'Hợp nhất các cơ quan báo chí của tỉnh Bắc Kạn và tỉnh Thái Nguyên (2025)',
  },
  ...['thu-bac-kan', 'hu-ba-be', 'hu-bach-thong', 'hu-cho-don', 'hu-cho-moi', 'hu-na-ri', 'hu-ngan-son', 'hu-pac-nam'].map((key): DemoSuccession => ({
    from: [key],
    kind: 'DISSOLVE',
    effectiveOn: BAC_KAN_MERGED,
    basis: 'Kết thúc hoạt động của cấp huyện từ ngày 01/7/2025 (Luật Tổ chức chính quyền địa phương năm 2025)',
  })),
];

export interface DemoPerson {
  key: string;
  familyName: string;
  middleName: string;
  givenName: string;
  positions: { organization: string; title: string }[];
}

// Positions as named in the article (2024).
export const people: DemoPerson[] = [
  {
    key: 'phuong-thi-thanh',
    familyName: 'Phương',
    middleName: 'Thị',
    givenName: 'Thanh',
    positions: [
      { organization: 'tu-bac-kan', title: 'Phó Bí thư Thường trực Tỉnh ủy' },
      { organization: 'hdnd-bac-kan', title: 'Chủ tịch Hội đồng nhân dân tỉnh' },
    ],
  },
  {
    key: 'tran-thi-loc',
    familyName: 'Trần',
    middleName: 'Thị',
    givenName: 'Lộc',
    positions: [
      { organization: 'btv-tu-bac-kan', title: 'Ủy viên Ban Thường vụ Tỉnh ủy' },
      { organization: 'btg-tu-bac-kan', title: 'Trưởng Ban Tuyên giáo Tỉnh ủy' },
    ],
  },
];
