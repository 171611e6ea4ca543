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
export const richTextToPlain = (html: string): string => sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
