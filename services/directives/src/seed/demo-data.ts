/**
 * Demo records from the source article (shared/seed): the documents it names,
 * with issuers, dates and relations; the 2024–2025 theme; the four groups of
 * tasks of 499-BC/TU; the 3-year review with its figure of 1.567 exemplars.
 * Organization keys are those of the organizations subgraph's demo data.
 * Due dates and statuses of tasks, and the criteria, are illustrative (the
 * article gives none): they show each deadline status.
 */

export interface DemoDirective {
  key: string;
  number: string;
  term: string;
  title: string;
  issuedOn: string;
  issuer: string;
  summary?: string;
}

export const directives: DemoDirective[] = [
  {
    key: '05-ct-tw',
    number: '05-CT/TW',
    term: 'XII',
    title: 'Chỉ thị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    issuedOn: '2016-05-15',
    issuer: 'bo-chinh-tri',
  },
  {
    key: '01-kl-tw',
    number: '01-KL/TW',
    term: 'XIII',
    title: 'Kết luận của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW “Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”',
    issuedOn: '2021-05-18',
    issuer: 'bo-chinh-tri',
  },
  {
    key: '21-kl-tw',
    number: '21-KL/TW',
    term: 'XIII',
    title: 'Kết luận Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị',
    issuedOn: '2021-10-25',
    issuer: 'bch-tw',
  },
  {
    key: '144-qd-tw',
    number: '144-QĐ/TW',
    term: 'XIII',
    title: 'Quy định về chuẩn mực đạo đức cách mạng của cán bộ, đảng viên trong giai đoạn mới',
    issuedOn: '2024-05-09',
    issuer: 'bo-chinh-tri',
  },
  {
    key: '499-bc-tu',
    number: '499-BC/TU',
    term: 'XII',
    title: 'Báo cáo đánh giá 3 năm thực hiện Kết luận số 01-KL/TW của Bộ Chính trị',
    issuedOn: '2024-05-16',
    issuer: 'tu-bac-kan',
    summary:
      'Trong 3 năm qua các địa phương, đơn vị luôn nghiêm túc, chủ động, có nhiều cách làm phù hợp, sáng tạo, mang lại hiệu quả thiết thực; 1.567 điển hình được các cấp ủy biểu dương, khen thưởng.',
  },
];

export const relations: { from: string; to: string; kind: string }[] = [
  { from: '01-kl-tw', to: '05-ct-tw', kind: 'CONTINUES' },
  { from: '499-bc-tu', to: '01-kl-tw', kind: 'EVALUATES' },
];

export const theme = {
  key: 'chu-de-2024-2025',
  title: 'Nêu cao tinh thần trách nhiệm, linh hoạt, sáng tạo, hành động quyết liệt thực hiện thắng lợi mục tiêu nghị quyết đại hội Đảng các cấp đã đề ra',
  description: 'Chủ đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2024, 2025 của Ban Thường vụ Tỉnh ủy.',
  issuer: 'btv-tu-bac-kan',
  yearFrom: 2024,
  yearTo: 2025,
};

export interface DemoTask {
  key: string;
  title: string;
  group: 'PARTY_COMMITTEES' | 'GOVERNMENT_AND_MASS_ORGANIZATIONS' | 'PRESS_AND_MEDIA' | 'CADRES_AND_MEMBERS';
  lead: string;
  coordinators?: string[];
  dueOn: string;
  status: 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';
  completedOn?: string;
}

const districts = ['thu-bac-kan', 'hu-ba-be', 'hu-bach-thong', 'hu-cho-don', 'hu-cho-moi', 'hu-na-ri', 'hu-ngan-son', 'hu-pac-nam'];

export const tasks: DemoTask[] = [
  // Thứ nhất: cấp ủy các cấp — one per district committee, finished at different times.
  ...districts.map((d, i): DemoTask => ({
    key: `hoc-tap-chuyen-de-${d}`,
    title: 'Đẩy mạnh học tập, quán triệt, sinh hoạt chuyên đề chuyên sâu về nội dung Kết luận 01 và chủ đề năm 2024, 2025',
    group: 'PARTY_COMMITTEES',
    lead: d,
    dueOn: '2024-12-31',
    ...(i < 4
      ? { status: 'DONE', completedOn: `2024-${String(9 + i).padStart(2, '0')}-15` }
      : i < 6
        ? { status: 'DONE', completedOn: '2025-02-20' }
        : { status: 'IN_PROGRESS' }),
  })),
  {
    key: 'tieu-chi-danh-gia',
    title: 'Nghiên cứu xây dựng tiêu chí đánh giá kết quả thực hiện Kết luận số 01 gắn với Kết luận số 21-KL/TW và Quy định số 144-QĐ/TW',
    group: 'PARTY_COMMITTEES',
    lead: 'btg-tu-bac-kan',
    coordinators: ['ubkt-tu-bac-kan'],
    dueOn: '2024-09-30',
    status: 'DONE',
    completedOn: '2024-10-28',
  },
  {
    key: 'kiem-tra-giam-sat',
    title: 'Thường xuyên kiểm tra, giám sát, đôn đốc việc tổ chức thực hiện; biểu dương, khích lệ các việc làm tốt',
    group: 'PARTY_COMMITTEES',
    lead: 'ubkt-tu-bac-kan',
    dueOn: '2027-06-30',
    status: 'IN_PROGRESS',
  },
  // Thứ hai: chính quyền, đoàn thể.
  {
    key: 'phong-trao-thi-dua',
    title: 'Gắn việc phát động các phong trào thi đua với học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    group: 'GOVERNMENT_AND_MASS_ORGANIZATIONS',
    lead: 'ubnd-bac-kan',
    coordinators: ['mttq-bac-kan', 'tinh-doan-bac-kan', 'hlhpn-bac-kan', 'hnd-bac-kan'],
    dueOn: '2025-06-30',
    status: 'DONE',
    completedOn: '2025-06-20',
  },
  {
    key: 'tieu-chi-phong-trao',
    title: 'Cụ thể hóa các tiêu chí đánh giá chất lượng phong trào thi đua gắn với việc học tập, làm theo Bác',
    group: 'GOVERNMENT_AND_MASS_ORGANIZATIONS',
    lead: 'mttq-bac-kan',
    coordinators: ['ldld-bac-kan', 'hccb-bac-kan'],
    dueOn: '2025-03-31',
    status: 'IN_PROGRESS',
  },
  // Thứ ba: báo chí, truyền thông.
  {
    key: 'tuyen-truyen-gia-tri',
    title: 'Tuyên truyền, định hướng về giá trị to lớn của tư tưởng, đạo đức, phong cách Hồ Chí Minh và các văn bản chỉ đạo của cấp ủy',
    group: 'PRESS_AND_MEDIA',
    lead: 'bao-bac-kan',
    coordinators: ['dai-bac-kan'],
    dueOn: '2025-12-31',
    status: 'DONE',
    completedOn: '2025-12-15',
  },
  {
    key: 'phat-hien-dien-hinh',
    title: 'Chủ động phát hiện các điển hình để tuyên truyền, chia sẻ, khích lệ, lan tỏa',
    group: 'PRESS_AND_MEDIA',
    lead: 'dai-bac-kan',
    coordinators: ['bao-bac-kan'],
    dueOn: '2027-12-31',
    status: 'IN_PROGRESS',
  },
  {
    key: 'phan-anh-thieu-trach-nhiem',
    title: 'Cập nhật, phản ánh những tập thể, cá nhân còn thiếu tinh thần trách nhiệm trong thực hiện Kết luận 01 để kịp thời chấn chỉnh',
    group: 'PRESS_AND_MEDIA',
    lead: 'bao-bac-kan',
    dueOn: '2025-09-30',
    status: 'NOT_STARTED',
  },
  // Thứ tư: cán bộ, đảng viên, nhất là người đứng đầu.
  {
    key: 'nguoi-dung-dau-nang-cao-trach-nhiem',
    title: 'Người đứng đầu cấp ủy, đơn vị, địa phương nêu cao tinh thần trách nhiệm, linh hoạt, sáng tạo, hành động quyết liệt trong thực hiện nhiệm vụ',
    group: 'CADRES_AND_MEMBERS',
    lead: 'hu-ba-be',
    coordinators: ['du-nam-mau'],
    dueOn: '2027-12-31',
    status: 'IN_PROGRESS',
  },
  {
    key: 'dang-vien-noi-cu-tru',
    title: 'Cán bộ, đảng viên gương mẫu thực hiện trách nhiệm với cộng đồng dân cư nơi cư trú',
    group: 'CADRES_AND_MEMBERS',
    lead: 'cb-pac-ngoi',
    dueOn: '2025-05-19',
    status: 'IN_PROGRESS',
  },
];

export const review = {
  key: 'so-ket-3-nam-kl-01',
  title: 'Báo cáo sơ kết 3 năm thực hiện Kết luận số 01-KL/TW của Bộ Chính trị',
  directive: '01-kl-tw',
  reportDirective: '499-bc-tu',
  reportingOrganization: 'tu-bac-kan',
  periodKind: 'INTERIM_REVIEW',
  periodFrom: '2021-05-18',
  periodTo: '2024-05-16',
  submittedOn: '2024-05-16',
  results:
    'Các cấp ủy, tổ chức đảng, cán bộ, đảng viên nhất là người đứng đầu nêu cao vai trò tiên phong, gương mẫu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. Có nhiều mô hình, cách làm thiết thực, hiệu quả được nhân rộng: giúp đỡ thôn nghèo, xã nghèo xây dựng nông thôn mới; các chuyến xe không đồng, bữa cơm nhân ái; hỗ trợ kinh phí điều trị cho bệnh nhân nghèo; hỗ trợ hướng dẫn kỹ thuật trong sản xuất; ứng dụng khoa học vào sản xuất.',
  shortcomings:
    'Vai trò lãnh đạo, định hướng của một số cấp ủy cơ sở, nhất là người đứng đầu có lúc chưa sâu sát; việc làm mẫu, làm gương của một số người đứng đầu có nơi chưa nghiêm túc; việc theo dõi, đánh giá, biểu dương các tập thể, cá nhân điển hình có nơi chưa được chú trọng.',
  causes:
    'Việc tự phê bình và phê bình của một số cấp ủy, cán bộ, đảng viên chưa cao; sự quyết liệt trong kiểm tra, đôn đốc có đơn vị chưa được coi trọng; công tác hướng dẫn, tư vấn về nội dung, phương pháp chưa sâu sát.',
  lessons: 'Học tập và làm theo Bác phải gắn với thực hiện nhiệm vụ chính trị và giải quyết các vấn đề tồn tại, hạn chế của mỗi địa phương, đơn vị.',
  nextSteps:
    'Cấp ủy các cấp đẩy mạnh học tập, quán triệt Kết luận 01 và chủ đề năm 2024, 2025; chính quyền, đoàn thể gắn phong trào thi đua với làm theo Bác; báo chí chủ động phát hiện, tuyên truyền điển hình; cán bộ, đảng viên, nhất là người đứng đầu, nêu gương.',
  recommendations: 'Chỉ đạo các cơ quan tham mưu nghiên cứu xây dựng tiêu chí đánh giá kết quả thực hiện Kết luận số 01.',
  figures: [{ name: 'Điển hình được các cấp ủy biểu dương, khen thưởng', value: 1567, unit: 'điển hình' }],
};

export const criteria = [
  { key: 'tc1', code: 'TC1', title: 'Học tập, quán triệt Kết luận 01 và chủ đề năm', maxScore: 25 },
  { key: 'tc2', code: 'TC2', title: 'Xây dựng và thực hiện kế hoạch làm theo của tập thể, cá nhân', maxScore: 25 },
  { key: 'tc3', code: 'TC3', title: 'Nêu gương của người đứng đầu', maxScore: 25 },
  { key: 'tc4', code: 'TC4', title: 'Phát hiện, biểu dương, nhân rộng điển hình', maxScore: 25 },
];

export const evaluations = [
  { criterion: 'tc1', organization: 'hu-ba-be', score: 22 },
  { criterion: 'tc2', organization: 'hu-ba-be', score: 20 },
  { criterion: 'tc3', organization: 'hu-ba-be', score: 23 },
  { criterion: 'tc4', organization: 'hu-ba-be', score: 18 },
  { criterion: 'tc1', organization: 'hu-cho-don', score: 24 },
  { criterion: 'tc2', organization: 'hu-cho-don', score: 21 },
  { criterion: 'tc3', organization: 'hu-cho-don', score: 19 },
  { criterion: 'tc4', organization: 'hu-cho-don', score: 22 },
];
export const evaluationPeriod = { from: '2024-01-01', to: '2024-12-31' };
