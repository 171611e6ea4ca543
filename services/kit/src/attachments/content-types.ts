import { INVISIBLE } from '../text-policy.js';

/**
 * The kinds of file an attachment may be, decided from the bytes (file-type),
 * never from the name or the client's Content-Type: a renamed executable or
 * an HTML page called photo.jpg is refused. The name's extension must agree
 * with what the content is, so a download's name never lies about it either.
 */
export interface AttachmentKind {
  mime: string;
  /** Extensions a file name of this kind may end with (lower case, no dot). */
  extensions: readonly string[];
  /** Decoded with sharp: dimensions and a thumbnail. */
  image: boolean;
  /** Shown in the browser (Content-Disposition inline) rather than downloaded: images only. */
  inline: boolean;
}

export const ATTACHMENT_KINDS: readonly AttachmentKind[] = Object.freeze([
  { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], image: true, inline: true },
  { mime: 'image/png', extensions: ['png'], image: true, inline: true },
  { mime: 'image/webp', extensions: ['webp'], image: true, inline: true },
  // A PDF may carry /OpenAction JavaScript or be an HTML polyglot: downloaded (and sandboxed), never opened in the console's origin.
  { mime: 'application/pdf', extensions: ['pdf'], image: false, inline: false },
  // DOCX is a zip: file-type reads its [Content_Types].xml; macro-enabled DOCM is another type and refused.
  { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], image: false, inline: false },
]);

export const ALLOWED_EXTENSIONS = ATTACHMENT_KINDS.flatMap((k) => k.extensions);

export const kindOfMime = (mime: string): AttachmentKind | undefined => ATTACHMENT_KINDS.find((k) => k.mime === mime);

export const extensionOf = (fileName: string): string => {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
};

export const kindOfFileName = (fileName: string): AttachmentKind | undefined => {
  const ext = extensionOf(fileName);
  return ATTACHMENT_KINDS.find((k) => k.extensions.includes(ext));
};

// Control characters, path separators and characters Windows refuses in names; the name is shown and sent back in headers.
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME = /[\u0000-\u001f\u007f/\\:*?"<>|]/;

/** Why a file name cannot be used (a sentence for the caller), or null when it can. */
export function fileNameProblem(fileName: string): string | null {
  if (fileName.trim().length === 0) return 'must not be empty.';
  if (fileName.length > 200) return 'must be at most 200 characters long.';
  if (UNSAFE_NAME.test(fileName)) return 'must not contain control characters, slashes or any of : * ? " < > |.';
  // A name is shown and sent back as it was given: invisible characters would hide what it really is ("\u200b.png" is a dot file).
  if (fileName.replace(INVISIBLE, '') !== fileName)
    return 'must not contain invisible characters (zero-width spaces or joiners, soft hyphens, direction marks).';
  if (fileName.startsWith('.')) return 'must not start with a dot.';
  if (!kindOfFileName(fileName)) return `must end with one of ${ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(', ')} (JPEG, PNG, WebP, PDF or DOCX).`;
  return null;
}

/**
 * Content-Disposition for a download: the name in ASCII for old clients and
 * in UTF-8 (RFC 6266 / 5987) for the Vietnamese original.
 */
export function contentDisposition(kind: AttachmentKind | undefined, fileName: string): string {
  const type = kind?.inline ? 'inline' : 'attachment';
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
