/**
 * What is not article text: element names, class/id tokens and whole lines that mark page
 * furniture (navigation, share prompts, related links, captions, bylines, newsletter and cookie
 * boxes, ad labels). Rules are about the kind of thing, never about particular sites.
 */

/** Elements that never hold article text. */
export const JUNK_TAGS = [
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed',
  'canvas', 'video', 'audio', 'select', 'button', 'input', 'textarea', 'option', 'nav', 'aside',
  'footer', 'figcaption', 'dialog', 'menu', 'link', 'meta', 'form[role="search"]',
  '[hidden]', '[aria-hidden="true"]', '[role="navigation"]', '[role="banner"]',
  '[role="contentinfo"]', '[role="complementary"]', '[role="dialog"]', '[role="search"]',
  '[role="menu"]', '[role="menubar"]', '[role="toolbar"]', '[itemprop="author"]',
  '[itemprop="caption"]', '[rel="author"]',
].join(',');

/** Class or id tokens of page furniture (matched against "-", "_" and space separated tokens). */
const JUNK_TOKENS = new Set([
  'share', 'sharing', 'shares', 'sharebar', 'social', 'socials', 'related', 'recommended',
  'recommendations', 'newsletter', 'subscribe', 'subscription', 'signup', 'cookie', 'cookies',
  'consent', 'gdpr', 'promo', 'promotion', 'advert', 'advertisement', 'ad', 'ads', 'adunit',
  'adslot', 'dfp', 'sponsor', 'sponsored', 'comment', 'comments', 'disqus', 'breadcrumb',
  'breadcrumbs', 'byline', 'caption', 'credit', 'credits', 'tags', 'taglist', 'sidebar',
  'widget', 'popup', 'modal', 'overlay', 'masthead', 'menu', 'navbar', 'nav', 'navigation',
  'footer', 'pagination', 'pager', 'paywall', 'outbrain', 'taboola', 'recirc', 'trending',
  'popular', 'mostread', 'readmore', 'toolbar', 'skip', 'sronly', 'visuallyhidden',
  'offscreen', 'author', 'authors', 'dateline', 'timestamp', 'meta', 'rating', 'teaser', 'teasers', 'embed', 'video', 'gallery', 'slideshow', 'carousel',
]);

/** Tokens that say "this is the article": such an element is never removed as furniture. */
const CONTENT_TOKENS = new Set([
  'article', 'body', 'content', 'entry', 'main', 'post', 'story', 'text', 'prose', 'copy',
]);

const COMPOUNDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bsr-only\b/, 'sronly'],
  [/\bvisually-hidden\b/, 'visuallyhidden'],
  [/\bread-more\b/, 'readmore'],
  [/\bmost-(read|popular|viewed)\b/, 'mostread'],
  [/\bad-(slot|unit|container|wrapper)\b/, 'adslot'],
  [/\bsign-up\b/, 'signup'],
  [/\btag-list\b/, 'taglist'],
];

function tokens(name: string): string[] {
  let s = name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
  for (const [re, token] of COMPOUNDS) s = s.replace(re, token);
  return s.split(/[\s_-]+/).filter(Boolean);
}

/** "furniture" when the class/id names page furniture, "content" when it names the article. */
export function classVerdict(classAndId: string): 'furniture' | 'content' | undefined {
  const list = tokens(classAndId);
  if (list.some((t) => CONTENT_TOKENS.has(t)) && !list.some((t) => JUNK_TOKENS.has(t)))
    return 'content';
  if (list.some((t) => JUNK_TOKENS.has(t))) return 'furniture';
  return undefined;
}

const LINE_PATTERNS: readonly RegExp[] = [
  // ad labels and continuation prompts
  /^(advertisement|advertising|advert|ad|ads|sponsored( content)?|paid content|story continues below( advertisement)?|article continues below|continue reading( (below|the main story))?|scroll (down )?to continue.*|content continues below)\W*$/i,
  // related/read-more teasers
  /^(read more|read next|related|related (articles?|stories|coverage|content|links|news|topics|posts)|more (stories|news|coverage|on this( story| topic)?|from [\w .'-]+)|see also|recommended( for you| stories| reading)?|you (may|might) (also )?(like|be interested in)|most (popular|read|viewed)|trending( now| stories)?|top stories|latest (news|stories)|what to read next|further reading)\b.{0,100}$/i,
  // share prompts
  /^(share|share this|share (this|the) (article|story|page|post)|share on \w+|tweet this|email this|print this|click (here )?to (share|print|email)|follow us\b.*|like this (story|article)\?.*|share (it )?with a friend.*)\W*$/i,
  // newsletter and subscription boxes
  /^(sign up|subscribe|get|join)\b.{0,120}\b(newsletter|briefing|inbox|updates|alerts)\b.{0,80}$/i,
  /\b(our|the|daily|weekly|free) newsletter\b.{0,60}$/i,
  // cookie notices
  /\b(we|this (site|website)) uses? cookies\b/i,
  /\bby (continuing|using) (to (browse|use) )?(this|our) (site|website)\b/i,
  // photo and video credits
  /^(photo|photos|image|images|picture|pictures|photograph|illustration|graphic|video|file photo|credit|source)( credit)?s?\s*[:|/].{0,200}$/i,
  /^\(?(photo|image|picture|credit)s?:?\s*(by\s+)?[^.]{0,80}\)?$/i,
  /^\(?(ap|afp|reuters|getty|getty images|shutterstock|epa|istock)( photo)?( images)?(\/.{0,60})?\)?$/i,
  // bylines and datelines standing alone
  /^by\s+\p{Lu}[\p{L}.'’-]*(\s+(\p{Lu}[\p{L}.'’-]*|and|&|de|van|von|der|la))*\s*(,|\||-|–|—|$).{0,80}$/u,
  /^(updated|published|posted|last (updated|modified)|first published)\b:?.{0,60}$/i,
  // calls to action
  /^(click here|tap here|download (the|our) app|get the app|watch( the)? video|watch:|listen:?|view (the )?(gallery|slideshow|photos))\b.{0,100}$/i,
];

const MONTH =
  /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b\.?/gi;
const DATE_WORDS =
  /\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b\.?|\b(am|pm|a\.m\.|p\.m\.|utc|gmt|[a-z]{1,2}[sd]t|et|pt|ct|cet|bst|amt|updated|published|posted|original|last|modified|on|at)\b/gi;

/** A line that is only a date and time ("Updated Nov. 19, 2019 8:21 am ET"). */
function isDateLine(text: string): boolean {
  if (text.length > 80 || !/\d/.test(text)) return false;
  const hasDate = /\b(19|20)\d\d\b/.test(text) || MONTH.test(text);
  MONTH.lastIndex = 0;
  const rest = text.replace(MONTH, ' ').replace(DATE_WORDS, ' ').replace(/[\d\s.,:;|/\-–—()+•]+/g, '');
  return hasDate && rest.length <= 2;
}

/** True for a line that is page furniture whatever element it sits in. */
export function isBoilerplateLine(text: string): boolean {
  if (text.length > 300) return false;
  if (/^(https?:\/\/|www\.)\S+$/.test(text) || isDateLine(text)) return true;
  return LINE_PATTERNS.some((re) => re.test(text));
}
