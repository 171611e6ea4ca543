import ApartmentIcon from '@mui/icons-material/Apartment';
import HistoryIcon from '@mui/icons-material/History';
import KeyIcon from '@mui/icons-material/Key';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import PeopleIcon from '@mui/icons-material/People';
import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Dashboard } from './Dashboard';
import { i18nProvider } from './i18n';
import { Layout } from './Layout';
import { ApiTokenCreate, ApiTokenList } from './resources/apiTokens';
import { AuditEventList } from './resources/auditEvents';
import { OrganizationCreate, OrganizationEdit } from './resources/organizations/OrganizationForm';
import { OrganizationList } from './resources/organizations/OrganizationList';
import { OrganizationShow } from './resources/organizations/OrganizationShow';
import { OrganizationTree } from './resources/organizations/OrganizationTree';
import { PersonCreate, PersonEdit, PersonList, PersonShow } from './resources/people';
import { UserCreate, UserEdit, UserList } from './resources/users';
import { authProvider, dataProvider } from './services';
import { theme } from './theme';

export function App() {
  return (
    <Admin
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      layout={Layout}
      theme={theme}
      title="Lan Tỏa"
      requireAuth
      disableTelemetry
    >
      <Resource name="organizations" icon={ApartmentIcon} list={OrganizationList} show={OrganizationShow} edit={OrganizationEdit} create={OrganizationCreate} recordRepresentation="name" />
      <Resource name="people" icon={PeopleIcon} list={PersonList} show={PersonShow} edit={PersonEdit} create={PersonCreate} recordRepresentation="fullName" />
      <Resource name="positions" recordRepresentation="title" />
      <Resource name="users" icon={ManageAccountsIcon} list={UserList} edit={UserEdit} create={UserCreate} recordRepresentation="displayName" />
      <Resource name="apiTokens" icon={KeyIcon} list={ApiTokenList} create={ApiTokenCreate} recordRepresentation="name" />
      <Resource name="auditEvents" icon={HistoryIcon} list={AuditEventList} />
      <CustomRoutes>
        <Route path="/tree" element={<OrganizationTree />} />
      </CustomRoutes>
    </Admin>
  );
}
