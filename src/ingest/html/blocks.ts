/**
 * The page as text blocks: one block per paragraph-like run of inline content, each tied to the
 * element that owns it (a <p>, <li>, heading, or the <div> whose loose text it is). A <br><br>
 * ends a block; a single <br> is a space. Elements that never hold article text are skipped.
 */
import { isJunkElement } from './boilerplate.js';
import { collapse, isElement, TEXT_NODE, type DomElement, type DomNode } from './dom.js';

export interface Block {
  text: string;
  /** The element whose inline content this is. */
  owner: DomElement;
  /** Characters of the text that sit inside links. */
  linkChars: number;
}

/** Elements that start a new block; everything else is inline. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'html',
]);

/** Nesting beyond this depth is read as inline text: hostile pages cannot exhaust the stack. */
const MAX_DEPTH = 300;

export function isBlockTag(tag: string): boolean {
  return BLOCK_TAGS.has(tag);
}

export function collectBlocks(root: DomElement): Block[] {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let linkChars = 0;
  let owner = root;
  let brPending = false;

  const flush = (): void => {
    const text = collapse(parts.join(''));
    if (text) blocks.push({ text, owner, linkChars: Math.min(linkChars, text.length) });
    parts = [];
    linkChars = 0;
    brPending = false;
  };

  const addText = (value: string, inLink: boolean): void => {
    if (brPending && value.trim()) brPending = false;
    parts.push(value);
    if (inLink) linkChars += collapse(value).length;
  };

  const walk = (node: DomNode, inLink: boolean, depth: number): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        addText(child.textContent ?? '', inLink);
        continue;
      }
      if (!isElement(child) || isJunkElement(child)) continue;
      const tag = child.localName;
      if (tag === 'br') {
        if (brPending) flush();
        else {
          parts.push(' ');
          brPending = true;
        }
      } else if (depth >= MAX_DEPTH) {
        addText(` ${child.textContent ?? ''} `, inLink);
      } else if (BLOCK_TAGS.has(tag)) {
        flush();
        const outer = owner;
        owner = child;
        walk(child, inLink, depth + 1);
        flush();
        owner = outer;
      } else {
        walk(child, inLink || tag === 'a', depth + 1);
      }
    }
  };

  walk(root, false, 0);
  flush();
  return blocks;
}
