import type { ResourceDef } from './registry';

/**
 * The media subgraph's resources (issue 11): media-propaganda items with
 * their editorial workflow, and campaigns with their progress, plus the
 * documents the screens send beyond react-admin's methods. Spread into
 * `registry` (registry.ts), so tests/registry.test.ts validates them too.
 */
const RECORD = 'id createdAt updatedAt version deletedAt';
const ORG = 'id name shortName level type';
const ITEM_ROW = `${RECORD} kind title summary outletId outletName authors tone status publishedAt publishAt url views shares listeners`;
const ATTACHMENT = 'id fileName mimeType size width height createdAt url thumbnailUrl';
const STEP = 'id action fromStatus toStatus actorId actorName occurredAt note';
const LINKS =
  'exemplarIds directiveIds themeIds taskIds exemplars { id name organizationName status } directives { id number title } themes { id title } tasks { id title }';
export const ITEM_ONE = `${ITEM_ROW} body language reachReadOn ${LINKS} outlet { ${ORG} ancestors { id } } allowedActions timeline { ${STEP} } attachments { ${ATTACHMENT} }`;
const ITEM_WRITABLE = [
  'kind',
  'title',
  'summary',
  'body',
  'outletId',
  'authors',
  'language',
  'url',
  'tone',
  'publishedAt',
  'views',
  'shares',
  'listeners',
  'reachReadOn',
  'exemplarIds',
  'directiveIds',
  'themeIds',
  'taskIds',
];
const PROGRESS = 'progress { items exemplarItems itemsRatio exemplarItemsRatio outlets { outletId outletName items target } }';
const CAMPAIGN = `${RECORD} name description organizationId directiveId themeId periodFrom periodTo participantIds targetItems targetExemplarItems targetPerOutlet organization { ${ORG} ancestors { id } } directive { id number title } theme { id title } ${PROGRESS}`;
const CAMPAIGN_WRITABLE = [
  'name',
  'description',
  'organizationId',
  'directiveId',
  'themeId',
  'periodFrom',
  'periodTo',
  'participantIds',
  'targetItems',
  'targetExemplarItems',
  'targetPerOutlet',
];

export const mediaRegistry: Record<string, ResourceDef> = {
  mediaItems: {
    type: 'MediaItem',
    one: 'mediaItem',
    many: 'mediaItems',
    filterType: 'MediaItemFilter',
    orderType: 'MediaItemOrder',
    listFields: ITEM_ROW,
    oneFields: ITEM_ONE,
    sort: { title: 'TITLE', createdAt: 'CREATED_AT', publishedAt: 'PUBLISHED_AT' },
    filters: [
      'ids',
      'q',
      'outletId',
      'includeDescendants',
      'kinds',
      'tones',
      'statuses',
      'publishedFrom',
      'publishedTo',
      'exemplarId',
      'directiveId',
      'themeId',
      'taskId',
      'deleted',
    ],
    create: { mutation: 'createMediaItem', inputType: 'CreateMediaItemInput', fields: ITEM_WRITABLE },
    update: { mutation: 'updateMediaItem', inputType: 'UpdateMediaItemInput', fields: ITEM_WRITABLE },
    delete: { mutation: 'deleteMediaItem', restore: 'restoreMediaItem' },
  },
  campaigns: {
    type: 'Campaign',
    one: 'campaign',
    many: 'campaigns',
    filterType: 'CampaignFilter',
    listFields: CAMPAIGN,
    sort: {},
    filters: ['ids', 'q', 'directiveId', 'themeId', 'activeOn', 'deleted'],
    // Campaigns are not audited: no history field on their one-record query.
    noHistory: true,
    create: { mutation: 'createCampaign', inputType: 'CreateCampaignInput', fields: CAMPAIGN_WRITABLE },
    update: { mutation: 'updateCampaign', inputType: 'UpdateCampaignInput', fields: CAMPAIGN_WRITABLE },
    delete: { mutation: 'deleteCampaign', restore: 'restoreCampaign' },
  },
};

export const MEDIA_TRANSITION_DOCUMENT = `mutation MediaTransition($id: ID!, $action: MediaAction!, $note: String, $publishAt: DateTime, $expectedVersion: Int) { record: transitionMediaItem(id: $id, action: $action, note: $note, publishAt: $publishAt, expectedVersion: $expectedVersion) { ${ITEM_ONE} } }`;

export const MEDIA_UPLOAD_DOCUMENT = `mutation MediaUpload($recordId: ID!, $fileName: String!, $size: Int!) { upload: createMediaItemAttachmentUpload(mediaItemId: $recordId, fileName: $fileName, size: $size) { uploadUrl expiresAt maxSize } }`;

export const MEDIA_DELETE_ATTACHMENT_DOCUMENT = `mutation MediaDeleteAttachment($id: ID!) { deleteMediaItemAttachment(id: $id) { id } }`;

/** One exemplar's coverage and the items covering it (the exemplar's show page). */
export const EXEMPLAR_COVERAGE_DOCUMENT = `query ExemplarCoverage($id: ID!) { exemplar(id: $id) { id coverage { count lastPublishedAt } mediaItems(first: 20, orderBy: [{ field: PUBLISHED_AT, direction: DESC }]) { totalCount nodes { id title kind status publishedAt outletName } } } }`;

/** The dashboard's to-do list: exemplars honoured in the period that no published item covers yet, with their organization. */
export const UNCOVERED_DOCUMENT = `query Uncovered($from: Date!, $to: Date!, $organizationId: ID, $first: Int!) { list: uncoveredExemplars(honouredFrom: $from, honouredTo: $to, organizationId: $organizationId, includeDescendants: true, first: $first) { totalCount nodes { honouredOn exemplar { id name status organization { id name } } } } }`;

/** The dashboard's chart: published items by outlet and month. */
export const COVERAGE_STATS_DOCUMENT = `query Coverage($input: MediaStatsInput!) { rows: mediaStats(input: $input) { count outletId month outlet { id name shortName } } }`;

/** For tests/registry-media.test.ts: every document above, validated against the supergraph. */
export const mediaDocuments: Record<string, string> = {
  transitionMediaItem: MEDIA_TRANSITION_DOCUMENT,
  mediaUpload: MEDIA_UPLOAD_DOCUMENT,
  deleteMediaItemAttachment: MEDIA_DELETE_ATTACHMENT_DOCUMENT,
  exemplarCoverage: EXEMPLAR_COVERAGE_DOCUMENT,
  uncoveredExemplars: UNCOVERED_DOCUMENT,
  coverageStats: COVERAGE_STATS_DOCUMENT,
};
