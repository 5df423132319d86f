import { ActorRecord, FlowDirection } from '../model';
import { tokenize } from '../taxonomy/vocabulary';
import { nafMatches, Trade } from './reference';

/** What a complementarity rule knows of an actor: who it is, and the flows the viewer may see (direction and category only: descriptions are never quoted). */
export type ComplementarityActor = Pick<
  ActorRecord, 'id' | 'name' | 'kind' | 'economy' | 'nafCode' | 'legalForm' | 'activities' | 'description' | 'publics' | 'employees' | 'location'
> & { flows: { direction: FlowDirection; categoryCode: string }[] };

/** A trade an actor was recognised in, and how. */
export interface RecognisedTrade {
  trade: Trade;
  /** Its NAF code says so (strong), or only the words of its name and activities. */
  by: 'NAF' | 'WORDS';
}

/**
 * Recognises actors' trades from their NAF code and from the words of their name, activities
 * and description. Keywords are compared as sequences of folded, stemmed words
 * (`tokenize`), so "Garages solidaires" finds "garage solidaire" and English words meet their
 * French canonical forms.
 */
export class TradeRecogniser {
  private readonly phrases: { trade: Trade; words: string[] }[];

  constructor(readonly trades: readonly Trade[]) {
    this.phrases = trades.flatMap((trade) => {
      const phrases = trade.keywords.map((keyword) => ({ trade, keyword, words: tokenize(keyword) }));
      const singles = new Set(phrases.filter((p) => !/[\s'’-]/.test(p.keyword.trim())).map((p) => p.words.join(' ')));
      // A phrase whose function words fall away can shrink to one everyday word ("it services"
      // to "services", "accueil de jour" to "accueil"): it then stands for the trade only if the
      // trade also lists that word alone.
      return phrases.filter((p) => p.words.length > 1 || (p.words.length === 1 && (!/[\s'’-]/.test(p.keyword.trim()) || singles.has(p.words[0]))));
    });
  }

  /** The trades of an actor, NAF evidence first. */
  recognise(actor: Pick<ComplementarityActor, 'nafCode' | 'name' | 'activities' | 'description'>): RecognisedTrade[] {
    const found = new Map<string, RecognisedTrade>();
    if (actor.nafCode) {
      for (const trade of this.trades) {
        if (trade.nafPrefixes.some((prefix) => nafMatches(actor.nafCode!, prefix))) found.set(trade.code, { trade, by: 'NAF' });
      }
    }
    const words = tokenize([actor.name, actor.activities, actor.description].filter(Boolean).join(' . '));
    for (const { trade, words: phrase } of this.phrases) {
      if (!found.has(trade.code) && containsSequence(words, phrase)) found.set(trade.code, { trade, by: 'WORDS' });
    }
    return [...found.values()];
  }
}

function containsSequence(words: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i += 1) {
    for (let j = 0; j < phrase.length; j += 1) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}
