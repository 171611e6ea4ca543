/**
 * Requests no browser or HTTP library would send, written as raw bytes on a
 * TCP socket (fetch refuses to send most of them): malformed percent-escapes,
 * every spelling of `..`, NUL, overlong paths and headers, unknown methods, a
 * body on GET, truncated and contradictory bodies. Used against every
 * listener `pnpm start` opens; what matters is that each process survives.
 */
import { connect } from 'node:net';

export interface Listener {
  name: string;
  port: number;
  /** Route prefixes to aim at, each ending where a client's path segment would follow (e.g. '/files/'). */
  paths: string[];
}

export interface ListenerFigures {
  requests: number;
  /** HTTP status (or 'closed' when the server hung up without answering) → how many times it was seen. */
  statuses: Record<string, number>;
}

const LONG = 70_000; // beyond Node's 16 KiB header limit

/** The requests aimed at one route prefix; `p` ends with '/' or is a full route. */
function requestsFor(p: string, port: number): { bytes: Buffer; halfClose?: boolean }[] {
  const host = `Host: 127.0.0.1:${port}\r\n`;
  const get = (path: string, extra = '') => `GET ${path} HTTP/1.1\r\n${host}${extra}Connection: close\r\n\r\n`;
  const dir = p.endsWith('/') ? p : `${p}/`;
  const traversals = [
    '../../../../etc/passwd',
    '..%2f..%2f..%2fetc%2fpasswd',
    '%2e%2e/%2e%2e/%2e%2e/package.json',
    '%2E%2E%2F%2E%2E%2Fpackage.json',
    '.%2e/.%2e/package.json',
    '%252e%252e%252fpackage.json',
    '..%5c..%5cpackage.json',
    '..\\..\\package.json',
    '%c0%ae%c0%ae/%c0%ae%c0%ae/package.json',
    '%u002e%u002e/package.json',
    '....//....//package.json',
  ];
  const text: { bytes: string; halfClose?: boolean }[] = [
    { bytes: get(`${dir}%E0%A4%A`) },
    { bytes: get(`${p}%E0%A4%A`) },
    { bytes: get(`${dir}%ZZ%`) },
    { bytes: get(`${dir}%`) },
    ...traversals.map((t) => ({ bytes: get(dir + t) })),
    { bytes: get(`${dir}%00`) },
    { bytes: get(`${dir}\0`) },
    { bytes: get(p, 'X-Nul: a\0b\r\n') },
    { bytes: get(dir + 'a'.repeat(LONG)) },
    { bytes: get(p, `X-Long: ${'b'.repeat(LONG)}\r\n`) },
    { bytes: get(p, 'Accept: text/html\r\n'.repeat(3_000)) },
    { bytes: `GET ${p} HTTP/1.1\r\nConnection: close\r\n\r\n` }, // HTTP/1.1 without Host
    { bytes: `BREW ${p} HTTP/1.1\r\n${host}Connection: close\r\n\r\n` },
    { bytes: `PROPFIND ${p} HTTP/1.1\r\n${host}Connection: close\r\n\r\n` },
    { bytes: `TRACE ${p} HTTP/1.1\r\n${host}Connection: close\r\n\r\n` },
    { bytes: `DELETE ${p} HTTP/1.1\r\n${host}Connection: close\r\n\r\n` },
    { bytes: `OPTIONS * HTTP/1.1\r\n${host}Connection: close\r\n\r\n` },
    { bytes: `CONNECT 127.0.0.1:${port} HTTP/1.1\r\n${host}\r\n` },
    { bytes: `GET ${p} HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: 11\r\nConnection: close\r\n\r\n{"query":1}` },
    { bytes: `POST ${p} HTTP/1.1\r\n${host}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n100\r\n{"query":"{ __typ`, halfClose: true },
    { bytes: `PUT ${dir}x HTTP/1.1\r\n${host}Content-Type: image/png\r\nContent-Length: 100000\r\n\r\n\x89PNG\r\n\x1a\n`, halfClose: true },
    { bytes: `POST ${p} HTTP/1.1\r\n${host}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nabc\r\n0\r\n\r\n` },
    { bytes: `POST ${p} HTTP/1.1\r\n${host}Content-Length: 5\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n` },
    { bytes: `POST ${p} HTTP/1.1\r\n${host}Content-Length: 5\r\nContent-Length: 6\r\nConnection: close\r\n\r\nhello!` },
    { bytes: `GET ${p}\r\n\r\n` }, // HTTP/0.9
    { bytes: '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03', halfClose: true }, // a TLS hello
  ];
  return [
    ...text.map((r) => ({ bytes: Buffer.from(r.bytes, 'latin1'), halfClose: r.halfClose })),
    { bytes: Buffer.concat([Buffer.from(`GET ${dir}`), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from(` HTTP/1.1\r\n${host}Connection: close\r\n\r\n`)]) },
  ];
}

/** Writes the bytes, and resolves with the status of the answer's first line, or 'closed'. */
function send(port: number, bytes: Buffer, halfClose = false, timeoutMs = 5_000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let head = '';
    const done = (what: string) => {
      socket.destroy();
      resolve(what);
    };
    socket.setTimeout(timeoutMs, () => done('timeout'));
    socket.on('data', (d: Buffer) => {
      head += d.toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      if (m) done(m[1]!);
      else if (head.length > 20) done('garbage');
    });
    socket.on('error', () => done('closed'));
    socket.on('close', () => done('closed'));
    socket.on('connect', () => {
      // A server may refuse an overlong request before reading all of it: that is an answer, not an error.
      socket.write(bytes, () => {
        if (halfClose) socket.end();
      });
    });
  });
}

/** Sends every hostile request to every route prefix of the listener, one after another. */
export async function attack(l: Listener): Promise<ListenerFigures> {
  const figures: ListenerFigures = { requests: 0, statuses: {} };
  for (const p of l.paths) {
    for (const r of requestsFor(p, l.port)) {
      const status = await send(l.port, r.bytes, r.halfClose);
      figures.requests++;
      figures.statuses[status] = (figures.statuses[status] ?? 0) + 1;
    }
  }
  return figures;
}
