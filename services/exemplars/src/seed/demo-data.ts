/**
 * Demo exemplars from the source article (shared/seed): the practices it
 * names, in Bắc Kạn's districts, at different steps of the lifecycle, two
 * with commendations. Which organization may grant which form is illustrative
 * data (admins correct it in the console). The article gives only the total
 * of 1.567 exemplars recognised or awarded in the three years of review; the
 * records behind it are loaded as placeholder rows, marked as such, so the
 * figure is reproducible from the data (see exemplarStats in the README).
 */

export const REVIEW_PERIOD = { from: '2021-05-18', to: '2024-05-16' };
export const REVIEW_TOTAL = 1567;

export interface DemoExemplar {
  key: string;
  kind: 'INDIVIDUAL' | 'COLLECTIVE' | 'HOUSEHOLD' | 'PRACTICE';
  name: string;
  organization: string;
  subjectOrganization?: string;
  field: string;
  summary: string;
  story: string;
  status: string;
  recognisedOn?: string;
  awardedOn?: string;
  steps: { action: string; from: string | null; to: string; on: string; note?: string }[];
}

const register = (on: string) => ({ action: 'REGISTER', from: null, to: 'REGISTERED', on });

export const exemplars: DemoExemplar[] = [
  {
    key: 'chuyen-xe-khong-dong',
    kind: 'PRACTICE',
    name: 'Chuyến xe không đồng đưa bệnh nhân nghèo đi viện',
    organization: 'hu-cho-don',
    field: 'CHARITY',
    summary: 'Những chuyến xe miễn phí đưa bệnh nhân nghèo, trường hợp nguy kịch từ các xã vùng cao đến bệnh viện.',
    story:
      '<p>Từ năm 2021, nhóm tình nguyện ở huyện Chợ Đồn duy trì <strong>“chuyến xe không đồng”</strong>, đưa đón miễn phí bệnh nhân nghèo đi khám, chữa bệnh.</p><p>Mô hình được nhiều địa phương học tập, nhân rộng.</p>',
    status: 'AWARDED',
    recognisedOn: '2022-05-19',
    awardedOn: '2023-04-28',
    steps: [
      register('2021-09-01'),
      { action: 'PROPOSE', from: 'REGISTERED', to: 'PROPOSED', on: '2022-03-10' },
      { action: 'VERIFY', from: 'PROPOSED', to: 'VERIFIED', on: '2022-04-20' },
      { action: 'RECOGNISE', from: 'VERIFIED', to: 'RECOGNISED', on: '2022-05-19', note: 'Biểu dương tại hội nghị điển hình học tập và làm theo Bác.' },
      { action: 'AWARD', from: 'RECOGNISED', to: 'AWARDED', on: '2023-04-28', note: 'Quyết định số 1436/QĐ-UBND' },
    ],
  },
  {
    key: 'bua-com-nhan-ai',
    kind: 'PRACTICE',
    name: 'Bữa cơm nhân ái cho người nhà bệnh nhân nghèo',
    organization: 'thu-bac-kan',
    field: 'CHARITY',
    summary: 'Suất cơm miễn phí hằng tuần cho bệnh nhân nghèo và người nhà tại bệnh viện tỉnh.',
    story: '<p>Các đoàn viên, hội viên thành phố Bắc Kạn nấu và phát <em>“bữa cơm nhân ái”</em> mỗi tuần tại Bệnh viện Đa khoa tỉnh.</p>',
    status: 'PUBLICISED',
    recognisedOn: '2023-05-19',
    steps: [
      register('2022-01-15'),
      { action: 'PROPOSE', from: 'REGISTERED', to: 'PROPOSED', on: '2023-02-01' },
      { action: 'VERIFY', from: 'PROPOSED', to: 'VERIFIED', on: '2023-03-15' },
      { action: 'RECOGNISE', from: 'VERIFIED', to: 'RECOGNISED', on: '2023-05-19' },
      { action: 'PUBLICISE', from: 'RECOGNISED', to: 'PUBLICISED', on: '2023-06-02', note: 'Báo Bắc Kạn đăng loạt bài “Lan tỏa bữa cơm nhân ái”.' },
    ],
  },
  {
    key: 'giup-thon-ngheo-ntm',
    kind: 'COLLECTIVE',
    name: 'Đảng ủy xã Nam Mẫu giúp thôn nghèo xây dựng nông thôn mới',
    organization: 'hu-ba-be',
    subjectOrganization: 'du-nam-mau',
    field: 'NEW_RURAL_DEVELOPMENT',
    summary: 'Cán bộ, đảng viên xã nhận đỡ đầu từng hộ nghèo, góp công làm đường, nhà văn hóa thôn.',
    story: '<p>Đảng ủy xã Nam Mẫu phân công mỗi đảng viên giúp đỡ một hộ nghèo; thôn Pác Ngòi đạt chuẩn nông thôn mới năm 2023.</p>',
    status: 'REPLICATED',
    recognisedOn: '2023-05-19',
    awardedOn: '2023-12-20',
    steps: [
      register('2021-10-01'),
      { action: 'PROPOSE', from: 'REGISTERED', to: 'PROPOSED', on: '2023-01-10' },
      { action: 'VERIFY', from: 'PROPOSED', to: 'VERIFIED', on: '2023-03-01' },
      { action: 'RECOGNISE', from: 'VERIFIED', to: 'RECOGNISED', on: '2023-05-19' },
      { action: 'AWARD', from: 'RECOGNISED', to: 'AWARDED', on: '2023-12-20', note: 'Quyết định số 215-QĐ/HU' },
      { action: 'PUBLICISE', from: 'AWARDED', to: 'PUBLICISED', on: '2024-01-08' },
      { action: 'REPLICATE', from: 'PUBLICISED', to: 'REPLICATED', on: '2024-03-15', note: 'Nhân rộng ra các xã trong huyện.' },
    ],
  },
  {
    key: 'ho-tro-benh-nhan-ngheo',
    kind: 'PRACTICE',
    name: 'Quỹ hỗ trợ kinh phí điều trị cho bệnh nhân nghèo',
    organization: 'hu-bach-thong',
    field: 'HEALTH_CARE',
    summary: 'Quỹ do cán bộ, đảng viên đóng góp, hỗ trợ các trường hợp nguy kịch.',
    story: '<p>Mỗi cán bộ, đảng viên huyện Bạch Thông góp một ngày lương mỗi quý vào quỹ.</p>',
    status: 'VERIFIED',
    steps: [
      register('2024-02-01'),
      { action: 'PROPOSE', from: 'REGISTERED', to: 'PROPOSED', on: '2024-06-10' },
      { action: 'VERIFY', from: 'PROPOSED', to: 'VERIFIED', on: '2024-08-01' },
    ],
  },
  {
    key: 'huong-dan-ky-thuat',
    kind: 'PRACTICE',
    name: 'Hướng dẫn kỹ thuật trồng cây ăn quả cho hộ nghèo',
    organization: 'hu-na-ri',
    field: 'PRODUCTION_AND_TECHNOLOGY',
    summary: 'Cán bộ khuyến nông cùng hội viên nông dân hướng dẫn kỹ thuật tại vườn.',
    story: '<p>Các buổi hướng dẫn tại vườn giúp nhiều hộ nghèo ở Na Rì có thu nhập ổn định từ cây ăn quả.</p>',
    status: 'PROPOSED',
    steps: [register('2024-09-01'), { action: 'PROPOSE', from: 'REGISTERED', to: 'PROPOSED', on: '2025-01-15' }],
  },
  {
    key: 'ung-dung-khoa-hoc',
    kind: 'HOUSEHOLD',
    name: 'Hộ gia đình mạnh dạn ứng dụng khoa học vào chăn nuôi, làm giàu',
    organization: 'hu-ngan-son',
    field: 'PRODUCTION_AND_TECHNOLOGY',
    summary: 'Hộ gia đình chủ động vay vốn, ứng dụng kỹ thuật chăn nuôi, không trông chờ sự giúp đỡ của Nhà nước.',
    story: '<p>Từ hộ nghèo, gia đình đã vươn lên khá giả nhờ chăn nuôi theo hướng hàng hóa.</p>',
    status: 'REGISTERED',
    steps: [register('2025-03-01')],
  },
  {
    key: 'chi-bo-ban-cam',
    kind: 'COLLECTIVE',
    name: 'Chi bộ thôn Bản Cám nêu gương trong học tập và làm theo Bác',
    organization: 'du-nam-mau',
    subjectOrganization: 'cb-ban-cam',
    field: 'PARTY_BUILDING',
    summary: 'Sinh hoạt chuyên đề hằng tháng gắn với việc làm cụ thể của từng đảng viên.',
    story: '<p>Chi bộ thôn Bản Cám đưa nội dung học tập và làm theo Bác vào mọi buổi sinh hoạt.</p>',
    status: 'RECOGNISED',
    recognisedOn: '2024-05-16',
    steps: [
      register('2023-06-01'),
      { action: 'PROPOSE', from: 'REGISTERED', to: 'PROPOSED', on: '2024-02-01' },
      { action: 'VERIFY', from: 'PROPOSED', to: 'VERIFIED', on: '2024-04-01' },
      {
        action: 'RECOGNISE',
        from: 'VERIFIED',
        to: 'RECOGNISED',
        on: '2024-05-16',
        note: 'Biểu dương tại Hội nghị đánh giá 3 năm thực hiện Kết luận số 01-KL/TW.',
      },
    ],
  },
  {
    key: 'de-xuat-chua-du',
    kind: 'INDIVIDUAL',
    name: 'Đề xuất một cá nhân chưa đủ căn cứ xác minh',
    organization: 'hu-pac-nam',
    field: 'OTHER',
    summary: 'Hồ sơ đề xuất thiếu minh chứng kết quả.',
    story: '<p>Hồ sơ được trả lại để bổ sung.</p>',
    status: 'REJECTED',
    steps: [
      register('2024-03-01'),
      { action: 'PROPOSE', from: 'REGISTERED', to: 'PROPOSED', on: '2024-04-01' },
      { action: 'REJECT', from: 'PROPOSED', to: 'REJECTED', on: '2024-04-20', note: 'Chưa có minh chứng kết quả cụ thể.' },
    ],
  },
];

export const commendations = [
  {
    key: 'bang-khen-chuyen-xe',
    exemplar: 'chuyen-xe-khong-dong',
    form: 'CERTIFICATE_OF_MERIT',
    title: 'Bằng khen của Chủ tịch UBND tỉnh',
    basis: 'CAMPAIGN',
    decidingOrganization: 'ubnd-bac-kan',
    proposingOrganization: 'hu-cho-don',
    decisionNumber: '1436/QĐ-UBND',
    decidedOn: '2023-04-28',
  },
  {
    key: 'giay-khen-nam-mau',
    exemplar: 'giup-thon-ngheo-ntm',
    form: 'CERTIFICATE_OF_COMMENDATION',
    title: 'Giấy khen của Ban Thường vụ Huyện ủy Ba Bể',
    basis: 'REGULAR',
    decidingOrganization: 'hu-ba-be',
    proposingOrganization: 'du-nam-mau',
    decisionNumber: '215-QĐ/HU',
    decidedOn: '2023-12-20',
  },
];

export const authorities = [
  { type: 'STATE_EXECUTIVE', level: 'PROVINCE', form: 'CERTIFICATE_OF_MERIT', note: 'Bằng khen của Chủ tịch UBND cấp tỉnh (Luật Thi đua, khen thưởng 2022).' },
  { type: 'STATE_EXECUTIVE', level: 'PROVINCE', form: 'EMULATION_FIGHTER', note: 'Chiến sĩ thi đua cấp tỉnh.' },
  { type: 'STATE_EXECUTIVE', level: 'PROVINCE', form: 'EMULATION_FLAG', note: 'Cờ thi đua của UBND cấp tỉnh.' },
  { type: 'STATE_EXECUTIVE', level: 'PROVINCE', form: 'EXCELLENT_LABOUR_COLLECTIVE', note: 'Tập thể lao động xuất sắc.' },
  { type: 'PARTY_COMMITTEE', level: 'PROVINCE', form: 'CERTIFICATE_OF_MERIT', note: 'Bằng khen của Ban Thường vụ Tỉnh ủy.' },
  { type: 'PARTY_COMMITTEE', level: 'DISTRICT', form: 'CERTIFICATE_OF_COMMENDATION', note: 'Giấy khen của Ban Thường vụ Huyện ủy, Thành ủy.' },
  { type: 'PARTY_COMMITTEE', level: 'COMMUNE', form: 'CERTIFICATE_OF_COMMENDATION', note: 'Giấy khen của Đảng ủy cơ sở.' },
];

export const DISTRICTS = ['thu-bac-kan', 'hu-ba-be', 'hu-bach-thong', 'hu-cho-don', 'hu-cho-moi', 'hu-na-ri', 'hu-ngan-son', 'hu-pac-nam'];

export const movement = {
  key: 'hoc-tap-lam-theo-bac',
  name: 'Phong trào thi đua học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  description: 'Gắn việc phát động các phong trào thi đua với thực hiện Kết luận số 01-KL/TW trong các tầng lớp cán bộ, đảng viên và Nhân dân.',
  launchingOrganization: 'tu-bac-kan',
  periodFrom: '2021-06-01',
  periodTo: '2025-12-31',
};
