import { clusterStories } from './src/news/cluster.js';
import { digestArticle, loadPolnear } from './bench/polnear.js';
const base = loadPolnear().map((r) => digestArticle(r));
const day = Array.from({ length: 5000 }, (_, i) => ({ ...base[i % base.length]!, id: `a${i}`, publishedMs: 1e12 - ((i * 7919) % 86_400_000) }));
let t = performance.now();
const st = clusterStories(day);
console.log('ms', performance.now() - t, 'stories', st.length, 'sizes', st.slice(0, 10).map((s) => s.length));
