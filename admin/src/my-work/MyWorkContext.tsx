import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useDataProvider } from 'react-admin';
import type { LanToaDataProvider } from '../dataProvider';
import { MY_WORK_DOCUMENT, MY_WORK_SHOWN, type MyWork, type WorkListName } from '../graphql/my-work';

/** How often the panel and the badges ask again: a new proposal reaches its reviewer within seconds, without a reload. */
export const MY_WORK_POLL_MS = 10_000;

const MyWorkContext = createContext<MyWork | null>(null);

/**
 * One poller for the whole console (the menu's badges and the home panel read
 * the same answer): one request every 10 s while the tab is visible, and at
 * once when it becomes visible again.
 */
export function MyWorkProvider({ children }: { children: ReactNode }) {
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const [work, setWork] = useState<MyWork | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => {
      if (document.hidden) return;
      // A failed poll keeps the last answer: the next one may succeed, and the session's own errors are handled by the auth provider.
      dataProvider.query<{ myWork: MyWork }>(MY_WORK_DOCUMENT, { first: MY_WORK_SHOWN }).then(
        (data) => live && setWork(data.myWork),
        () => undefined,
      );
    };
    load();
    const timer = setInterval(load, MY_WORK_POLL_MS);
    document.addEventListener('visibilitychange', load);
    return () => {
      live = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', load);
    };
  }, [dataProvider]);
  return <MyWorkContext.Provider value={work}>{children}</MyWorkContext.Provider>;
}

/** The latest answer; null until the first one arrives. */
export const useMyWork = () => useContext(MyWorkContext);

/** What each menu entry counts. */
export const MENU_COUNTS: Record<string, WorkListName[]> = {
  exemplars: ['exemplarsToVerify', 'exemplarsReturnedToMe'],
  mediaItems: ['mediaItemsToApprove', 'mediaItemsReturnedToMe'],
  tasks: ['overdueTasks', 'tasksDueSoon'],
  progressReports: ['reportsOwed'],
};

export const countFor = (work: MyWork | null, resource: string): number =>
  work ? (MENU_COUNTS[resource] ?? []).reduce((sum, name) => sum + (work[name]?.totalCount ?? 0), 0) : 0;
