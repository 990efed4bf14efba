import { clusterStories } from '../src/news/cluster.js';
import { loadPolnear, loadStoryPairs, storyArticle } from './polnear.js';
const rows = loadPolnear();
const pairs = loadStoryPairs();
const arts = rows.map((r) => storyArticle(r));
const st = clusterStories(arts, { threshold: 0.1, linkage: 0.08, windowHours: 72 });
const of = new Map<string, number>();
st.forEach((ids, i) => ids.forEach((id) => of.set(id, i)));
for (const p of pairs) {
  const pred = of.get(p.a) === of.get(p.b);
  if (pred !== p.same)
    console.log(p.same ? 'FN' : 'FP', '|', p.titleA.slice(0, 70), '|', p.titleB.slice(0, 70));
}
