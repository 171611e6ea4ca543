import { Role } from '@lantoa/kit';

/**
 * One demo user per role. DEMO ONLY: the password is published here and
 * printed by `pnpm start`; never load the demo data into a real deployment.
 */
export const DEMO_PASSWORD = 'LanToa@2026';

export interface DemoUser {
  key: string;
  email: string;
  displayName: string;
  role: Role;
  /** Key of the organization in the organizations subgraph's demo data. */
  organization: string;
  password: string;
}

const user = (key: string, email: string, displayName: string, role: Role, organization: string): DemoUser => ({
  key,
  email,
  displayName,
  role,
  organization,
  password: DEMO_PASSWORD,
});

export const DEMO_USERS: readonly DemoUser[] = Object.freeze([
  user('admin', 'admin@lantoa.vn', 'Quản trị viên hệ thống', Role.ADMIN, 'tu-bac-kan'),
  user('bientap', 'bientap@lantoa.vn', 'Biên tập viên Ban Tuyên giáo Tỉnh ủy', Role.EDITOR, 'btg-tu-bac-kan'),
  user('bientap-babe', 'bientap.babe@lantoa.vn', 'Biên tập viên Huyện ủy Ba Bể', Role.EDITOR, 'hu-ba-be'),
  user('kiemduyet', 'kiemduyet@lantoa.vn', 'Kiểm duyệt viên Ban Tuyên giáo Tỉnh ủy', Role.REVIEWER, 'btg-tu-bac-kan'),
  user('kiemduyet-babe', 'kiemduyet.babe@lantoa.vn', 'Kiểm duyệt viên Huyện ủy Ba Bể', Role.REVIEWER, 'hu-ba-be'),
  user('bientap-bao', 'bientap.bao@lantoa.vn', 'Phóng viên, biên tập viên Báo Bắc Kạn', Role.EDITOR, 'bao-bac-kan'),
  user('kiemduyet-bao', 'kiemduyet.bao@lantoa.vn', 'Thư ký tòa soạn Báo Bắc Kạn', Role.REVIEWER, 'bao-bac-kan'),
  user('xem', 'xem@lantoa.vn', 'Cán bộ theo dõi Tỉnh ủy', Role.VIEWER, 'tu-bac-kan'),
  user('tichhop', 'tichhop@lantoa.vn', 'Tài khoản tích hợp Cổng thông tin tỉnh', Role.INTEGRATOR, 'tu-bac-kan'),
]);
