/**
 * From an article draft (whatever a source gave us) to a stored article and its analysis:
 * validate, clean, infer a title, derive id and content hash, analyse. Pure apart from the
 * `now` the caller passes for `ingestedAt`.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { analyze } from './analyze.js';
import { ArticleSchema, type Analysis, type Article } from './article.js';
import { cleanParagraphs, normaliseText, splitParagraphs } from './clean.js';
import { articleId, canonicalUrl, contentHash, inferTitle } from './identity.js';

/** The article cannot be stored: `field` names the draft field, `reason` says why. */
export class ArticleRejectedError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'ArticleRejectedError';
  }
}

/** Largest article text accepted (UTF-8 bytes). */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

/** Blank strings count as absent. */
const blankToUndefined = (v: string | undefined): string | undefined =>
  v === undefined || v.trim() === '' ? undefined : v.trim();

/** An optional string field: blank means absent; `check` validates what is left. */
const optionalString = (expected: string, check: z.ZodType<string, string>) =>
  z
    .string({ error: `expected ${expected}` })
    .optional()
    .transform(blankToUndefined)
    .pipe(check.optional());

const optionalText = (max: number) =>
  optionalString(
    'text',
    z
      .string()
      .transform(normaliseText)
      .pipe(z.string().max(max, { error: `longer than ${max} characters` })),
  );

/** Formats tried after ISO-8601, RFC 2822, HTTP and SQL dates (month abbreviations undotted). */
const DATE_FORMATS = [
  'MMMM d, yyyy',
  'MMM d, yyyy',
  'MMMM d yyyy',
  'MMM d yyyy',
  'd MMMM yyyy',
  'd MMM yyyy',
  'EEEE, MMMM d, yyyy',
  'EEEE d MMMM yyyy',
  'MMMM d, yyyy h:mm a',
  'MMM d, yyyy h:mm a',
  'd MMMM yyyy HH:mm',
  'yyyy/MM/dd',
  'yyyy/MM/dd HH:mm',
  'yyyy.MM.dd',
];

/** A publication date in any common notation, as a UTC ISO-8601 string; null if unreadable. */
export function normaliseDate(value: string | number | Date): string | null {
  let date: DateTime | null = null;
  if (value instanceof Date) date = DateTime.fromJSDate(value, { zone: 'utc' });
  else if (typeof value === 'number' || /^\d{9,13}$/.test(value.trim())) {
    const n = Number(value);
    date = DateTime.fromMillis(n < 1e11 ? n * 1000 : n, { zone: 'utc' });
  } else {
    const text = value.trim().replace(/\s+/g, ' ');
    const opts = { zone: 'utc', setZone: true, locale: 'en-US' };
    const parsers = [DateTime.fromISO, DateTime.fromRFC2822, DateTime.fromHTTP, DateTime.fromSQL];
    for (const parse of parsers) {
      const d = parse(text, opts);
      if (d.isValid) {
        date = d;
        break;
      }
    }
    const undotted = text.replace(/\b(Sept|[A-Z][a-z]{2})\.(?=\s)/g, (_, m: string) =>
      m.slice(0, 3),
    );
    for (const format of date === null ? DATE_FORMATS : []) {
      const d = DateTime.fromFormat(undotted, format, opts);
      if (d.isValid) {
        date = d;
        break;
      }
    }
  }
  if (date === null || !date.isValid || date.year < 1800 || date.year > 2200) return null;
  return date.toUTC().toISO();
}

export const ArticleDraftSchema = z
  .object({
    title: optionalText(500),
    url: optionalString(
      'a URL',
      z.string().refine(
        (u) => {
          try {
            canonicalUrl(u);
            return true;
          } catch {
            return false;
          }
        },
        { error: 'not an absolute http(s) URL' },
      ),
    ),
    source: optionalText(200),
    author: optionalText(300),
    publishedAt: z
      .union([z.string(), z.number(), z.date()], { error: 'expected a date' })
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || (typeof v === 'string' && v.trim() === '')) return undefined;
        const iso = normaliseDate(v);
        if (iso === null) {
          ctx.issues.push({ code: 'custom', message: 'not a recognisable date', input: v });
          return z.NEVER;
        }
        return iso;
      }),
    language: optionalString(
      'a language tag',
      z.string().regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}$/, {
        error: 'not a language tag like "en"',
      }),
    ),
    text: z.string({ error: 'expected text' }).optional(),
    paragraphs: z
      .array(z.string({ error: 'expected text' }), { error: 'expected a list of paragraphs' })
      .optional(),
  })
  .refine((d) => d.text !== undefined || d.paragraphs !== undefined, {
    error: 'no article text (expected text or paragraphs)',
    path: ['text'],
  });

/** What a source hands over: every field optional except the text (or paragraphs). */
export type ArticleDraft = z.input<typeof ArticleDraftSchema>;

/** UTF-8 length of `text`, counting no further than `limit + 1`. */
function utf8Bytes(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Text that is really binary: a NUL, or more than 1% control or replacement characters. */
function looksBinary(text: string): boolean {
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11) || c === 0xfffd) odd++;
  }
  return odd > 8 && odd > text.length / 100;
}

/** A first paragraph that reads as a headline: short, no closing punctuation, more text follows. */
function headlineParagraph(paragraphs: string[]): string | null {
  const first = paragraphs[0];
  if (first === undefined || paragraphs.length < 2) return null;
  return first.length <= 150 && !/[.!?:;,"'\u201d\u2019)]$/.test(first) ? first : null;
}

/**
 * Validates and cleans a draft, infers what is missing and analyses it.
 * @throws ArticleRejectedError naming the field and the reason.
 */
export function prepareArticle(
  draft: ArticleDraft,
  now: Date,
): { article: Article; analysis: Analysis } {
  const parsed = ArticleDraftSchema.safeParse(draft);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ArticleRejectedError(
      String(issue?.path[0] ?? 'article'),
      issue?.message ?? 'invalid',
    );
  }
  const d = parsed.data;
  const raw = d.text !== undefined ? [d.text] : (d.paragraphs ?? []);
  const bytes = raw.reduce((sum, p) => sum + utf8Bytes(p, MAX_TEXT_BYTES), 0);
  if (bytes > MAX_TEXT_BYTES) {
    throw new ArticleRejectedError('text', `larger than ${MAX_TEXT_BYTES / 1024 / 1024} MB`);
  }
  if (raw.some(looksBinary))
    throw new ArticleRejectedError('text', 'looks like binary data, not text');
  let paragraphs = cleanParagraphs(d.text !== undefined ? splitParagraphs(d.text) : raw);
  let title = d.title;
  if (
    title !== undefined &&
    paragraphs.length > 1 &&
    paragraphs[0]?.toLowerCase() === title.toLowerCase()
  ) {
    paragraphs = paragraphs.slice(1);
  } else if (title === undefined) {
    const headline = headlineParagraph(paragraphs);
    if (headline !== null) {
      title = headline;
      paragraphs = paragraphs.slice(1);
    }
  }
  title ??= inferTitle(paragraphs) ?? undefined;
  if (
    paragraphs.length === 0 ||
    title === undefined ||
    !paragraphs.some((p) => /[\p{L}\p{N}]/u.test(p))
  ) {
    throw new ArticleRejectedError('text', 'no article text left after removing boilerplate');
  }
  const hash = contentHash(paragraphs);
  const candidate = {
    id: articleId({ url: d.url, contentHash: hash }),
    title,
    ...(d.url !== undefined && { url: d.url }),
    ...(d.source !== undefined && { source: d.source }),
    ...(d.author !== undefined && { author: d.author }),
    ...(d.publishedAt !== undefined && { publishedAt: d.publishedAt }),
    ...(d.language !== undefined && { language: d.language }),
    paragraphs,
    ingestedAt: now.toISOString(),
    contentHash: hash,
  };
  const checked = ArticleSchema.safeParse(candidate);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new ArticleRejectedError(
      String(issue?.path[0] ?? 'article'),
      issue?.message ?? 'invalid',
    );
  }
  const article = checked.data;
  return { article, analysis: analyze({ title, paragraphs, publishedAt: article.publishedAt }) };
}
