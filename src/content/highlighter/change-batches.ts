/**
 * The page's changes, observed and handed over in batches: a fixed MUTATION_DEBOUNCE_MS after the
 * first record, not a debounce that restarts, so a page that changes every frame still gets its
 * batch that often instead of never. Records can also be taken early, at the start of a slice.
 */
import { MUTATION_DEBOUNCE_MS } from '../../shared/constants';
import { EXCLUSION_ATTRIBUTES } from './element-rules';

const OBSERVED_CHANGES: MutationObserverInit = {
  childList: true,
  characterData: true,
  subtree: true,
  attributes: true,
  attributeFilter: [...EXCLUSION_ATTRIBUTES],
};

export class ChangeBatches {
  readonly #observer: MutationObserver;
  /** Records delivered to the observer callback and not yet taken. */
  #pending: MutationRecord[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Settles when the scheduled batch has been handed over (for idle()). */
  #handedOver: Promise<void> | null = null;
  #settleHandedOver: () => void = () => {};

  /** `onBatch` is called when a batch is due; it takes the records with take(). */
  constructor(private readonly onBatch: () => void) {
    this.#observer = new MutationObserver((records) => {
      for (const record of records) this.#pending.push(record);
      this.#schedule();
    });
  }

  /** Follows changes under `target` (the root, or an open shadow root: records do not cross one). */
  observe(target: Node): void {
    this.#observer.observe(target, OBSERVED_CHANGES);
  }

  /** Every record so far, delivered or not. */
  take(): MutationRecord[] {
    const records = this.#pending;
    this.#pending = [];
    for (const record of this.#observer.takeRecords()) records.push(record);
    return records;
  }

  /** Schedules a batch for changes seen but not yet delivered; resolves once the scheduled batch is handed over, null when none is due. */
  due(): Promise<void> | null {
    for (const record of this.#observer.takeRecords()) this.#pending.push(record);
    if (this.#pending.length > 0) this.#schedule();
    return this.#handedOver;
  }

  disconnect(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#handedOver = null;
    this.#settleHandedOver();
    this.#pending = [];
    this.#observer.disconnect();
  }

  #schedule(): void {
    if (this.#timer !== undefined) return;
    this.#handedOver = new Promise((resolve) => (this.#settleHandedOver = resolve));
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#handedOver = null;
      this.onBatch();
      this.#settleHandedOver();
    }, MUTATION_DEBOUNCE_MS);
  }
}
