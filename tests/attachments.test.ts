import { composeServices } from '@apollo/composition';
import { loadGatewayConfig, startGateway } from '@lantoa/gateway';
import {
  buildSubgraphSchema,
  CALLER_HEADER,
  countSql,
  demoId,
  loadSubgraphConfig,
  signCallerProof,
  startSubgraphFromConfig,
  SUBGRAPHS,
  type RunningServer,
  type RunningSubgraph,
} from '@lantoa/kit';
import { imageInfo, sampleDocx, sampleImage, samplePdf, signUploadToken } from '@lantoa/kit/attachments';
import { gql } from '@lantoa/kit/testing';
import { parse } from 'graphql';
import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDescriptor } from '../scripts/lib/subgraphs.js';
import { startStack, type Stack } from './support/stack.js';
import { FILE_TEST_MAX_BYTES as MAX, fileTestSubgraph as descriptor } from '../services/kit/src/attachments/test-subgraph.js';

const BABE = demoId('organization', 'hu-ba-be');

/*
 * The kit's attachments end to end: a test-only subgraph ("filetest") with
 * one record type, FileNote, owned by an organization; editors of that
 * organization may write, its members read. Everything goes through a real
 * gateway over HTTP, on real PostgreSQL, with the demo users of identity.
 */

let stack: Stack;
let files: RunningSubgraph;
let gateway: RunningServer;
let base: string;
let sql: pg.Client;
const babeNote = randomUUID();
const otherNote = randomUUID();
const editor = () => stack.as('bientap.babe@lantoa.vn'); // editor of Ba Bể
const provincialEditor = () => stack.as('bientap@lantoa.vn'); // editor elsewhere: may not write Ba Bể's notes
const viewer = () => stack.as('xem@lantoa.vn'); // viewer of the province committee: may not read Ba Bể's notes

beforeAll(async () => {
  stack = await startStack('attachments');
  files = await startSubgraphFromConfig(
    descriptor,
    loadSubgraphConfig(descriptor, { DATABASE_URL: stack.db.url, PORT: '0', GATEWAY_SECRET: stack.gatewaySecret, LOG_LEVEL: 'warn' }),
  );
  const services = [];
  // Every subgraph of the stack (exemplars with its attachments too) and the test-only one.
  for (const name of Object.keys(stack.subgraphs))
    services.push({ name, typeDefs: parse((await buildSubgraphSchema(await loadDescriptor(name))).sdl), url: stack.subgraphs[name]!.url });
  services.push({ name: 'filetest', typeDefs: parse((await buildSubgraphSchema(descriptor)).sdl), url: files.url });
  const composed = composeServices(services);
  if (composed.errors) throw new Error(composed.errors.map(String).join('\n'));
  const config = loadGatewayConfig({
    GATEWAY_SECRET: stack.gatewaySecret,
    PORT: '0',
    ...Object.fromEntries(SUBGRAPHS.filter((d) => stack.subgraphs[d.name]).map((d) => [d.urlEnv, stack.subgraphs[d.name]!.url])),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '100000',
  });
  gateway = await startGateway({ ...config, subgraphUrls: { ...config.subgraphUrls, filetest: files.url } }, { supergraphSdl: composed.supergraphSdl });
  base = gateway.url.replace(/\/graphql$/, '');
  sql = new pg.Client({ connectionString: stack.db.url });
  await sql.connect();
  await sql.query('insert into filetest.file_note (id, organization_id) values ($1, $2), ($3, $4)', [
    babeNote,
    BABE,
    otherNote,
    demoId('organization', 'btg-tu-bac-kan'),
  ]);
});

afterAll(async () => {
  await sql?.end();
  await gateway?.stop();
  await files?.stop();
  await stack?.stop();
});

const CREATE = `mutation($id: ID!, $name: String!, $size: Int!) { createFileNoteAttachmentUpload(fileNoteId: $id, fileName: $name, size: $size) { uploadUrl expiresAt maxSize } }`;

async function ticket(auth: Record<string, string>, name: string, size: number, note: string = babeNote) {
  return gql<{ createFileNoteAttachmentUpload: { uploadUrl: string; expiresAt: string; maxSize: number } }>(
    gateway.url,
    CREATE,
    { id: note, name, size },
    auth,
  );
}

interface Uploaded {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  width: number | null;
  height: number | null;
  url: string;
  thumbnailUrl: string | null;
}

const put = (path: string, body: Buffer | ReadableStream, auth: Record<string, string>) =>
  fetch(base + path, { method: 'PUT', headers: { ...auth, 'content-type': 'application/octet-stream' }, body, duplex: 'half' } as RequestInit);

async function upload(
  name: string,
  content: Buffer,
  auth?: Record<string, string>,
): Promise<{ status: number; body: { errors?: { message: string; extensions: { code: string } }[] } & Partial<Uploaded> }> {
  const who = auth ?? (await editor());
  const t = await ticket(who, name, content.length);
  expect(t.errors).toBeUndefined();
  const res = await put(t.data!.createFileNoteAttachmentUpload.uploadUrl, content, who);
  return { status: res.status, body: (await res.json()) as Awaited<ReturnType<typeof upload>>['body'] };
}

const counts = async () => {
  const { rows } = await sql.query(
    'select (select count(*) from filetest.attachment)::int as attachments, (select count(*) from filetest.attachment_blob)::int as blobs',
  );
  return rows[0] as { attachments: number; blobs: number };
};
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('uploads through the gateway', () => {
  it('stores an image once for the same bytes twice, with a thumbnail, and serves the bytes back identical', async () => {
    const png = await sampleImage({ width: 800, height: 600, format: 'png', label: 'Ba Bể' });
    const before = await counts();
    const first = await upload('Ảnh hội nghị.png', png);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ fileName: 'Ảnh hội nghị.png', mimeType: 'image/png', size: png.length, width: 800, height: 600 });
    expect(first.body.url).toBe(`/files/filetest/${first.body.id}`);
    expect(first.body.thumbnailUrl).toBe(`/files/filetest/${first.body.id}/thumbnail`);
    const second = await upload('copy.png', png);
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    // Two attachments, two blobs (the image and its thumbnail) — not four.
    expect(await counts()).toEqual({ attachments: before.attachments + 2, blobs: before.blobs + 2 });
    const { rows } = await sql.query('select count(*)::int as n from filetest.attachment_blob where sha256 = $1', [sha(png)]);
    expect(rows[0].n).toBe(1);

    const res = await fetch(base + first.body.url!, { headers: await editor() });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toMatch(/^private/);
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="Anh hoi nghi.png"; filename*=UTF-8''${encodeURIComponent('Ảnh hội nghị.png')}`);
    // The same bytes again cost nothing: the ETag is the content hash.
    const again = await fetch(base + first.body.url!, { headers: { ...(await editor()), 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);

    const thumb = await fetch(base + first.body.thumbnailUrl!, { headers: await editor() });
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect(await imageInfo(Buffer.from(await thumb.arrayBuffer()))).toEqual({ format: 'webp', width: 320, height: 240 });
  });

  it('serves a PDF with /OpenAction JavaScript or an HTML polyglot as a sandboxed download; images inline, sandboxed too', async () => {
    // Still a PDF by its bytes (file-type reads the header), with a script to run on opening and an HTML page inside.
    const hostile = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(document.cookie)) >> >> endobj\n' +
        '<html><body><script>fetch("/graphql")</script></body></html>\n%%EOF\n',
    );
    const pdf = await upload('Quyết định độc hại.pdf', hostile);
    expect(pdf.status).toBe(201);
    const image = await upload('Ảnh đẹp.webp', await sampleImage({ width: 40, height: 40, format: 'webp' }));
    expect(image.status).toBe(201);
    for (const [file, disposition] of [
      [pdf.body, `attachment; filename="Quyet dinh doc hai.pdf"; filename*=UTF-8''${encodeURIComponent('Quyết định độc hại.pdf')}`],
      [image.body, `inline; filename="Anh dep.webp"; filename*=UTF-8''${encodeURIComponent('Ảnh đẹp.webp')}`],
    ] as const) {
      const res = await fetch(base + file.url!, { headers: await editor() });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(disposition);
      expect(res.headers.get('content-security-policy')).toMatch(/^sandbox(;|$)/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      await res.arrayBuffer();
    }
  });

  it('takes JPEG, WebP, PDF and DOCX; documents have no thumbnail and DOCX downloads as an attachment', async () => {
    const jpeg = await sampleImage({ width: 200, height: 400, format: 'jpeg', color: { r: 10, g: 120, b: 60 } });
    const webp = await sampleImage({ width: 100, height: 100, format: 'webp', color: { r: 1, g: 2, b: 3 } });
    const pdf = samplePdf('Quyet dinh khen thuong');
    const docx = sampleDocx('Báo cáo điển hình');
    const results = [
      await upload('photo.JPG', jpeg),
      await upload('small.webp', webp),
      await upload('quyết định.pdf', pdf),
      await upload('báo cáo.docx', docx),
    ];
    expect(results.map((r) => [r.status, r.body.mimeType, r.body.width])).toEqual([
      [201, 'image/jpeg', 200],
      [201, 'image/webp', 100],
      [201, 'application/pdf', null],
      [201, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', null],
    ]);
    expect(results[2]!.body.thumbnailUrl).toBeNull();
    const pdfRes = await fetch(base + results[2]!.body.url!, { headers: await editor() });
    expect(pdfRes.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(Buffer.from(await pdfRes.arrayBuffer()).equals(pdf)).toBe(true);
    const docxRes = await fetch(base + results[3]!.body.url!, { headers: await editor() });
    expect(docxRes.headers.get('content-disposition')).toMatch(/^attachment; filename="bao cao.docx"/);
    expect(Buffer.from(await docxRes.arrayBuffer()).equals(docx)).toBe(true);
    const noThumb = await fetch(base + results[2]!.body.url! + '/thumbnail', { headers: await editor() });
    expect(noThumb.status).toBe(404);
  });

  it('lists a page of records with their attachments in a constant number of statements, and deletes softly', async () => {
    const q = `query($ids: [ID!]!) { fileNotes(ids: $ids) { id attachments { id fileName mimeType size width height createdAt url thumbnailUrl } } }`;
    const auth = await editor();
    const one = await countSql(() => gql(gateway.url, q, { ids: [babeNote] }, auth));
    const two = await countSql(() => gql(gateway.url, q, { ids: [babeNote, otherNote] }, auth));
    expect(one.result.errors).toBeUndefined();
    expect(two.statements).toBe(one.statements);
    const listed = (one.result.data as { fileNotes: { attachments: Uploaded[] }[] }).fileNotes[0]!.attachments;
    expect(listed.length).toBeGreaterThanOrEqual(6);
    const victim = listed[0]!;
    // Two subgraphs in this process use the kit: each one's URLs lead to itself.
    expect(listed.every((a) => a.url === `/files/filetest/${a.id}`)).toBe(true);

    const del = `mutation($id: ID!) { deleteFileNoteAttachment(id: $id) { id deletedAt } }`;
    const refused = await gql(gateway.url, del, { id: victim.id }, await provincialEditor());
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const deleted = await gql<{ deleteFileNoteAttachment: { deletedAt: string } }>(gateway.url, del, { id: victim.id }, auth);
    expect(deleted.data?.deleteFileNoteAttachment.deletedAt).toBeTruthy();
    expect((await fetch(base + victim.url, { headers: auth })).status).toBe(404);
    const after = await gql<{ fileNotes: { attachments: Uploaded[] }[] }>(gateway.url, q, { ids: [babeNote] }, auth);
    expect(after.data!.fileNotes[0]!.attachments.map((a) => a.id)).not.toContain(victim.id);
    expect((await gql(gateway.url, del, { id: victim.id }, auth)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('refused uploads change nothing', () => {
  const refusedPut = async (name: string, content: Buffer, status: number, code: string, message: RegExp) => {
    const before = await counts();
    const r = await upload(name, content);
    expect(r.status).toBe(status);
    expect(r.body.errors?.[0]?.extensions.code).toBe(code);
    expect(r.body.errors?.[0]?.message).toMatch(message);
    expect(await counts()).toEqual(before);
  };

  it('refuses a type that is not allowed, from the content', async () => {
    await refusedPut(
      'page.png',
      Buffer.from('<html><script>alert(1)</script></html>'),
      400,
      'BAD_USER_INPUT',
      /no recognised type; only JPEG, PNG, WebP, PDF and DOCX/,
    );
    const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
    await refusedPut('anim.png', gif, 400, 'BAD_USER_INPUT', /is a GIF file \(image\/gif\)/);
  });

  it('refuses content that does not match the name', async () => {
    await refusedPut(
      'photo.jpg',
      await sampleImage({ width: 20, height: 20, format: 'png' }),
      400,
      'BAD_USER_INPUT',
      /ends in \.jpg, but its content is image\/png: name it \.png/,
    );
    await refusedPut('report.pdf', sampleDocx(), 400, 'BAD_USER_INPUT', /name it \.docx/);
  });

  it('refuses a name or a declared size out of bounds before any byte is sent', async () => {
    const exe = await ticket(await editor(), 'setup.exe', 100);
    expect(exe.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'fileName' }] });
    // Zero-width spaces hide a leading dot: "\u200b\u200b.png" shows as ".png".
    const hidden = await ticket(await editor(), '\u200b\u200b.png', 100);
    expect(hidden.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'fileName', message: expect.stringMatching(/invisible/) }],
    });
    const big = await ticket(await editor(), 'big.png', MAX + 1);
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'size' }] });
    expect(big.errors?.[0]?.message).toMatch(/at most 300000 bytes/);
    const badId = await ticket(await editor(), 'a.png', 10, 'not-a-uuid');
    expect(badId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'fileNoteId' }] });
  });

  it('cuts off a body longer than declared with 413, with or without Content-Length', async () => {
    const before = await counts();
    const auth = await editor();
    const png = await sampleImage({ width: 300, height: 300, format: 'png', color: { r: 9, g: 9, b: 9 } });
    const t = await ticket(auth, 'x.png', 100);
    const withLength = await put(t.data!.createFileNoteAttachmentUpload.uploadUrl, png, auth);
    expect(withLength.status).toBe(413);
    expect(((await withLength.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    // Chunked: no length announced, so the gateway counts while it streams.
    const t2 = await ticket(auth, 'y.png', 1000);
    const chunks = [png.subarray(0, 600), png.subarray(600, 1200), png.subarray(1200)];
    const stream = new ReadableStream({
      pull(c) {
        const next = chunks.shift();
        if (next) c.enqueue(next);
        else c.close();
      },
    });
    const chunked = await put(t2.data!.createFileNoteAttachmentUpload.uploadUrl, stream, auth);
    expect(chunked.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it('refuses an expired URL, another caller’s URL, a used URL and a forged one', async () => {
    const auth = await editor();
    const png = await sampleImage({ width: 30, height: 30, format: 'png', color: { r: 50, g: 60, b: 70 } });
    const before = await counts();
    const callerId = demoId('user', 'bientap-babe');
    const expired = await signUploadToken(
      stack.gatewaySecret,
      { uploadId: randomUUID(), subgraph: 'filetest', recordType: 'FileNote', recordId: babeNote, callerId, fileName: 'e.png', maxBytes: 1000 },
      -10,
    );
    const r1 = await put(`/uploads/filetest/${expired.token}`, png, auth);
    expect(r1.status).toBe(403);
    expect(await r1.text()).toMatch(/expired: ask for a new one/);

    const forged = await signUploadToken('not-the-secret-'.repeat(3), {
      uploadId: randomUUID(),
      subgraph: 'filetest',
      recordType: 'FileNote',
      recordId: babeNote,
      callerId,
      fileName: 'f.png',
      maxBytes: 1000,
    });
    expect((await put(`/uploads/filetest/${forged.token}`, png, auth)).status).toBe(403);

    const mine = await ticket(auth, 'mine.png', png.length);
    const url = mine.data!.createFileNoteAttachmentUpload.uploadUrl;
    const stolen = await put(url, png, await provincialEditor());
    expect(stolen.status).toBe(403);
    expect(await stolen.text()).toMatch(/made for another caller/);
    expect((await put(url, png, {})).status).toBe(401);
    expect((await put(url.replace('/filetest/', '/identity/'), png, auth)).status).toBe(403);
    expect(await counts()).toEqual(before);

    // The subgraph checks the caller again, whoever reaches it with a valid proof.
    const otherProof = await signCallerProof(
      { kind: 'user', id: demoId('user', 'bientap'), name: 'x', organizationId: BABE, roles: ['EDITOR' as never], scopes: [] },
      'r1',
      stack.gatewaySecret,
    );
    const token = url.split('/').pop()!;
    const direct = await fetch(new URL(`/internal/uploads/${token}`, files.url), { method: 'PUT', headers: { [CALLER_HEADER]: otherProof }, body: png });
    expect(direct.status).toBe(403);
    const noProof = await fetch(new URL(`/internal/uploads/${token}`, files.url), { method: 'PUT', body: png });
    expect(noProof.status).toBe(401);

    expect((await put(url, png, auth)).status).toBe(201);
    const reused = await put(url, png, auth);
    expect(reused.status).toBe(409);
    expect(((await reused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('CONFLICT');
    expect(await counts()).toEqual({ attachments: before.attachments + 1, blobs: before.blobs + 2 });
  });

  it('refuses callers without write access to the record', async () => {
    for (const who of [await provincialEditor(), await viewer()]) {
      const t = await ticket(who, 'a.png', 100);
      expect(t.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const missing = await ticket(await editor(), 'a.png', 100, randomUUID());
    expect(missing.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('downloads', () => {
  it('serve only signed-in callers who may read the record', async () => {
    const png = await sampleImage({ width: 40, height: 40, format: 'png', color: { r: 90, g: 0, b: 90 } });
    const up = await upload('private.png', png);
    expect(up.status).toBe(201);
    expect((await fetch(base + up.body.url!)).status).toBe(401);
    const other = await fetch(base + up.body.url!, { headers: await viewer() });
    expect(other.status).toBe(404);
    expect((await fetch(base + up.body.thumbnailUrl!, { headers: await provincialEditor() })).status).toBe(404);
    expect((await fetch(base + `/files/filetest/${randomUUID()}`, { headers: await editor() })).status).toBe(404);
    expect((await fetch(base + `/files/filetest/nonsense`, { headers: await editor() })).status).toBe(404);
    expect((await fetch(base + `/files/nowhere/${up.body.id}`, { headers: await editor() })).status).toBe(404);
    // A subgraph without attachments answers its framework's HTML 404; the gateway answers its own JSON one instead.
    const elsewhere = await fetch(base + `/files/organizations/${up.body.id}`, { headers: await editor() });
    expect([elsewhere.status, elsewhere.headers.get('content-type')]).toEqual([404, 'application/json; charset=utf-8']);
    const admin = await fetch(base + up.body.url!, { headers: await stack.as('admin@lantoa.vn') });
    expect(Buffer.from(await admin.arrayBuffer()).equals(png)).toBe(true);
  });
});

describe('exemplars', () => {
  const exemplarId = demoId('exemplar', 'giup-thon-ngheo-ntm'); // a demo exemplar of Ba Bể
  const CREATE_EXEMPLAR_UPLOAD = `mutation($id: ID!, $name: String!, $size: Int!) { createExemplarAttachmentUpload(exemplarId: $id, fileName: $name, size: $size) { uploadUrl } }`;

  it('take photos from editors of their subtree, listed on the exemplar and readable by viewers', async () => {
    const jpeg = await sampleImage({ width: 1200, height: 900, format: 'jpeg', label: 'Giúp thôn nghèo' });
    const auth = await editor();
    const t = await gql<{ createExemplarAttachmentUpload: { uploadUrl: string } }>(
      gateway.url,
      CREATE_EXEMPLAR_UPLOAD,
      { id: exemplarId, name: 'thôn Nà Phòng.jpg', size: jpeg.length },
      auth,
    );
    expect(t.errors).toBeUndefined();
    expect(t.data!.createExemplarAttachmentUpload.uploadUrl).toMatch(/^\/uploads\/exemplars\//);
    const up = await put(t.data!.createExemplarAttachmentUpload.uploadUrl, jpeg, auth);
    expect(up.status).toBe(201);
    const listed = await gql<{ exemplar: { attachments: Uploaded[] } }>(
      gateway.url,
      `query($id: ID!) { exemplar(id: $id) { attachments { id fileName mimeType width height url thumbnailUrl } } }`,
      { id: exemplarId },
      await viewer(),
    );
    const photo = listed.data!.exemplar.attachments.find((a) => a.fileName === 'thôn Nà Phòng.jpg')!;
    expect(photo).toMatchObject({
      mimeType: 'image/jpeg',
      width: 1200,
      height: 900,
      url: `/files/exemplars/${photo.id}`,
      thumbnailUrl: `/files/exemplars/${photo.id}/thumbnail`,
    });
    const res = await fetch(base + photo.url, { headers: await viewer() });
    expect(Buffer.from(await res.arrayBuffer()).equals(jpeg)).toBe(true);
    expect(await imageInfo(Buffer.from(await (await fetch(base + photo.thumbnailUrl!, { headers: await viewer() })).arrayBuffer()))).toEqual({
      format: 'webp',
      width: 320,
      height: 240,
    });

    for (const who of [await viewer(), await provincialEditor()]) {
      const refused = await gql(gateway.url, CREATE_EXEMPLAR_UPLOAD, { id: exemplarId, name: 'a.jpg', size: 10 }, who);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const missing = await gql(gateway.url, CREATE_EXEMPLAR_UPLOAD, { id: randomUUID(), name: 'a.jpg', size: 10 }, auth);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
