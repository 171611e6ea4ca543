import { createServer } from 'node:net';

/** True when nothing listens on host:port (we can bind it ourselves). */
export const isPortFree = (port: number, host = '127.0.0.1'): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });

/** Loopback stands in for "every interface" when the launcher itself connects. */
export const reachableHost = (host: string): string => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host);

/** What to print for people: loopback and "any" read better as localhost. */
export const displayHost = (host: string): string => (host === '127.0.0.1' || host === '0.0.0.0' || host === '::' || host === '::1' ? 'localhost' : host);
