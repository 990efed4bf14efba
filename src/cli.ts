/** Entry point of the `newsbot` command-line program (bin/newsbot.js runs the compiled file). */
import { main } from './cli/index.js';

await main();
