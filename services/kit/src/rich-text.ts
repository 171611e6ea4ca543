import sanitizeHtml from 'sanitize-html';

/**
 * Rich text (stories, bodies): the HTML a console editor produces, kept to
 * what such an editor makes. Whatever could run or fetch — scripts, styles,
 * event handlers, javascript: links, iframes, images from elsewhere — is
 * dropped on the way in, so stored text is safe to show as HTML anywhere.
 */
const POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'blockquote',
    'ul',
    'ol',
    'li',
    'h2',
    'h3',
    'h4',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // rel and target are set by us, never taken from the input.
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
};

/** The safe HTML of `html`, and whether anything was removed (worth telling the writer). */
export function sanitizeRichText(html: string): { html: string; changed: boolean } {
  const clean = sanitizeHtml(html, POLICY).trim();
  return { html: clean, changed: clean !== html.trim() };
}

/** The words of rich text without its markup, for search keys and length limits. */
export const richTextToPlain = (html: string): string =>
  // A space where a block ends, so the last word of a paragraph and the first of the next stay two words.
  decodeEntities(sanitizeHtml(html.replace(BLOCK_END, ' $&'), { allowedTags: [], allowedAttributes: {} }))
    .replace(/\s+/g, ' ')
    .trim();

const BLOCK_END = /<\/(?:p|div|li|h[1-6]|blockquote|td|th|tr)>|<br\s*\/?>/gi;

// sanitize-html escapes what it keeps: "&amp;" must be searched as "&", not as a word "amp".
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decodeEntities = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });

const TAG = /<\/?[a-z][^>]*>/i;
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Plain text as rich text: escaped, paragraphs at blank lines, other line
 * breaks kept as <br>. Migration20261203000000_report_sections_html does the
 * same in SQL to the sections stored before they became rich text.
 */
export const plainTextToHtml = (text: string): string =>
  text
    .trim()
    .split(/\n[ \t]*\n\s*/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br />')}</p>`)
    .join('');

/**
 * What a client sent to a rich-text field, as safe HTML: markup is sanitised;
 * text without a single tag is plain text (an integrator's, or pasted) and
 * keeps its line breaks as paragraphs. Null when nothing is left.
 */
export function toRichText(text: string | null | undefined): string | null {
  if (text == null || !text.trim()) return null;
  return sanitizeRichText(TAG.test(text) ? text : plainTextToHtml(text)).html || null;
}
