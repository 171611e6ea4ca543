import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../auth/caller.js';
import { signCallerProof, verifyCallerProof } from '../auth/proof.js';
import { contentDisposition, fileNameProblem, kindOfMime } from './content-types.js';
import { inspectFile, RefusedFileError } from './inspect.js';
import { sampleDocx, sampleImage, samplePdf, zipOf } from './samples.js';
import { signUploadToken, verifyUploadToken } from './upload-token.js';

const SECRET = 'a-test-secret-of-sufficient-length-0123456789';
const grant = {
  uploadId: randomUUID(),
  subgraph: 'exemplars',
  recordType: 'Exemplar',
  recordId: randomUUID(),
  callerId: randomUUID(),
  fileName: 'ảnh.jpg',
  maxBytes: 1234,
};

describe('upload tokens', () => {
  it('carry what they grant, and nothing else verifies as one', async () => {
    const { token, expiresAt } = await signUploadToken(SECRET, grant);
    expect(await verifyUploadToken(token, SECRET)).toEqual({ ...grant, expiresAt });
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(290_000);
    await expect(verifyUploadToken(token, `${SECRET}x`)).rejects.toThrow('not valid');
    await expect(verifyUploadToken((await signUploadToken(SECRET, grant, -5)).token, SECRET)).rejects.toMatchObject({ expired: true });
    // A caller proof is not an upload token, and an upload token is not a caller proof.
    await expect(verifyUploadToken(await signCallerProof(ANONYMOUS, 'r', SECRET), SECRET)).rejects.toThrow('not valid');
    await expect(verifyCallerProof(token, SECRET)).rejects.toThrow();
  });
});

describe('file names', () => {
  it('need an allowed extension and no unsafe characters', () => {
    expect(fileNameProblem('Báo cáo tổng kết.docx')).toBeNull();
    expect(fileNameProblem('photo.JPEG')).toBeNull();
    expect(fileNameProblem('setup.exe')).toMatch(/must end with one of \.jpg/);
    expect(fileNameProblem('noextension')).toMatch(/must end with/);
    expect(fileNameProblem('../../etc/passwd.png')).toMatch(/slashes/);
    expect(fileNameProblem('a\r\nb.png')).toMatch(/control characters/);
    expect(fileNameProblem('.png')).toMatch(/dot/);
    expect(fileNameProblem('\u200b\u200b.png')).toMatch(/invisible/);
    expect(fileNameProblem('ảnh\u00ad.png')).toMatch(/invisible/);
    expect(fileNameProblem(`${'x'.repeat(201)}.png`)).toMatch(/200 characters/);
  });

  it('are sent back in ASCII and in UTF-8', () => {
    expect(contentDisposition(kindOfMime('image/png'), 'Đồng "bào".png')).toBe(
      `inline; filename="Dong _bao_.png"; filename*=UTF-8''${encodeURIComponent('Đồng "bào".png')}`,
    );
    expect(contentDisposition(kindOfMime('application/vnd.openxmlformats-officedocument.wordprocessingml.document'), 'a.docx')).toMatch(/^attachment; /);
  });
});

describe('content inspection', () => {
  it('tells each allowed type from its bytes and refuses the rest', async () => {
    expect((await inspectFile(samplePdf(), 'x.pdf')).kind.mime).toBe('application/pdf');
    expect((await inspectFile(sampleDocx(), 'x.docx')).kind.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    // A plain zip (no [Content_Types].xml) is not a DOCX, whatever its name.
    await expect(inspectFile(zipOf([{ name: 'word/document.xml', content: Buffer.from('<x/>') }]), 'x.docx')).rejects.toThrow(/ZIP file/);
    await expect(inspectFile(Buffer.from('%!PS-Adobe-3.0\n'), 'x.pdf')).rejects.toBeInstanceOf(RefusedFileError);
  });

  it('reads image dimensions as displayed and makes a WebP thumbnail no larger than 320 px', async () => {
    const tall = await inspectFile(await sampleImage({ width: 300, height: 1000, format: 'jpeg' }), 'tall.jpg');
    expect([tall.width, tall.height, tall.thumbnail?.mime]).toEqual([300, 1000, 'image/webp']);
    expect(tall.thumbnail!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses an image that does not decode', async () => {
    const png = await sampleImage({ width: 50, height: 50, format: 'png' });
    await expect(inspectFile(png.subarray(0, 60), 'cut.png')).rejects.toThrow(/cannot be decoded as an image/);
  });
});
