/**
 * The article body: drop page furniture, score containers by the paragraph text they hold
 * (Readability-style content scoring over text blocks), take the best container with its
 * article-like siblings, follow the prose where it continues in nearby sections, then drop the
 * furniture lines that survive inside it.
 */
import { collectBlocks, type Block } from './blocks.js';
import { classVerdict, isBoilerplateLine } from './boilerplate.js';
import { collapse, type DomDocument, type DomElement } from './dom.js';

/** Blocks shorter than this do not vote for their container. */
const MIN_SCORED_CHARS = 25;
/** Blocks at least this long with few links count as article prose. */
const PROSE_CHARS = 120;
/** How far (in furniture blocks) the body may reach past its container to more prose. */
const MAX_GAP_BLOCKS = 6;
/** How many ancestor levels a paragraph's score reaches. */
const SCORE_LEVELS = 4;

const PARAGRAPH_TAGS = new Set(['p', 'pre', 'td', 'li', 'blockquote', 'dd', 'h2', 'h3', 'h4']);
const HEADING = /^h[1-6]$/;

function classOf(el: DomElement): string {
  return `${el.getAttribute('class') ?? ''} ${el.id ?? ''}`;
}

/** A block that reads like article prose: long enough, few links, not a furniture line. */
function isProse(block: Block): boolean {
  return (
    block.text.length >= PROSE_CHARS &&
    block.linkChars < block.text.length * 0.25 &&
    !isBoilerplateLine(block.text)
  );
}

function* ancestors(el: DomElement): Generator<DomElement> {
  for (let n: DomElement | null = el; n; n = n.parentElement) yield n;
}

/**
 * Drop blocks inside elements named as furniture by class or id. A wrapper holding much of the
 * page's prose is kept whatever its name says ("field-label-hidden", "has-comments").
 */
function dropFurniture(blocks: Block[]): { kept: Block[]; prose: Map<DomElement, number> } {
  const prose = new Map<DomElement, number>();
  let total = 0;
  for (const block of blocks) {
    if (!isProse(block)) continue;
    total += block.text.length;
    for (const el of ancestors(block.owner))
      prose.set(el, (prose.get(el) ?? 0) + block.text.length);
  }
  const furniture = new Map<DomElement, boolean>();
  const isFurniture = (el: DomElement): boolean => {
    let verdict = furniture.get(el);
    if (verdict === undefined) {
      const tag = el.localName;
      verdict =
        tag !== 'body' &&
        tag !== 'html' &&
        tag !== 'article' &&
        tag !== 'main' &&
        classVerdict(classOf(el)) === 'furniture' &&
        (prose.get(el) ?? 0) <= total * 0.4;
      furniture.set(el, verdict);
    }
    return verdict;
  };
  // Quoted material (embedded posts, pull quotes) is article text even in a "social" wrapper.
  const kept = blocks.filter((b) => {
    let quoted = false;
    for (const el of ancestors(b.owner)) {
      if (el.localName === 'blockquote') quoted = true;
      else if (!quoted && isFurniture(el)) return false;
    }
    return true;
  });
  return { kept, prose };
}

/** Tag and class/id prior of a container; a content name only counts where there is prose. */
function initialScore(el: DomElement, hasProse: boolean): number {
  let score = 0;
  switch (el.localName) {
    case 'div':
    case 'article':
    case 'section':
    case 'main':
      score += 5;
      break;
    case 'pre':
    case 'td':
    case 'blockquote':
      score += 3;
      break;
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      score -= 3;
      break;
    default:
      if (HEADING.test(el.localName)) score -= 5;
  }
  const verdict = classVerdict(classOf(el));
  if (verdict === 'furniture') score -= 25;
  else if (hasProse && verdict === 'content') score += 25;
  if (hasProse && (el.localName === 'article' || el.getAttribute('itemprop') === 'articleBody'))
    score += 25;
  return score;
}

function linkDensity(blocks: readonly Block[]): number {
  let text = 0;
  let links = 0;
  for (const b of blocks) {
    text += b.text.length;
    links += b.linkChars;
  }
  return text ? links / text : 0;
}

function commas(text: string): number {
  return text.match(/[,，、،]/g)?.length ?? 0;
}

/** The container a block's score goes to first: a <p>'s parent, loose text's own element. */
function containerOf(block: Block): DomElement | null {
  return PARAGRAPH_TAGS.has(block.owner.localName) ? block.owner.parentElement : block.owner;
}

function within(el: DomElement, ancestor: DomElement): boolean {
  for (let n: DomElement | null = el; n; n = n.parentElement) if (n === ancestor) return true;
  return false;
}

interface Scored {
  el: DomElement;
  score: number;
}

function scoreContainers(
  blocks: readonly Block[],
  prose: ReadonlyMap<DomElement, number>,
): Map<DomElement, number> {
  const scores = new Map<DomElement, number>();
  for (const block of blocks) {
    if (block.text.length < MIN_SCORED_CHARS || block.linkChars > block.text.length * 0.5) continue;
    const points = 1 + commas(block.text) + Math.min(3, Math.floor(block.text.length / 100));
    let el = containerOf(block);
    for (let level = 0; el && level < SCORE_LEVELS; level++, el = el.parentElement) {
      const base = scores.get(el) ?? initialScore(el, (prose.get(el) ?? 0) > 0);
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(el, base + points / divider);
    }
  }
  return scores;
}

/** The blocks inside an element. */
function blocksUnder(blocks: readonly Block[], el: DomElement): Block[] {
  return blocks.filter((b) => within(b.owner, el));
}

function pickTop(blocks: readonly Block[], scores: Map<DomElement, number>): Scored | undefined {
  const ranked: Scored[] = [];
  for (const [el, raw] of scores) ranked.push({ el, score: raw });
  ranked.sort((a, b) => b.score - a.score);
  const adjusted = ranked.slice(0, 8).map(({ el, score }) => ({
    el,
    score: score * (1 - linkDensity(blocksUnder(blocks, el))),
  }));
  adjusted.sort((a, b) => b.score - a.score);
  return adjusted[0];
}

function isArticleParagraph(el: DomElement, blocks: readonly Block[]): boolean {
  if (el.localName !== 'p') return false;
  const own = blocks.filter((b) => b.owner === el);
  const text = own.map((b) => b.text).join(' ');
  const density = linkDensity(own);
  return (
    (text.length > 80 && density < 0.25) ||
    (text.length > 0 && density === 0 && /[.!?]["”’]?$/.test(text))
  );
}

/** The top candidate plus siblings that look like more of the same article. */
function selectContent(
  top: Scored,
  blocks: readonly Block[],
  scores: Map<DomElement, number>,
): DomElement[] {
  const parent = top.el.parentElement;
  if (!parent) return [top.el];
  const threshold = Math.max(10, top.score * 0.2);
  const topClass = top.el.getAttribute('class') ?? '';
  const selected: DomElement[] = [];
  for (const sibling of Array.from(parent.children)) {
    if (sibling === top.el) {
      selected.push(sibling);
      continue;
    }
    let score = scores.get(sibling) ?? 0;
    if (topClass && sibling.getAttribute('class') === topClass) score += top.score * 0.2;
    if (score >= threshold || isArticleParagraph(sibling, blocks)) selected.push(sibling);
  }
  return selected;
}

function isHeadingBlock(block: Block): boolean {
  return HEADING.test(block.owner.localName);
}

/** Lines inside the chosen content that are furniture, not article. */
function keepBlock(block: Block, title: string | undefined): boolean {
  if (block.owner.localName === 'h1') return false;
  if (title && block.text.toLowerCase() === collapse(title).toLowerCase()) return false;
  if (isBoilerplateLine(block.text)) return false;
  return block.linkChars <= block.text.length * 0.5 || isQuoted(block);
}

function isQuoted(block: Block): boolean {
  for (const el of ancestors(block.owner)) if (el.localName === 'blockquote') return true;
  return false;
}

/**
 * Article text often continues in sibling sections of the best container (split around
 * embeds, pull quotes or ads). Extend the selection over neighbouring blocks in document order
 * while prose keeps coming within a few blocks, staying inside the container's near ancestors.
 */
function extendSelection(blocks: readonly Block[], selected: boolean[], top: DomElement): void {
  let scope = top;
  for (let i = 0; i < 5 && scope.parentElement; i++) scope = scope.parentElement;
  const first = selected.indexOf(true);
  const last = selected.lastIndexOf(true);
  if (first < 0) return;
  for (const step of [1, -1]) {
    let gap = 0;
    for (let i = (step > 0 ? last : first) + step; i >= 0 && i < blocks.length; i += step) {
      const block = blocks[i]!;
      if (!within(block.owner, scope)) break;
      if (!isProse(block)) {
        // Link lists (teasers, related stories) end the article.
        if (block.linkChars > block.text.length * 0.5 || ++gap > MAX_GAP_BLOCKS) break;
        continue;
      }
      for (let j = i - step * gap; j !== i + step; j += step) selected[j] = true;
      gap = 0;
    }
  }
}

/** Paragraph texts of the article body, or [] when the page has none. */
export function extractBody(doc: DomDocument, title?: string): string[] {
  if (!doc.body) return [];
  const { kept: blocks, prose } = dropFurniture(collectBlocks(doc.body));
  const scores = scoreContainers(blocks, prose);
  const top = pickTop(blocks, scores);
  if (!top) return [];
  const content = selectContent(top, blocks, scores);
  const selected = blocks.map((b) => content.some((el) => within(b.owner, el)));
  extendSelection(blocks, selected, top.el);
  const body = blocks.filter((b, i) => selected[i] && keepBlock(b, title));
  // A heading with no text after it introduces something that was removed.
  while (body.length && isHeadingBlock(body[body.length - 1]!)) body.pop();
  return body.map((b) => b.text);
}
