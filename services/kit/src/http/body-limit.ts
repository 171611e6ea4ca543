/**
 * How large a GraphQL request may be, derived from the largest document a
 * field accepts, so that every documented limit can be reached through the
 * gateway and nothing much larger gets in (issue #16).
 *
 * The longest text is a media item's body: 200,000 characters (UTF-16 code
 * units, what the services count). In a JSON body a character takes at most
 * 6 bytes: Vietnamese letters are 2 or 3 bytes of UTF-8, but encoders that
 * escape everything outside ASCII (Python's json.dumps by default) write
 * "\uXXXX" for each, and quotes and line breaks in HTML double. So 200,000 × 6
 * = 1,200,000 bytes, plus the item's other fields (title, summary, 20 authors,
 * a URL, 4 × 500 linked ids: about 130,000 bytes escaped the same way) and
 * the query: 1300 KiB (1,331,200 bytes). A story (100,000 characters) needs
 * half of that.
 */
export const LONGEST_TEXT = 200_000;

/** The gateway's default BODY_LIMIT (express's `bytes` notation). */
export const REQUEST_BODY_LIMIT = '1300kb';

/**
 * What a subgraph reads on /graphql. The gateway forwards what it parsed,
 * re-encoded as UTF-8 (never longer than it came, except the query plan's
 * text), so a request the gateway let in is never refused here for its size.
 */
export const SUBGRAPH_BODY_LIMIT = '1500kb';
