/**
 * The highlighter: reads the page run by run, asks `findMentions` what each run names, and keeps
 * the marks in step with a page that keeps changing, all without ever blocking it for long.
 *
 * Work is a queue of run walkers (the first pass is one walker over the whole root; each page
 * change adds walkers over just the containers it touched), drained in slices of at most
 * SLICE_BUDGET_MS with a yield to the page between them. Reading a run is idempotent: when its
 * mentions are the ones already marked, nothing is written. So a run read twice (a change
 * during the first pass, a rescan) costs time but never churns the DOM, and a page with none
 * of the names gets no DOM writes at all. Given the matcher's `mayName`, a deep walk first tests
 * a block's whole text and skips it when nothing in it can name anything (see RunWalker), so a
 * page without the names costs about one read of its text.
 *
 * Open shadow roots are roots of their own: found on the walk (one `shadowRoot` read per element
 * visited), observed by the same MutationObserver (records do not cross a shadow boundary), and
 * read by walkers queued like any other. Their runs are read after the walk that found them, so
 * on the first pass a short form inside a shadow tree can lean on a full name anywhere in the
 * light DOM. A shadow root attached to an element the walk has already passed, with no change
 * around it, is found on the next rescan. Closed shadow roots are never seen.
 */
import type { Mention } from '../../shared/matcher/types';
import { MUTATION_DEBOUNCE_MS, SLICE_BUDGET_MS } from '../../shared/constants';
import { compareComposed, containsComposed, shadowRootOf } from './composed-tree';
import { EXCLUSION_ATTRIBUTES, isDocumentEditable, isInlineElement } from './element-rules';
import { Ledger, type HighlightStyle, type MentionGroup } from './ledger';
import { readPageChanges, type PageChanges } from './page-mutations';
import { RunWalker, findRunContainer, outermostBlocksWithin, type TextRun, type WalkRules } from './text-runs';
import type { Highlighter, HighlighterOptions } from './types';
import { wrapRanges } from './wrap-text';
import { yieldToPage } from './yield-to-page';

const NON_SPACE = /\S/;

const OBSERVED_CHANGES: MutationObserverInit = {
  childList: true,
  characterData: true,
  subtree: true,
  attributes: true,
  attributeFilter: [...EXCLUSION_ATTRIBUTES],
};

export function createHighlighter(options: HighlighterOptions): Highlighter {
  return new PageHighlighter(options);
}

class PageHighlighter implements Highlighter {
  private readonly root: Node;
  private readonly ledger: Ledger;
  private readonly rules: WalkRules;
  private readonly queue: RunWalker[] = [];
  /**
   * The last walker queued for each container, so a burst of page changes queues each container
   * once without searching the queue (thousands of records in one batch would make that quadratic).
   */
  private readonly queuedFor = new Map<Node, RunWalker>();
  private readonly listeners = new Set<() => void>();
  /** The open shadow roots found so far whose host is still in the page. */
  private readonly shadowRoots = new Set<ShadowRoot>();
  private readonly observer: MutationObserver;
  /** Page records delivered to the observer callback and not yet read. */
  private pending: MutationRecord[] = [];
  /** Parents of splits undone by repairAtOnce, whose text the next batch reads again. */
  private readonly repaired = new Set<Node>();
  private batchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Settles when the scheduled batch has been read (for idle()). */
  private batchRead: Promise<void> | null = null;
  private settleBatchRead: () => void = () => {};
  private work: Promise<void> | null = null;
  private workGeneration = 0;
  private active = false;
  /** Bumped by stop(): a slice loop from an earlier start sees it and ends. */
  private generation = 0;

  constructor(private readonly options: HighlighterOptions) {
    this.root = options.root;
    this.ledger = new Ledger(wrapRanges, options.style ?? 'background');
    this.rules = {
      // <backstory-ui> is excluded by tag already; this adds whatever else the caller owns.
      isOwnUi: options.isOwnUi,
      isOurs: (node) => this.ledger.isOurs(node),
      pageText: (node) => this.ledger.pageText(node),
      foundShadowRoot: (root, deep) => this.foundShadowRoot(root, deep),
      mayName: options.mayName,
    };
    this.observer = new MutationObserver((records) => {
      for (const record of records) this.pending.push(record);
      this.repairAtOnce(records);
      this.scheduleBatch();
    });
  }

  start(): Promise<void> {
    if (this.active) return this.work ?? Promise.resolve();
    this.active = true;
    this.generation++;
    this.observe();
    this.queue.push(new RunWalker(this.root, true, this.rules));
    return this.runQueue();
  }

  stop(): void {
    if (!this.active) return;
    this.active = false;
    this.generation++;
    clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
    this.batchRead = null;
    this.settleBatchRead();
    // The page's last writes decide whose text wins when a split node is given back.
    for (const record of this.takePageRecords()) {
      if (record.type !== 'attributes') this.ledger.notePageWrite(record.target);
    }
    this.observer.disconnect();
    this.clearQueue();
    this.repaired.clear();
    this.ledger.releaseAll();
    this.shadowRoots.clear();
    this.notifyIfChanged();
  }

  rescan(): Promise<void> {
    if (!this.active) return this.start();
    this.queue.push(new RunWalker(this.root, true, this.rules));
    return this.runQueue();
  }

  async idle(): Promise<void> {
    for (;;) {
      if (this.active) {
        // Changes the observer has seen but not yet delivered.
        for (const record of this.observer.takeRecords()) this.pending.push(record);
        if (this.pending.length > 0) this.scheduleBatch();
      }
      if (this.batchRead) await this.batchRead;
      else if (this.work) await this.work;
      else return;
    }
  }

  setStyle(style: HighlightStyle): void {
    this.ledger.setStyle(style);
  }

  /** In composed tree order when there are shadow roots (see compareComposed). */
  marks(): HTMLElement[] {
    const marks = this.ledger.marks(this.options.root);
    if (this.shadowRoots.size === 0) return marks;
    for (const shadow of this.shadowRoots) {
      if (!shadow.isConnected) continue;
      for (const mark of this.ledger.marks(shadow)) marks.push(mark);
    }
    return marks.sort(compareComposed);
  }

  mentions(): MentionGroup[] {
    return this.ledger.mentionsOf(this.marks());
  }

  mentionOf(mark: Element): MentionGroup | undefined {
    return this.ledger.mentionOf(mark);
  }

  counts(): Map<string, number> {
    return this.ledger.counts();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts draining the queue unless a drain is already running; resolves when it is empty. */
  private runQueue(): Promise<void> {
    if (this.work && this.workGeneration === this.generation) return this.work;
    const generation = this.generation;
    // A drain from before a stop() is still winding down at its next yield; follow it.
    const previous = this.work ?? Promise.resolve();
    const work: Promise<void> = previous
      .then(() => this.drainQueue(generation))
      .finally(() => {
        if (this.work !== work) return;
        this.work = null;
        // Work queued between the drain's last look at the queue and now.
        if (this.active && this.queue.length > 0) void this.runQueue();
      });
    this.work = work;
    this.workGeneration = generation;
    return work;
  }

  private async drainQueue(generation: number): Promise<void> {
    while (generation === this.generation) {
      this.unobserved(() => {
        this.readPageChanges();
        if (isDocumentEditable(this.root)) this.giveUpOnEditableDocument();
        if (this.queue.length > 0) this.runSlice();
      });
      this.notifyIfChanged();
      if (this.queue.length === 0) return;
      await yieldToPage();
    }
  }

  /**
   * Reads runs until the queue is empty or the slice budget is spent (at least one run). Each
   * walker is checked once per slice as it comes to the head, after the page had a chance to
   * run: checking every queued walker per slice would cost the whole queue each time.
   */
  private runSlice(): void {
    const sliceStart = performance.now();
    let checked: RunWalker | undefined;
    do {
      const walker = this.queue[0];
      if (!walker) return;
      if (walker !== checked) {
        if (!walker.stillUseful(this.inScope)) {
          this.dequeue(0);
          continue;
        }
        checked = walker;
      }
      const run = walker.nextRun();
      if (run) this.readRun(run);
      else this.dequeue(0);
    } while (performance.now() - sliceStart < SLICE_BUDGET_MS);
  }

  /** Brings one run's marks in line with what it names now. Writes only when they differ. */
  private readRun(run: TextRun): void {
    const text = run.texts.join('');
    const hasMarks = run.nodes.some((node) => this.ledger.isSplit(node));
    if (!hasMarks && !NON_SPACE.test(text)) return;
    const mentions = validMentions(this.options.findMentions(text), text.length);
    if (!hasMarks) {
      if (mentions.length > 0) this.ledger.apply(run, mentions);
      return;
    }
    const current = this.ledger.currentMentions(run);
    if (current && sameMentions(current, mentions)) return;
    const touched = this.ledger.releaseRun(run);
    this.ledger.apply(run, mentions);
    // A mention is undone whole; if it reached into another run (the page moved things), that
    // run is read again.
    for (const node of touched) {
      if (!run.nodes.some((runNode) => runNode.parentNode === node)) this.enqueueContainerOf(node);
    }
  }

  private scheduleBatch(): void {
    if (this.batchTimer !== undefined || !this.active) return;
    this.batchRead = new Promise((resolve) => (this.settleBatchRead = resolve));
    // A fixed delay from the first record, not a debounce that restarts: a page that changes
    // every frame still gets its batch every MUTATION_DEBOUNCE_MS instead of never.
    this.batchTimer = setTimeout(() => {
      this.batchTimer = undefined;
      this.batchRead = null;
      if (this.active) {
        this.unobserved(() => this.readPageChanges());
        this.notifyIfChanged();
        if (this.queue.length > 0) void this.runQueue();
      }
      this.settleBatchRead();
    }, MUTATION_DEBOUNCE_MS);
  }

  /**
   * Undoes, in the observer's microtask (so before the next paint), every split the page just
   * wrote into or removed: otherwise our leftover marks would show text the page took away,
   * for up to a batch period. Reading the new text waits for the batch.
   */
  private repairAtOnce(records: readonly MutationRecord[]): void {
    if (this.ledger.size === 0) return;
    for (const record of records) {
      if (record.type !== 'attributes') this.ledger.notePageWrite(record.target);
    }
    if (!this.ledger.mayNeedRelease(records)) return;
    this.unobserved(() => {
      for (const parent of this.ledger.releaseWritten()) this.repaired.add(parent);
      for (const parent of this.ledger.releaseDisturbed(records, this.inScope)) this.repaired.add(parent);
    });
    this.notifyIfChanged();
  }

  /** Turns the page's pending records into queued walkers and released entries. */
  private readPageChanges(): void {
    for (const parent of this.repaired) this.enqueueContainerOf(parent);
    this.repaired.clear();
    const records = this.takePageRecords();
    if (records.length === 0) return;
    const changes = readPageChanges(records, {
      notePageWrite: (node) => this.ledger.notePageWrite(node),
      isOwnUi: this.rules.isOwnUi,
      isOurs: this.rules.isOurs,
    });
    this.applyPageChanges(records, changes);
  }

  private applyPageChanges(records: readonly MutationRecord[], changes: PageChanges): void {
    for (const parent of this.ledger.releaseWritten()) this.enqueueContainerOf(parent);
    for (const element of changes.nowExcluded) {
      for (const parent of this.ledger.releaseInside(element)) this.enqueueContainerOf(parent);
      for (const shadow of this.shadowRoots) {
        if (containsComposed(element, shadow.host)) this.ledger.releaseInside(shadow);
      }
    }
    if (this.shadowRoots.size > 0 && records.some((record) => record.removedNodes.length > 0)) this.forgetDetachedShadowRoots();
    for (const parent of this.ledger.releaseDisturbed(records, this.inScope)) this.enqueueContainerOf(parent);
    for (const node of changes.textChanged) this.enqueueContainerOf(node);
    for (const element of changes.subtrees) this.enqueueSubtree(element);
  }

  /** A shadow root whose host left the page: its marks go, and it is no longer followed. */
  private forgetDetachedShadowRoots(): void {
    for (const shadow of this.shadowRoots) {
      if (shadow.isConnected) continue;
      this.ledger.releaseInside(shadow);
      this.shadowRoots.delete(shadow);
    }
  }

  /**
   * Registers an open shadow root met on a walk and queues it; a deep walk (a rescan, a new
   * subtree) reads a known one again, as it reads every block it passes. Walks run only inside
   * unobserved(), whose reconnect starts observing the new root.
   */
  private foundShadowRoot(shadow: ShadowRoot, deep: boolean): void {
    if (!this.active) return;
    const known = this.shadowRoots.has(shadow);
    if (!known) this.shadowRoots.add(shadow);
    if (!known || deep) this.enqueue(shadow, true);
  }

  private readonly isRoot = (node: Node): boolean =>
    node === this.root || (this.shadowRoots.size > 0 && this.shadowRoots.has(node as ShadowRoot));

  /**
   * Whether `node` is somewhere the highlighter reads: under the root, or under a known open
   * shadow root whose host is itself somewhere read (not hidden, not in an editor, in the page).
   */
  private readonly inScope = (node: Node): boolean => {
    const shadow = this.shadowRoots.size > 0 ? shadowRootOf(node) : null;
    if (!shadow) return this.root.contains(node);
    return this.shadowRoots.has(shadow) && this.runContainerOf(shadow.host) !== null;
  };

  /** findRunContainer across shadow roots: null as well when the node's shadow root is out of scope. */
  private runContainerOf(node: Node): Node | null {
    const container = findRunContainer(node, this.isRoot, this.rules);
    if (container === null || this.shadowRoots.size === 0) return container;
    const shadow = shadowRootOf(container);
    return shadow === null || this.inScope(shadow) ? container : null;
  }

  /** Queues the runs that belong to the container holding `node`. */
  private enqueueContainerOf(node: Node): void {
    if (!node.isConnected && node !== this.root) return;
    const container = this.runContainerOf(node);
    if (container) this.enqueue(container, false);
  }

  /** Queues every run inside a new or newly readable element, and the runs around it. */
  private enqueueSubtree(element: Element): void {
    if (!element.isConnected || this.ledger.isOurs(element)) return;
    const container = this.runContainerOf(element);
    if (!container) return;
    if (container === element) {
      this.enqueue(element, true);
      return;
    }
    this.enqueue(container, false);
    if (isInlineElement(element)) {
      for (const block of outermostBlocksWithin(element, this.rules)) this.enqueue(block, true);
    }
  }

  private enqueue(container: Node, deep: boolean): void {
    const queued = this.queuedFor.get(container);
    if (queued && !queued.hasStarted && (queued.deep || !deep)) return;
    const walker = new RunWalker(container, deep, this.rules);
    this.queue.push(walker);
    this.queuedFor.set(container, walker);
  }

  private dequeue(index: number): void {
    const [walker] = this.queue.splice(index, 1);
    if (walker && this.queuedFor.get(walker.container) === walker) this.queuedFor.delete(walker.container);
  }

  private clearQueue(): void {
    this.queue.length = 0;
    this.queuedFor.clear();
  }

  /** designMode turned the document into an editor: marks there would move the caret. */
  private giveUpOnEditableDocument(): void {
    this.clearQueue();
    this.ledger.releaseAll();
  }

  private takePageRecords(): MutationRecord[] {
    const records = this.pending;
    this.pending = [];
    for (const record of this.observer.takeRecords()) records.push(record);
    return records;
  }

  private observe(): void {
    this.observer.observe(this.root, OBSERVED_CHANGES);
    for (const shadow of this.shadowRoots) this.observer.observe(shadow, OBSERVED_CHANGES);
  }

  /**
   * Runs our own DOM writes with the observer disconnected, so they make no records at all
   * (several per mark otherwise: thousands of allocations on a long page, and a feedback loop
   * if any were mistaken for the page's). The page's records so far are kept first, and no
   * page code can run while we write, so nothing of the page's is missed.
   */
  private unobserved(write: () => void): void {
    if (!this.active) {
      write();
      return;
    }
    for (const record of this.observer.takeRecords()) this.pending.push(record);
    this.observer.disconnect();
    try {
      write();
    } finally {
      this.observe();
    }
  }

  private notifyIfChanged(): void {
    if (!this.ledger.takeChanged()) return;
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (error) {
        // One failing listener must not stop the others or the highlighter; report it anyway.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

/** Keeps only well-formed mentions: in range, non-empty, ordered and non-overlapping. */
function validMentions(mentions: readonly Mention[], textLength: number): readonly Mention[] {
  // Most runs name nothing: no copy for them.
  if (mentions.length === 0) return mentions;
  const valid: Mention[] = [];
  let lastEnd = 0;
  for (const mention of mentions) {
    const { start, end, entityId } = mention;
    if (!Number.isInteger(start) || !Number.isInteger(end)) continue;
    if (start < lastEnd || end <= start || end > textLength || !entityId) continue;
    valid.push({ start, end, entityId });
    lastEnd = end;
  }
  return valid;
}

function sameMentions(a: readonly Mention[], b: readonly Mention[]): boolean {
  return (
    a.length === b.length &&
    a.every((mention, index) => {
      const other = b[index];
      return other !== undefined && mention.start === other.start && mention.end === other.end && mention.entityId === other.entityId;
    })
  );
}
