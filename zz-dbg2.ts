import { clusterStories } from './src/news/cluster.js';
import { buildDigest } from './src/news/digest.js';
import { digestArticle, loadPolnear } from './bench/polnear.js';
const base = loadPolnear().map((r) => digestArticle(r));
const day = Array.from({ length: 5000 }, (_, i) => ({ ...base[i % base.length]!, id: `a${i}`, publishedMs: 1e12 - ((i * 7919) % 86_400_000) }));
for (let k = 0; k < 3; k++) {
let t = performance.now();
const st = clusterStories(day);
const c = performance.now() - t; t = performance.now();
buildDigest(day, { endMs: 1e12, limit: 8 });
console.log('cluster', Math.round(c), 'digest', Math.round(performance.now() - t));
}
