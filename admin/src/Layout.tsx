import AccountTreeIcon from '@mui/icons-material/AccountTree';
import HistoryIcon from '@mui/icons-material/History';
import LogoutIcon from '@mui/icons-material/PhonelinkErase';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, Logout, Menu, useLogout, useNotify, UserMenu, useTranslate, type LayoutProps } from 'react-admin';
import { DirectivesMenuItems } from './resources/directives/Menu';
import { session } from './services';
import { exemplarMenuItems } from './resources/exemplars/resources';
import { mediaMenuItems } from './resources/media/resources';
import { MyWorkProvider } from './my-work/MyWorkContext';

function SignOutEverywhere() {
  const translate = useTranslate();
  const notify = useNotify();
  const logout = useLogout();
  return (
    <MenuItem
      onClick={async () => {
        await session.signOutEverywhere().catch(() => undefined);
        notify('lantoa.auth.signed_out_everywhere', { type: 'info' });
        await logout();
      }}
    >
      <ListItemIcon>
        <LogoutIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('lantoa.auth.sign_out_everywhere')}</ListItemText>
    </MenuItem>
  );
}

const MyUserMenu = () => (
  <UserMenu>
    <SignOutEverywhere />
    <Logout />
  </UserMenu>
);

const MyAppBar = () => <AppBar userMenu={<MyUserMenu />} />;

/** Menu items follow the caller's roles: Menu.ResourceItem hides resources canAccess refuses. */
function MyMenu() {
  return (
    <Menu>
      <Menu.DashboardItem primaryText="lantoa.menu.dashboard" />
      {exemplarMenuItems}
      {mediaMenuItems}
      <Menu.Item to="/tree" primaryText="lantoa.menu.tree" leftIcon={<AccountTreeIcon />} />
      <Menu.ResourceItem name="organizations" />
      <Menu.ResourceItem name="people" />
      <Menu.ResourceItem name="users" />
      <DirectivesMenuItems />
      <Menu.ResourceItem name="apiTokens" />
      <Menu.ResourceItem name="auditEvents" leftIcon={<HistoryIcon />} />
    </Menu>
  );
}

export function Layout({ children }: LayoutProps & { children: ReactNode }) {
  return (
    // One "Việc của tôi" poll for the menu's badges and the home panel.
    <MyWorkProvider>
      <RaLayout appBar={MyAppBar} menu={MyMenu}>
        {children}
      </RaLayout>
    </MyWorkProvider>
  );
}
