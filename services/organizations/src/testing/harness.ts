import { createTestDatabase, type TestDatabase } from '@lantoa/kit/testing';
import { startOrganizationsService, type OrganizationsService } from '../index.js';

export interface TestService {
  db: TestDatabase;
  service: OrganizationsService;
  url: string;
  stop(): Promise<void>;
}

/** The real subgraph over HTTP on a fresh database of its own. */
export async function startTestService(label: string): Promise<TestService> {
  const db = await createTestDatabase(label);
  const service = await startOrganizationsService({ databaseUrl: db.url, port: 0 });
  return {
    db,
    service,
    url: service.url,
    async stop() {
      await service.stop();
      await db.drop();
    },
  };
}
