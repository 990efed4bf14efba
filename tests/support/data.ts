/**
 * Where the shared evaluation data lives: ../shared/data beside the repository (read at run
 * time, never copied in). NEWSBOT_DATA_DIR overrides it.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DATA_DIR =
  process.env.NEWSBOT_DATA_DIR ?? fileURLToPath(new URL('../../../shared/data', import.meta.url));

export const dataPath = (...parts: string[]): string => join(DATA_DIR, ...parts);

/** The article this project was born from: plain text, no title, a boilerplate tail. */
export const SEED_PATH = dataPath('articles', 'seed-khamenei-iraq.txt');
export const BBC_DEV_PATH = dataPath('bbc-news-summary', 'dev.jsonl');
