import ApartmentIcon from '@mui/icons-material/Apartment';
import HistoryIcon from '@mui/icons-material/History';
import KeyIcon from '@mui/icons-material/Key';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import PeopleIcon from '@mui/icons-material/People';
import { lazy, type ComponentType } from 'react';
import { createHashRouter, Route, RouterProvider } from 'react-router-dom';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Dashboard } from './Dashboard';
import { i18nProvider } from './i18n';
import { Layout } from './Layout';
import { LoginPage } from './LoginPage';
import { OrganizationList } from './resources/organizations/OrganizationList';
import * as D from './resources/directives/screens';
import { exemplarResources } from './resources/exemplars/resources';
import { mediaResources } from './resources/media/resources';
import { authProvider, dataProvider } from './services';
import { theme } from './theme';

// Screens beyond the first ones load on demand (react-admin's layout has a Suspense boundary).
const page = <M,>(load: () => Promise<M>, name: keyof M) => lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
const organizationForms = () => import('./resources/organizations/OrganizationForm');
const people = () => import('./resources/people');
const users = () => import('./resources/users');
const tokens = () => import('./resources/apiTokens');
const OrganizationShow = page(() => import('./resources/organizations/OrganizationShow'), 'OrganizationShow');
const OrganizationEdit = page(organizationForms, 'OrganizationEdit');
const OrganizationCreate = page(organizationForms, 'OrganizationCreate');
const OrganizationTree = page(() => import('./resources/organizations/OrganizationTree'), 'OrganizationTree');
const PersonList = page(people, 'PersonList');
const PersonShow = page(people, 'PersonShow');
const PersonEdit = page(people, 'PersonEdit');
const PersonCreate = page(people, 'PersonCreate');
const UserList = page(users, 'UserList');
const UserEdit = page(users, 'UserEdit');
const UserCreate = page(users, 'UserCreate');
const ApiTokenList = page(tokens, 'ApiTokenList');
const ApiTokenCreate = page(tokens, 'ApiTokenCreate');
const AuditEventList = page(() => import('./resources/auditEvents'), 'AuditEventList');

function Console() {
  return (
    <Admin
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      layout={Layout}
      loginPage={LoginPage}
      theme={theme}
      title="Lan Tỏa"
      requireAuth
      disableTelemetry
    >
      <Resource
        name="organizations"
        icon={ApartmentIcon}
        list={OrganizationList}
        show={OrganizationShow}
        edit={OrganizationEdit}
        create={OrganizationCreate}
        recordRepresentation="name"
      />
      <Resource name="people" icon={PeopleIcon} list={PersonList} show={PersonShow} edit={PersonEdit} create={PersonCreate} recordRepresentation="fullName" />
      <Resource name="positions" recordRepresentation="title" />
      <Resource name="users" icon={ManageAccountsIcon} list={UserList} edit={UserEdit} create={UserCreate} recordRepresentation="displayName" />
      <Resource name="apiTokens" icon={KeyIcon} list={ApiTokenList} create={ApiTokenCreate} recordRepresentation="name" />
      <Resource name="auditEvents" icon={HistoryIcon} list={AuditEventList} />
      <Resource
        name="directives"
        icon={D.DirectiveIcon}
        list={D.DirectiveList}
        show={D.DirectiveShow}
        edit={D.DirectiveEdit}
        create={D.DirectiveCreate}
        recordRepresentation="number"
      />
      <Resource name="tasks" icon={D.TaskIcon} list={D.TaskList} show={D.TaskShow} edit={D.TaskEdit} create={D.TaskCreate} recordRepresentation="title" />
      <Resource
        name="progressReports"
        icon={D.ReportIcon}
        list={D.ReportList}
        show={D.ReportShow}
        edit={D.ReportEdit}
        create={D.ReportCreate}
        recordRepresentation="title"
      />
      <Resource name="themes" icon={D.ThemeIcon} list={D.ThemeList} show={D.ThemeShow} edit={D.ThemeEdit} create={D.ThemeCreate} recordRepresentation="title" />
      <Resource name="criteria" recordRepresentation="code" />
      <Resource name="evaluations" />
      {exemplarResources}
      {mediaResources}
      <CustomRoutes>
        <Route path="/tree" element={<OrganizationTree />} />
      </CustomRoutes>
    </Admin>
  );
}

/**
 * The router is ours so that navigations are not React transitions. react-admin
 * 5.15 asks for that with react-router 6's `v7_startTransition: false`, which
 * react-router 7 no longer reads. As a transition, the redirect of an anonymous
 * visitor to the sign-in page was interrupted by react-admin's urgent reset of
 * its query cache right after it: the routes re-rendered at the old address,
 * checked the session again, mounted LogoutOnMount again and redirected again,
 * for 15 s and thousands of `#/login` history entries before the form showed.
 * A data router (not <HashRouter>) keeps the unsaved-changes warnings working.
 */
const router = createHashRouter([{ path: '*', element: <Console /> }]);

export function App() {
  return <RouterProvider router={router} useTransitions={false} />;
}
