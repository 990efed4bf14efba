/**
 * The small slice of the DOM that extraction uses, typed here because the project compiles
 * without lib.dom (linkedom's own typings resolve to `any` under this configuration).
 */
import { parseHTML } from 'linkedom';
import { prepareMarkup } from './prepare.js';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface DomNode {
  readonly nodeType: number;
  readonly parentNode: DomNode | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly textContent: string | null;
}

export interface DomElement extends DomNode {
  readonly parentElement: DomElement | null;
  readonly children: ArrayLike<DomElement>;
  readonly tagName: string;
  readonly localName: string;
  readonly id: string;
  readonly className: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly head: DomElement | null;
  readonly body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** Parse a page; a fragment without <html>/<body> (or plain text) is wrapped in a document. */
export function parseDocument(html: string): DomDocument {
  const stripped = prepareMarkup(html);
  const page = /<(html|body)[\s>]/i.test(stripped)
    ? stripped
    : `<html><body>${stripped}</body></html>`;
  return (parseHTML(page) as { document: DomDocument }).document;
}

/** Whitespace runs (including non-breaking and zero-width spaces) collapsed to one space. */
export function collapse(text: string): string {
  return text
    .replace(/\u200b|\u200c|\u200d|\u2060|\ufeff/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
