import CampaignIcon from '@mui/icons-material/Campaign';
import NewspaperIcon from '@mui/icons-material/Newspaper';
import { lazy, type ComponentType } from 'react';
import { Menu, Resource } from 'react-admin';
import { WorkMenuLabel } from '../../my-work/WorkMenuLabel';

// Every media screen loads on demand (react-admin's layout has a Suspense boundary).
const page = <M,>(load: () => Promise<M>, name: keyof M) => lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
const itemForms = () => import('./MediaItemForm');
const campaigns = () => import('./Campaigns');
const campaignForms = () => import('./CampaignForm');

/** The media subgraph's resources, as <Admin> children (App.tsx spreads them in one line). */
export const mediaResources = [
  <Resource
    key="mediaItems"
    name="mediaItems"
    icon={NewspaperIcon}
    list={page(() => import('./MediaItemList'), 'MediaItemList')}
    show={page(() => import('./MediaItemShow'), 'MediaItemShow')}
    edit={page(itemForms, 'MediaItemEdit')}
    create={page(itemForms, 'MediaItemCreate')}
    recordRepresentation="title"
  />,
  <Resource
    key="campaigns"
    name="campaigns"
    icon={CampaignIcon}
    list={page(campaigns, 'CampaignList')}
    show={page(campaigns, 'CampaignShow')}
    edit={page(campaignForms, 'CampaignEdit')}
    create={page(campaignForms, 'CampaignCreate')}
    recordRepresentation="name"
  />,
];

/** Their menu items, right after the exemplars: the communications staff's second daily screen. */
export const mediaMenuItems = [
  <Menu.ResourceItem key="mediaItems" name="mediaItems" primaryText={<WorkMenuLabel resource="mediaItems" />} />,
  <Menu.ResourceItem key="campaigns" name="campaigns" />,
];
