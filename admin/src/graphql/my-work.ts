/**
 * "Việc của tôi" (issue #17): what waits for the signed-in user, in one
 * request (the gateway asks the exemplars, media and directives subgraphs in
 * parallel). The home panel and the menu's badges share this one document.
 */
export const MY_WORK_SHOWN = 5;

const list = (fields: string) => `totalCount nodes { ${fields} }`;

export const MY_WORK_DOCUMENT = `query MyWork($first: Int) { myWork {
  userId
  exemplarsToVerify(first: $first) { ${list('id name')} }
  exemplarsReturnedToMe(first: $first) { ${list('id name')} }
  mediaItemsToApprove(first: $first) { ${list('id title')} }
  mediaItemsReturnedToMe(first: $first) { ${list('id title')} }
  overdueTasks(first: $first) { ${list('id title dueOn')} }
  tasksDueSoon(first: $first) { ${list('id title dueOn')} }
  reportsOwed(first: $first) { ${list('id title dueOn')} }
} }`;

export const myWorkDocuments = { MY_WORK_DOCUMENT };

export interface WorkEntry {
  id: string;
  name?: string;
  title?: string;
  dueOn?: string;
}
export interface WorkList {
  totalCount: number;
  nodes: WorkEntry[];
}
export type WorkListName =
  'exemplarsToVerify' | 'exemplarsReturnedToMe' | 'mediaItemsToApprove' | 'mediaItemsReturnedToMe' | 'overdueTasks' | 'tasksDueSoon' | 'reportsOwed';
export type MyWork = Record<WorkListName, WorkList>;
