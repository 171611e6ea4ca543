import { crc32 } from 'node:zlib';

/**
 * Files made in code, for demo data and tests (no download, nothing binary
 * in the repository): images drawn with sharp, a one-page PDF, a DOCX.
 */

export async function sampleImage(o: {
  width: number;
  height: number;
  format: 'jpeg' | 'png' | 'webp';
  color?: { r: number; g: number; b: number };
  label?: string;
}): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  const { r, g, b } = o.color ?? { r: 200, g: 40, b: 40 };
  // A stripe of a second colour, so images differ in more than a flat fill (and thumbnails have something to show).
  const stripe = await sharp({
    create: { width: Math.max(1, Math.floor(o.width / 3)), height: o.height, channels: 3, background: { r: 255 - r, g: 255 - g, b: 255 - b } },
  })
    .png()
    .toBuffer();
  const svg = o.label
    ? Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${o.width}" height="${o.height}"><text x="10" y="${Math.min(o.height - 5, 40)}" font-size="32" fill="white">${o.label.replace(/[<&>]/g, '')}</text></svg>`,
      )
    : null;
  const image = sharp({ create: { width: o.width, height: o.height, channels: 3, background: { r, g, b } } }).composite([
    { input: stripe, left: 0, top: 0 },
    ...(svg ? [{ input: svg, left: 0, top: 0 }] : []),
  ]);
  return o.format === 'jpeg' ? image.jpeg({ quality: 85 }).toBuffer() : o.format === 'png' ? image.png().toBuffer() : image.webp().toBuffer();
}

/** A valid one-page PDF 1.4 with a line of ASCII text. */
export function samplePdf(text = 'Lan Toa sample document'): Buffer {
  const safe = text.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '');
  const stream = `BT /F1 18 Tf 72 720 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A zip of stored (uncompressed) entries: enough for DOCX, which is a zip of XML parts. */
export function zipOf(entries: { name: string; content: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(e.content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.content.length, 18);
    local.writeUInt32LE(e.content.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(e.content.length, 20);
    central.writeUInt32LE(e.content.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.content);
    centrals.push(central, name);
    offset += local.length + name.length + e.content.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`, 'utf8');

/** A minimal Word document (WordprocessingML) with one paragraph. */
export function sampleDocx(text = 'Lan Tỏa sample document'): Buffer {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return zipOf([
    {
      name: '[Content_Types].xml',
      content: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      content: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
          '</Relationships>',
      ),
    },
    {
      name: 'word/document.xml',
      content: xml(
        `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${escaped}</w:t></w:r></w:p></w:body></w:document>`,
      ),
    },
  ]);
}

/** Format and dimensions of an image, as sharp reads them (tests check thumbnails with it). */
export async function imageInfo(content: Buffer): Promise<{ format: string | undefined; width: number | undefined; height: number | undefined }> {
  const sharp = (await import('sharp')).default;
  const { format, width, height } = await sharp(content).metadata();
  return { format, width, height };
}
