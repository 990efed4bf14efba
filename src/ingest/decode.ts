/**
 * Bytes → text for ingested files and fetched feeds/pages.
 *
 * Order of evidence: byte-order mark, charset in the Content-Type header, the document's own
 * declaration (<meta charset>, http-equiv, <?xml encoding?>), then the bytes themselves: valid
 * UTF-8 stays UTF-8, anything else is read as Windows-1252 (the superset of ISO-8859-1 that
 * browsers use for both labels). Binary content is rejected with BinaryContentError.
 */
import iconv from 'iconv-lite';

export class BinaryContentError extends Error {
  constructor(reason: string) {
    super(`binary content, not text: ${reason}`);
    this.name = 'BinaryContentError';
  }
}

export interface DecodeHint {
  /** The HTTP Content-Type header (or a file type guessed from the name). */
  contentType?: string;
  /** What the bytes are expected to be: decides which in-document declarations are looked for. */
  declared?: 'html' | 'xml' | 'text';
}

const MAGIC: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['gzip', [0x1f, 0x8b]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
];

/** How many leading bytes are inspected for binary signs and in-document declarations. */
const SNIFF_BYTES = 8192;
/** Share of control characters (other than tab, newlines, form feed, escape) that marks binary. */
const MAX_CONTROL_RATIO = 0.02;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

function assertText(bytes: Uint8Array): void {
  for (const [name, magic] of MAGIC) {
    if (startsWith(bytes, magic)) throw new BinaryContentError(`looks like a ${name}`);
  }
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) throw new BinaryContentError('contains NUL bytes');
    if (
      (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) ||
      b === 0x7f
    )
      control++;
  }
  if (n > 0 && control / n > MAX_CONTROL_RATIO) {
    throw new BinaryContentError('too many control characters');
  }
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return undefined;
}

/** A charset label as the decoder should use it, or undefined when unknown/unsupported. */
export function normaliseCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const name = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (!name) return undefined;
  // WHATWG Encoding: these labels all mean windows-1252 in practice.
  if (/^(iso-?8859-1|latin-?1|l1|us-ascii|ascii|iso_8859-1(:1987)?|cp819|ibm819)$/.test(name))
    return 'windows-1252';
  if (name === 'utf8' || name === 'unicode-1-1-utf-8') return 'utf-8';
  return iconv.encodingExists(name) ? name : undefined;
}

function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = contentType && /charset\s*=\s*["']?([^\s;"']+)/i.exec(contentType);
  return m ? normaliseCharset(m[1]) : undefined;
}

function charsetFromDocument(head: string, declared: DecodeHint['declared']): string | undefined {
  if (declared !== 'text' && declared !== 'xml') {
    const meta =
      /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
      /<meta[^>]+content\s*=\s*["'][^"']*charset\s*=\s*([\w.:-]+)/i.exec(head);
    const found = normaliseCharset(meta?.[1]);
    if (found) return found;
  }
  if (declared !== 'text') {
    const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
    return normaliseCharset(xml?.[1]);
  }
  return undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** True when the bytes hold no multi-byte UTF-8 sequence at all (so a "utf-8" label is a lie). */
function hasNoUtf8Sequence(bytes: Uint8Array): boolean {
  for (let i = 0; i + 1 < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0xc2 && b <= 0xf4 && (bytes[i + 1]! & 0xc0) === 0x80) return false;
  }
  return true;
}

/** Decode bytes to a string; throws BinaryContentError for input that is not text. */
export function decodeBytes(bytes: Uint8Array, hint: DecodeHint = {}): string {
  const bom = bomEncoding(bytes);
  if (bom) return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), bom);
  assertText(bytes);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const head = buf.toString('latin1', 0, Math.min(buf.length, SNIFF_BYTES));
  const charset =
    charsetFromContentType(hint.contentType) ?? charsetFromDocument(head, hint.declared);
  if (charset && charset !== 'utf-8') return iconv.decode(buf, charset);
  const utf8 = decodeUtf8Strict(bytes);
  if (utf8 !== undefined) return utf8;
  // Declared UTF-8 (or undeclared) but not valid UTF-8: the common mislabelled-Latin-1 case.
  if (!charset || hasNoUtf8Sequence(bytes)) return iconv.decode(buf, 'windows-1252');
  return buf.toString('utf8');
}
