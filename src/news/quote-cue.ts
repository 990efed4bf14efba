/** Key quotes, part 4: what the readers of a quote's attribution (`quote-cue-*.ts`) find. */
import type { Phrase } from './quote-phrases.js';

export interface Cue {
  phrase: Phrase | null;
  /** Position of the attribution (for pronoun resolution). */
  pos: number;
  /** The cue continues an earlier clause ("..., saying", "but added"): same speaker. */
  continued?: boolean;
  /** Found past the end of the quote's sentence (“...?” she asked.): weaker than a cue before. */
  crossed?: boolean;
  /** Found in a later clause ("“...,” and Trump vowed"): weaker than a cue before. */
  clause?: boolean;
}
