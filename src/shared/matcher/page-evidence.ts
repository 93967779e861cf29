/**
 * The page's blocks, each once, kept to weigh whether an ambiguous form's context words run
 * through the page (its topic). Each form's tally is carried forward, so weighing it again after
 * more blocks arrive reads only the new ones: on a page that keeps growing (a live blog, an
 * endless feed) with a form held back, every settle would otherwise read the whole page again.
 */
import { PAGE_EVIDENCE_MAX_CHARS, PAGE_TOPIC_MIN_BLOCKS } from '../constants';
import type { ContextTest } from './phrase-patterns';

/** What a topic is weighed by: the form's context words, and its contrary signs. */
export interface TopicWords {
  readonly contextAnyOf: ContextTest | null;
  readonly contextNoneOf: ContextTest | null;
}

interface Tally {
  /** Blocks read so far, from the first. */
  read: number;
  forIt: number;
  against: number;
}

export class PageEvidence {
  private readonly seen = new Set<string>();
  private readonly blocks: string[] = [];
  private chars = 0;
  private readonly tallies = new Map<TopicWords, Tally>();

  /** Keeps a block's text, once, while the page's evidence is under PAGE_EVIDENCE_MAX_CHARS. */
  add(text: string): void {
    if (this.chars >= PAGE_EVIDENCE_MAX_CHARS || this.seen.has(text)) return;
    this.seen.add(text);
    this.blocks.push(text);
    this.chars += text.length;
  }

  /** Whether the context words are in several blocks, more than the contrary signs. */
  isTopic(words: TopicWords): boolean {
    const { contextAnyOf, contextNoneOf } = words;
    if (contextAnyOf === null) return false;
    let tally = this.tallies.get(words);
    if (tally === undefined) this.tallies.set(words, (tally = { read: 0, forIt: 0, against: 0 }));
    for (; tally.read < this.blocks.length; tally.read++) {
      const block = this.blocks[tally.read] as string;
      if (contextAnyOf.test(block)) tally.forIt++;
      if (contextNoneOf?.test(block)) tally.against++;
    }
    return tally.forIt >= PAGE_TOPIC_MIN_BLOCKS && tally.forIt > tally.against;
  }
}
