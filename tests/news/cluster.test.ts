import { describe, expect, it } from 'vitest';
import { loadPolnear, loadStoryPairs, scorePairs, storyArticle } from '../../bench/polnear.js';
import { clusterStories, type StoryArticle } from '../../src/news/cluster.js';

const rows = loadPolnear();
const byDoc = new Map(rows.map((r) => [r.doc, r]));
const article = (doc: string, id = doc) => storyArticle(byDoc.get(doc)!, id);

describe('clusterStories on real articles', () => {
  it('groups the hand-labelled same-story pairs and keeps different stories apart', () => {
    const stories = clusterStories(rows.map((r) => storyArticle(r)));
    const scores = scorePairs(stories, loadStoryPairs());
    // bench/clustering.ts reports the exact figures; these are floors against regressions.
    expect(scores.precision).toBeGreaterThanOrEqual(0.65);
    expect(scores.recall).toBeGreaterThanOrEqual(0.7);
    // Stories stay small: no chaining of a whole election season into one story.
    expect(stories[0]!.length).toBeLessThanOrEqual(12);
  });

  it('puts two outlets reporting the Zimmerman gun auction in one story, apart from others', () => {
    const zimmerman = [
      'huff-post_2016-05-12_george-zimmerman-auctioning-off-',
      'usa-today_2016-05-13_auction-of-gun-used-to-kill-tray',
    ];
    const others = rows.filter((r) => r.date.startsWith('2016-05-1') && !zimmerman.includes(r.doc));
    const stories = clusterStories([
      ...zimmerman.map((d) => article(d)),
      ...others.map((r) => storyArticle(r)),
    ]);
    const story = stories.find((s) => s.includes(zimmerman[0]!))!;
    expect(story).toEqual(expect.arrayContaining(zimmerman));
    expect(story.length).toBeLessThanOrEqual(3);
  });

  it('gives the same stories whatever the input order', () => {
    const sample = rows.filter((r) => r.date.startsWith('2016-07')).map((r) => storyArticle(r));
    const reversed = [...sample].reverse();
    const shuffled = [...sample].sort((a, b) => (a.title.length % 7) - (b.title.length % 7));
    expect(clusterStories(reversed)).toEqual(clusterStories(sample));
    expect(clusterStories(shuffled)).toEqual(clusterStories(sample));
  });

  it('never joins reports of the same words published a week apart', () => {
    const a = article('huff-post_2016-05-12_george-zimmerman-auctioning-off-');
    const later: StoryArticle = { ...a, id: 'later', publishedMs: a.publishedMs + 7 * 86_400_000 };
    expect(clusterStories([a, later])).toHaveLength(2);
    const sameDay: StoryArticle = { ...a, id: 'copy', publishedMs: a.publishedMs + 3_600_000 };
    expect(clusterStories([a, sameDay])).toHaveLength(1);
  });

  it('handles no articles and a single article', () => {
    expect(clusterStories([])).toEqual([]);
    const one = article('huff-post_2016-05-12_george-zimmerman-auctioning-off-', 'one');
    expect(clusterStories([one])).toEqual([['one']]);
  });
});
