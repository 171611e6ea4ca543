/**
 * Demo media items: Báo Bắc Kạn and Đài PT-TH Bắc Kạn on the conference
 * reviewing three years of Kết luận 01-KL/TW (16/5/2024), the exemplars
 * honoured there and before, the practices, and one critical item; a
 * campaign for the 2024–2025 theme, half done (4 of 8 items, 3 of 6 on
 * exemplars). Keys are turned into fixed ids (demoId) by seed.ts.
 * Illustrative content, not real articles.
 */
export interface DemoItem {
  key: string;
  kind: string;
  title: string;
  summary: string;
  body?: string;
  outlet: 'bao-bac-kan' | 'dai-bac-kan';
  authors: string[];
  url?: string;
  tone: 'PROMOTES_EXEMPLAR' | 'EXPLAINS_DIRECTIVE' | 'CRITICAL';
  status: 'DRAFT' | 'IN_REVIEW' | 'APPROVED' | 'PUBLISHED' | 'ARCHIVED';
  publishedAt?: string;
  reach?: { views?: number; shares?: number; listeners?: number; readOn: string };
  exemplars?: string[];
  directives?: string[];
  themes?: string[];
  tasks?: string[];
}

export const REVIEW_CONFERENCE = '2024-05-16';
export const THEME = 'chu-de-2024-2025';

export const items: DemoItem[] = [
  {
    key: 'so-ket-3-nam-kl01',
    kind: 'ONLINE_ARTICLE',
    title: 'Sơ kết 3 năm thực hiện Kết luận số 01-KL/TW của Bộ Chính trị',
    summary: 'Hội nghị sơ kết 3 năm thực hiện Kết luận 01-KL/TW gắn với chủ đề năm; biểu dương các tập thể, cá nhân điển hình.',
    body: '<p>Sáng 16/5/2024, Tỉnh ủy Bắc Kạn tổ chức <strong>Hội nghị sơ kết 3 năm</strong> thực hiện Kết luận số 01-KL/TW.</p><p>Toàn tỉnh có 1.567 tập thể, cá nhân được biểu dương, khen thưởng.</p>',
    outlet: 'bao-bac-kan',
    authors: ['Thu Hà'],
    url: 'https://baobackan.vn/so-ket-3-nam-thuc-hien-ket-luan-01-kl-tw',
    tone: 'EXPLAINS_DIRECTIVE',
    status: 'PUBLISHED',
    publishedAt: '2024-05-16T15:30:00+07:00',
    reach: { views: 4210, shares: 96, readOn: '2024-06-01' },
    directives: ['01-kl-tw', '499-bc-tu'],
    themes: [THEME],
    tasks: ['tuyen-truyen-gia-tri'],
  },
  {
    key: 'bieu-duong-dien-hinh-2024',
    kind: 'TV_REPORT',
    title: 'Biểu dương điển hình tiên tiến trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    summary: 'Phóng sự về các điển hình được biểu dương tại hội nghị sơ kết, trong đó có Chi bộ thôn Bản Cám.',
    outlet: 'dai-bac-kan',
    authors: ['Minh Đức', 'Lan Anh'],
    url: 'https://backantv.vn/bieu-duong-dien-hinh-tien-tien-2024',
    tone: 'PROMOTES_EXEMPLAR',
    status: 'PUBLISHED',
    publishedAt: '2024-05-16T19:45:00+07:00',
    reach: { views: 12800, shares: 310, readOn: '2024-06-01' },
    exemplars: ['chi-bo-ban-cam'],
    directives: ['01-kl-tw'],
    themes: [THEME],
  },
  {
    key: 'chuyen-xe-khong-dong',
    kind: 'PRINT_ARTICLE',
    title: '“Chuyến xe không đồng” nối dài yêu thương',
    summary: 'Nhóm tình nguyện Chợ Đồn đưa đón miễn phí bệnh nhân nghèo; mô hình được khen thưởng và nhân rộng.',
    outlet: 'bao-bac-kan',
    authors: ['Ngọc Mai'],
    tone: 'PROMOTES_EXEMPLAR',
    status: 'PUBLISHED',
    publishedAt: '2024-06-10T06:00:00+07:00',
    exemplars: ['chuyen-xe-khong-dong'],
    themes: [THEME],
  },
  {
    key: 'bua-com-nhan-ai',
    kind: 'RADIO_REPORT',
    title: 'Bữa cơm nhân ái ở Bệnh viện Đa khoa tỉnh',
    summary: 'Chương trình phát thanh về những suất cơm miễn phí hằng tuần cho người nhà bệnh nhân nghèo.',
    outlet: 'dai-bac-kan',
    authors: ['Hồng Nhung'],
    tone: 'PROMOTES_EXEMPLAR',
    status: 'PUBLISHED',
    publishedAt: '2024-08-19T11:00:00+07:00',
    reach: { listeners: 5600, readOn: '2024-08-31' },
    exemplars: ['bua-com-nhan-ai'],
    themes: [THEME],
  },
  {
    key: 'giup-thon-ngheo',
    kind: 'ONLINE_ARTICLE',
    title: 'Nam Mẫu: Đảng ủy xã đồng hành cùng thôn nghèo xây dựng nông thôn mới',
    summary: 'Bài viết về cách làm của Đảng ủy xã Nam Mẫu, đang chờ hoàn thiện.',
    outlet: 'bao-bac-kan',
    authors: ['Thu Hà'],
    tone: 'PROMOTES_EXEMPLAR',
    status: 'DRAFT',
    exemplars: ['giup-thon-ngheo-ntm'],
    themes: [THEME],
  },
  {
    key: 'tu-banh-mi-0-dong',
    kind: 'SOCIAL_POST',
    title: 'Những mô hình “0 đồng” lan tỏa ở Bắc Kạn',
    summary: 'Bài đăng giới thiệu các cách làm hay: tủ bánh mì 0 đồng, chuyến xe 0 đồng, bữa cơm nhân ái.',
    outlet: 'dai-bac-kan',
    authors: ['Ban biên tập'],
    tone: 'PROMOTES_EXEMPLAR',
    status: 'IN_REVIEW',
    themes: [THEME],
  },
  {
    key: 'cham-giai-ngan',
    kind: 'PRINT_ARTICLE',
    title: 'Chậm giải ngân vốn hỗ trợ sản xuất: trách nhiệm thuộc về ai?',
    summary: 'Phản ánh việc một số xã chậm giải ngân vốn hỗ trợ sản xuất, người đứng đầu chưa sâu sát.',
    outlet: 'bao-bac-kan',
    authors: ['Nhóm phóng viên'],
    url: 'https://baobackan.vn/cham-giai-ngan-von-ho-tro-san-xuat',
    tone: 'CRITICAL',
    status: 'PUBLISHED',
    publishedAt: '2024-09-05T07:00:00+07:00',
    reach: { views: 2300, shares: 41, readOn: '2024-09-30' },
    directives: ['01-kl-tw'],
    tasks: ['phan-anh-thieu-trach-nhiem'],
  },
];

export const campaign = {
  key: 'tuyen-truyen-chu-de-2024-2025',
  name: 'Đợt tuyên truyền chủ đề năm 2024–2025',
  description: 'Tuyên truyền chủ đề năm và các điển hình học tập và làm theo Bác trên Báo Bắc Kạn và Đài PT-TH Bắc Kạn.',
  organization: 'btg-tu-bac-kan',
  theme: THEME,
  periodFrom: '2024-01-01',
  periodTo: '2025-06-30',
  participants: ['bao-bac-kan', 'dai-bac-kan'],
  targetItems: 8,
  targetExemplarItems: 6,
  targetPerOutlet: 4,
};
