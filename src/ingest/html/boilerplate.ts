/**
 * What is not article text: element names, class/id tokens and whole lines that mark page
 * furniture (navigation, share prompts, related links, captions, bylines, newsletter and cookie
 * boxes, ad labels). Rules are about the kind of thing, never about particular sites.
 */
import type { DomElement } from './dom.js';

/** Elements that never hold article text. */
const JUNK_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'select',
  'button',
  'input',
  'textarea',
  'option',
  'nav',
  'aside',
  'footer',
  'figcaption',
  'dialog',
  'menu',
  'head',
  'title',
]);

const JUNK_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'dialog',
  'search',
  'menu',
  'menubar',
  'toolbar',
  'alert',
  'alertdialog',
]);

/** Elements skipped with everything inside: by tag, hidden, ARIA role, or author/caption markup. */
export function isJunkElement(el: DomElement): boolean {
  if (JUNK_TAGS.has(el.localName)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role && JUNK_ROLES.has(role.toLowerCase())) return true;
  const itemprop = el.getAttribute('itemprop');
  if (itemprop === 'author' || itemprop === 'caption') return true;
  const style = el.getAttribute('style');
  return !!style && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Class or id tokens of page furniture (matched against "-", "_" and space separated tokens). */
const JUNK_TOKENS = new Set([
  'share',
  'sharing',
  'shares',
  'sharebar',
  'social',
  'socials',
  'related',
  'recommended',
  'recommendations',
  'newsletter',
  'subscribe',
  'subscription',
  'signup',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'promo',
  'promotion',
  'advert',
  'advertisement',
  'ad',
  'ads',
  'adunit',
  'adslot',
  'dfp',
  'sponsor',
  'sponsored',
  'comment',
  'comments',
  'disqus',
  'breadcrumb',
  'breadcrumbs',
  'byline',
  'caption',
  'credit',
  'credits',
  'tags',
  'taglist',
  'sidebar',
  'widget',
  'popup',
  'modal',
  'overlay',
  'masthead',
  'menu',
  'navbar',
  'nav',
  'navigation',
  'footer',
  'pagination',
  'pager',
  'paywall',
  'outbrain',
  'taboola',
  'recirc',
  'trending',
  'popular',
  'mostread',
  'readmore',
  'toolbar',
  'skip',
  'sronly',
  'visuallyhidden',
  'offscreen',
  'author',
  'authors',
  'dateline',
  'timestamp',
  'meta',
  'rating',
  'teaser',
  'teasers',
  'embed',
  'video',
  'gallery',
  'slideshow',
  'carousel',
]);

/** Tokens that say "this is the article": such an element is never removed as furniture. */
const CONTENT_TOKENS = new Set([
  'article',
  'body',
  'content',
  'entry',
  'main',
  'post',
  'story',
  'text',
  'prose',
  'copy',
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
  /^(advertisement|advertising|advert|ad|ads|anzeige|werbung|publicidad|publicité|pubblicità|publicidade|iklan|реклама|広告|광고|sponsored( content)?|paid content|story continues below( advertisement)?|article continues below|continue reading( (below|the main story))?|scroll (down )?to continue.*|content continues below)\W*$/i,
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
  /^[^.!?]{0,80}\/\s*(getty images|getty|ap( photo)?|afp|reuters|shutterstock|epa|istock(photo)?)\)?$/i,
  /\((photo|image|picture)?\s*credits?\s*:[^)]{0,100}\)$/i,
  // bylines and datelines standing alone
  /^by\s+\p{Lu}[\p{L}.'’-]*(\s+(\p{Lu}[\p{L}.'’-]*|and|&|de|van|von|der|la))*\s*(,|\||-|–|—|$).{0,80}$/u,
  /^(updated|published|posted|last (updated|modified)|first published)\b:?.{0,60}$/i,
  // tags, reading time, comment prompts, reprint and print tools
  /^(filed under|tags?|topics?|categories|category|keywords)\s*:.{0,200}$/i,
  /^(\d+\s*(min|minute)s?\s*read|reading time\b.{0,20}|tempo de leitura\b.{0,20}|lesezeit\b.{0,20})$/i,
  /^(\d+\s+)?comments?$|^(leave|post|add|view|show|read) (a |the |all )?(\d+ )?(comments?|replies|reply)\b.{0,40}$|^tell us what you think\b/i,
  /^((order )?reprints?|print( article| this (article|page))?|text size|font size|explore further|by)$/i,
  /^this copy is for your personal, non-commercial use only\b/i,
  /^(this (document|article|material) is (subject to|protected by) copyright)\b/i,
  /^you have been (successfully )?subscribed\b|\bproblem subscribing you\b/i,
  // contact lines at the foot of a story
  /\b(may|can) be reached at\b|^(email|contact) [\p{L} .'’-]{1,60} at \S+@\S+/iu,
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
  const hasDate = /(19|20)\d\d/.test(text) || MONTH.test(text);
  MONTH.lastIndex = 0;
  const rest = text
    .replace(MONTH, ' ')
    .replace(DATE_WORDS, ' ')
    .replace(/[\d\s.,:;|/\-–—()+•]+/g, '');
  return hasDate && rest.length <= 2;
}

/** True for a line that is page furniture whatever element it sits in. */
export function isBoilerplateLine(text: string): boolean {
  if (text.length > 300) return false;
  if (/^(https?:\/\/|www\.)\S+$/.test(text) || isDateLine(text)) return true;
  return LINE_PATTERNS.some((re) => re.test(text));
}
