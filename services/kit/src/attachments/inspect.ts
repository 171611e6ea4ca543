import { createHash } from 'node:crypto';
import { ALLOWED_EXTENSIONS, extensionOf, kindOfMime, type AttachmentKind } from './content-types.js';

/** Thumbnails fit in this square, as WebP (small, and every browser shows it). */
export const THUMBNAIL_SIZE = 320;
// A decompression bomb (a tiny PNG of 100,000 × 100,000 px) is refused before libvips allocates it.
const MAX_INPUT_PIXELS = 60_000_000;

export interface Blob {
  sha256: string;
  content: Buffer;
  mime: string;
  size: number;
}

export interface InspectedFile {
  kind: AttachmentKind;
  blob: Blob;
  width: number | null;
  height: number | null;
  thumbnail: Blob | null;
}

/** The content is not what it may be: answered 400 BAD_USER_INPUT with this message, nothing stored. */
export class RefusedFileError extends Error {
  override name = 'RefusedFileError';
}

export const blobOf = (content: Buffer, mime: string): Blob => ({
  sha256: createHash('sha256').update(content).digest('hex'),
  content,
  mime,
  size: content.length,
});

/**
 * Decides what the bytes are (file-type reads the content, not the name),
 * checks that the name's extension says the same, and for images reads the
 * dimensions and makes the thumbnail. file-type and sharp are loaded on first
 * use, so a process that never receives a file (the gateway) never loads libvips.
 */
export async function inspectFile(content: Buffer, fileName: string): Promise<InspectedFile> {
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(content);
  const kind = detected ? kindOfMime(detected.mime) : undefined;
  if (!detected || !kind) {
    const what = detected ? `a ${detected.ext.toUpperCase()} file (${detected.mime})` : 'of no recognised type';
    throw new RefusedFileError(`The content of "${fileName}" is ${what}; only JPEG, PNG, WebP, PDF and DOCX files may be attached.`);
  }
  const ext = extensionOf(fileName);
  if (!kind.extensions.includes(ext)) {
    throw new RefusedFileError(
      `The name "${fileName}" ends in .${ext || '(nothing)'}, but its content is ${kind.mime}: name it .${kind.extensions[0]} (allowed: ${ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(', ')}).`,
    );
  }
  const blob = blobOf(content, kind.mime);
  if (!kind.image) return { kind, blob, width: null, height: null, thumbnail: null };

  const sharp = (await import('sharp')).default;
  try {
    const image = sharp(content, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    const meta = await image.metadata();
    // EXIF orientation 5–8 swaps the sides as shown.
    const rotated = (meta.orientation ?? 1) >= 5;
    const width = (rotated ? meta.height : meta.width) ?? null;
    const height = (rotated ? meta.width : meta.height) ?? null;
    const thumb = await image.rotate().resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
    return { kind, blob, width, height, thumbnail: blobOf(thumb, 'image/webp') };
  } catch (err) {
    throw new RefusedFileError(`"${fileName}" looks like ${kind.mime} but cannot be decoded as an image (${(err as Error).message.split('\n')[0]}).`);
  }
}
