/**
 * Story clustering quality: clusters all PolNeAR articles (924, seven outlets, 2015-16) and
 * reports pairwise precision and recall on the hand-labelled pairs of
 * tests/fixtures/story-pairs.json. Run: npx tsx bench/clustering.ts
 */
import { clusterStories } from '../src/news/cluster.js';
import { loadPolnear, loadStoryPairs, scorePairs, storyArticle } from './polnear.js';

const rows = loadPolnear();
const pairs = loadStoryPairs();
const articles = rows.map((r) => storyArticle(r));
const started = performance.now();
const stories = clusterStories(articles);
const ms = performance.now() - started;
const s = scorePairs(stories, pairs);
const multi = stories.filter((st) => st.length > 1);
console.log(
  JSON.stringify(
    {
      articles: rows.length,
      stories: stories.length,
      multiArticleStories: multi.length,
      largestStory: stories[0]?.length ?? 0,
      labelledPairs: {
        same: pairs.filter((p) => p.same).length,
        different: pairs.filter((p) => !p.same).length,
      },
      ...s,
      precision: Number(s.precision.toFixed(3)),
      recall: Number(s.recall.toFixed(3)),
      clusterMs: Math.round(ms),
    },
    null,
    2,
  ),
);
