import { describe, expect, it } from 'vitest';
import {
  InvalidUrlError,
  articleId,
  canonicalUrl,
  contentHash,
  inferTitle,
} from '../../src/news/identity.js';

describe('canonicalUrl', () => {
  it('strips tracking parameters, the fragment and the trailing slash; sorts the rest', () => {
    expect(
      canonicalUrl(
        'HTTPS://WWW.Example.com:443/News/Story/?utm_source=tw&b=2&fbclid=x&a=1&gclid=y#top',
      ),
    ).toBe('https://www.example.com/News/Story?a=1&b=2');
  });

  it('rejects what is not an http(s) URL', () => {
    expect(() => canonicalUrl('not a url')).toThrow(InvalidUrlError);
    expect(() => canonicalUrl('ftp://example.com/file')).toThrow(InvalidUrlError);
  });
});

describe('articleId', () => {
  const hash = contentHash(['Some text.']);

  it('is 10 characters of [a-z0-9]', () => {
    expect(articleId({ url: 'https://example.com/a', contentHash: hash })).toMatch(
      /^[a-z0-9]{10}$/,
    );
    expect(articleId({ contentHash: hash })).toMatch(/^[a-z0-9]{10}$/);
  });

  it('is the same for the same story with tracking parameters, whatever the text', () => {
    const a = articleId({ url: 'https://example.com/story?id=7', contentHash: hash });
    const b = articleId({
      url: 'https://example.com/story/?utm_source=newsletter&utm_medium=email&id=7#comments',
      contentHash: contentHash(['Other text.']),
    });
    expect(b).toBe(a);
    expect(articleId({ url: 'https://example.com/story?id=8', contentHash: hash })).not.toBe(a);
  });

  it('comes from the normalised text when there is no URL', () => {
    expect(contentHash(['Some  TEXT.'])).toBe(contentHash(['some text.']));
    expect(articleId({ contentHash: contentHash(['A', 'b']) })).toBe(
      articleId({ contentHash: contentHash(['a b']) }),
    );
    expect(contentHash(['a'])).toMatch(/^[a-f0-9]{64}$/);
  });
});

describe('inferTitle', () => {
  it('uses a short first sentence without its closing punctuation', () => {
    expect(inferTitle(['Floods hit the north. More rain is due.'])).toBe('Floods hit the north');
  });

  it('cuts a long lede at a clause boundary within 100 characters', () => {
    const title = inferTitle([
      'Iranian leader Ayatollah Ali Khamenei warned that the US will see further retaliation for the January drone strike on elite commander Qasem Soleimani, telling Iraq’s premier that Tehran will resist.',
    ]);
    expect(title).toBe(
      'Iranian leader Ayatollah Ali Khamenei warned that the US will see further retaliation',
    );
  });

  it('returns null for no text', () => {
    expect(inferTitle([])).toBeNull();
  });
});
