import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import FlagIcon from '@mui/icons-material/Flag';
import GavelIcon from '@mui/icons-material/Gavel';
import MilitaryTechIcon from '@mui/icons-material/MilitaryTech';
import { lazy, type ComponentType } from 'react';
import { Menu, Resource } from 'react-admin';
import { WorkMenuLabel } from '../../my-work/WorkMenuLabel';

// Every exemplars screen loads on demand (react-admin's layout has a Suspense boundary).
const page = <M,>(load: () => Promise<M>, name: keyof M) => lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
const forms = () => import('./ExemplarForm');
const movements = () => import('../movements/Movements');

/** The exemplars subgraph's resources, as <Admin> children (App.tsx spreads them in one line). */
export const exemplarResources = [
  <Resource
    key="exemplars"
    name="exemplars"
    icon={EmojiEventsIcon}
    list={page(() => import('./ExemplarList'), 'ExemplarList')}
    show={page(() => import('./ExemplarShow'), 'ExemplarShow')}
    edit={page(forms, 'ExemplarEdit')}
    create={page(forms, 'ExemplarCreate')}
    recordRepresentation="name"
  />,
  <Resource
    key="commendations"
    name="commendations"
    icon={MilitaryTechIcon}
    list={page(() => import('../commendations/CommendationList'), 'CommendationList')}
    recordRepresentation="decisionNumber"
  />,
  <Resource
    key="movements"
    name="movements"
    icon={FlagIcon}
    list={page(movements, 'MovementList')}
    create={page(movements, 'MovementCreate')}
    recordRepresentation="name"
  />,
  <Resource
    key="commendationAuthorities"
    name="commendationAuthorities"
    icon={GavelIcon}
    list={page(() => import('../authorities/Authorities'), 'AuthorityList')}
  />,
];

/** Their menu items (hidden by canAccess where the role may not list them); exemplars come first, the staff's daily screen. */
export const exemplarMenuItems = [
  <Menu.ResourceItem key="exemplars" name="exemplars" primaryText={<WorkMenuLabel resource="exemplars" />} />,
  <Menu.ResourceItem key="commendations" name="commendations" />,
  <Menu.ResourceItem key="movements" name="movements" />,
  <Menu.ResourceItem key="commendationAuthorities" name="commendationAuthorities" />,
];
