/**
 * Markup made safe and cheap to parse, by linear scans over the string before the DOM parser
 * sees it: scripts, styles, inline SVG and comments go (JSON-LD stays); nesting is bounded and
 * over-long tags lose their attributes (the parser is superlinear in depth and overflows its
 * stack on megabyte attributes); very large pages are cut.
 */

/** Longer pages are cut here: no news article comes near it. */
export const MAX_HTML_CHARS = 1_000_000;
/** Elements nested deeper than this are flattened into their ancestor. */
const MAX_NESTING = 400;
/** A tag longer than this keeps only its name. */
const MAX_TAG_CHARS = 4096;

const INERT_TAGS = ['script', 'style', 'svg'] as const;

/** Remove scripts (except JSON-LD), styles, inline SVG and comments; stop at an unclosed one. */
export function stripInert(html: string): string {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let from = 0;
  let gt = -1;
  for (let lt = lower.indexOf('<'); lt >= 0; lt = lower.indexOf('<', lt + 1)) {
    let end: number;
    if (lower.startsWith('!--', lt + 1)) {
      const close = lower.indexOf('-->', lt + 4);
      if (close < 0) break;
      end = close + 3;
    } else {
      const tag = INERT_TAGS.find(
        (t) => lower.startsWith(t, lt + 1) && !isNameChar(lower.charCodeAt(lt + 1 + t.length)),
      );
      if (!tag) continue;
      if (gt <= lt) gt = lower.indexOf('>', lt);
      if (gt < 0) break;
      const close = lower.indexOf(`</${tag}`, gt);
      if (close < 0) break;
      end = lower.indexOf('>', close) + 1 || html.length;
      if (tag === 'script' && lower.slice(lt, gt).includes('application/ld+json')) {
        lt = end - 1;
        continue;
      }
    }
    out.push(html.slice(from, lt));
    from = end;
    lt = end - 1;
  }
  out.push(html.slice(from));
  return out.join('');
}

const VOID_TAGS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Elements whose end tag may be left out: an unclosed run of them is not nesting. */
const OPTIONAL_END_TAGS = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'rp',
  'rt',
  'html',
  'head',
  'body',
]);

function isTagStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 33; // A-Z a-z !
}

function isNameChar(code: number): boolean {
  return (
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    (code >= 48 && code <= 57) ||
    code === 45 || // -
    code === 58 || // :
    code === 33 // !
  );
}

/** Flatten nesting beyond MAX_NESTING and strip attributes from tags longer than MAX_TAG_CHARS. */
export function boundMarkup(html: string): string {
  const out: string[] = [];
  let from = 0;
  let depth = 0;
  let flattened = 0;
  let gt = -1;
  for (let lt = html.indexOf('<'); lt >= 0; lt = html.indexOf('<', lt + 1)) {
    const closing = html.charCodeAt(lt + 1) === 47; // "/"
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!isTagStart(html.charCodeAt(nameStart))) continue;
    let nameEnd = nameStart;
    while (nameEnd < html.length && isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
    if (gt < nameEnd) gt = html.indexOf('>', nameEnd);
    if (gt < 0) break;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const nests = name[0] !== '!' && !VOID_TAGS.has(name) && !OPTIONAL_END_TAGS.has(name);
    let replacement: string | undefined;
    if (nests && closing) {
      if (flattened > 0) {
        flattened--;
        replacement = ' ';
      } else if (depth > 0) depth--;
    } else if (nests && html.charCodeAt(gt - 1) !== 47) {
      if (depth >= MAX_NESTING) {
        flattened++;
        replacement = ' ';
      } else depth++;
    }
    if (replacement === undefined && gt + 1 - lt > MAX_TAG_CHARS) {
      replacement = `<${closing ? '/' : ''}${name}>`;
    }
    if (replacement !== undefined) {
      out.push(html.slice(from, lt), replacement);
      from = gt + 1;
    }
    lt = gt;
  }
  out.push(html.slice(from));
  return out.join('');
}

/** The page as the parser should see it. */
export function prepareMarkup(html: string): string {
  return boundMarkup(stripInert(html)).slice(0, MAX_HTML_CHARS);
}
