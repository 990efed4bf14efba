import { Command } from 'commander';
import { registerDigest } from './src/cli/digest.js';
const p = new Command('newsbot'); registerDigest(p); await p.parseAsync(process.argv);
