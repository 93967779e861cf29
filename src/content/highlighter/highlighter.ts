/**
 * The highlighter: reads the page run by run, asks `findMentions` what each run names, and keeps
 * the painted mentions in step with a page that keeps changing, all without ever blocking it for
 * long. It never writes into the page: mentions are ranges painted by the CSS Custom Highlight
 * API (see PaintedMentions), so the page's DOM stays node for node its own.
 *
 * Work is a queue of run walkers (the first pass is one walker over the whole root; each page
 * change adds walkers over just the containers it touched), drained in slices of at most
 * SLICE_BUDGET_MS with a yield to the page between them. Reading a run is idempotent: when its
 * mentions are the ones already painted, nothing changes. Given the matcher's `mayName`, a deep
 * walk first tests a block's whole text and skips it when nothing in it can name anything (see
 * RunWalker), so a page without the names costs about one read of its text.
 *
 * Open shadow roots are roots of their own: found on the walk (one `shadowRoot` read per element
 * visited), observed by the same MutationObserver (records do not cross a shadow boundary), and
 * read by walkers queued like any other. Their runs are read after the walk that found them, so
 * on the first pass a short form inside a shadow tree can lean on a full name anywhere in the
 * light DOM. Closed shadow roots are never seen.
 */
import { MUTATION_DEBOUNCE_MS, SLICE_BUDGET_MS } from '../../shared/constants';
import { containsComposed, shadowRootOf } from './composed-tree';
import { EXCLUSION_ATTRIBUTES, isDocumentEditable, isInlineElement } from './element-rules';
import { readPageChanges, type PageChanges } from './page-mutations';
import { isIntact, PaintedMentions, type HighlightStyle, type PaintedMention } from './painted-mentions';
import { piecesOf, samePlaces, validMentions } from './run-mentions';
import { ShadowStyles } from './shadow-styles';
import { RunWalker, findRunContainer, outermostBlocksWithin, type TextRun, type WalkRules } from './text-runs';
import type { Highlighter, HighlighterOptions } from './types';
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
  private readonly painted: PaintedMentions;
  private readonly shadowStyles = new ShadowStyles();
  private readonly rules: WalkRules;
  private readonly queue: RunWalker[] = [];
  /**
   * The last walker queued for each container, so a burst of page changes queues each container
   * once without searching the queue (thousands of records in one batch would make that quadratic).
   */
  private readonly queuedFor = new Map<Node, RunWalker>();
  private readonly listeners = new Set<() => void>();
  /** The open shadow roots found so far whose host is still in the page. */
  private readonly knownRoots = new Set<ShadowRoot>();
  /** A text node of each run whose reading held a form back (see HighlighterOptions.heldBack). */
  private readonly heldBackRuns = new Set<Text>();
  /** Blocks the sieve skipped while something was painted: what was painted inside them goes. */
  private readonly skippedBlocks = new Set<Element>();
  private readonly observer: MutationObserver;
  /** Page records delivered to the observer callback and not yet read. */
  private pending: MutationRecord[] = [];
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
    this.painted = new PaintedMentions(options.style ?? 'background');
    this.rules = {
      // <backstory-ui> is excluded by tag already; this adds whatever else the caller owns.
      isOwnUi: options.isOwnUi,
      foundShadowRoot: (root, deep) => this.foundShadowRoot(root, deep),
      mayName: options.mayName,
      skipped: (block) => this.skippedBlocks.add(block),
    };
    this.observer = new MutationObserver((records) => {
      for (const record of records) this.pending.push(record);
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
    this.pending = [];
    this.observer.disconnect();
    this.clearQueue();
    this.skippedBlocks.clear();
    this.heldBackRuns.clear();
    this.painted.clear();
    this.shadowStyles.releaseAll();
    this.knownRoots.clear();
    this.notifyIfChanged();
  }

  rescan(): Promise<void> {
    if (!this.active) return this.start();
    this.heldBackRuns.clear();
    this.queue.push(new RunWalker(this.root, true, this.rules, this.painted.size > 0));
    return this.runQueue();
  }

  rereadHeldBack(): Promise<void> {
    if (!this.active) return this.start();
    const runs = [...this.heldBackRuns];
    this.heldBackRuns.clear();
    for (const node of runs) this.enqueueContainerOf(node);
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
    this.painted.setStyle(style);
  }

  mentions(): PaintedMention[] {
    return this.painted.inDocumentOrder();
  }

  mentionAt(node: Node, offset: number): PaintedMention | undefined {
    return this.painted.at(node).find((mention) =>
      mention.ranges.some((range) => range.startContainer === node && range.startOffset <= offset && offset <= range.endOffset),
    );
  }

  counts(): Map<string, number> {
    return this.painted.counts();
  }

  shadowRoots(): ShadowRoot[] {
    return [...this.knownRoots].filter((shadow) => shadow.isConnected);
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
      this.readPageChanges();
      if (isDocumentEditable(this.root)) this.giveUpOnEditableDocument();
      if (this.queue.length > 0) this.runSlice();
      this.dropSkipped();
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

  /** Brings one run's painted mentions in line with what it names now; changes nothing when they agree. */
  private readRun(run: TextRun): void {
    const text = run.texts.join('');
    const before = this.painted.size > 0 ? this.painted.touching(run.nodes) : [];
    if (before.length === 0 && !NON_SPACE.test(text)) return;
    const mentions = validMentions(this.options.findMentions(text), text.length);
    if (this.options.heldBack?.()) this.heldBackRuns.add(run.nodes[0] as Text);
    if (before.length > 0 && samePlaces(before, mentions, run)) return;
    for (const old of before) {
      this.painted.unpaint(old);
      // A mention is dropped whole; if it reached into another run (the page moved things), that
      // run is read again.
      for (const node of old.nodes) if (!run.nodes.includes(node)) this.enqueueContainerOf(node);
    }
    for (const mention of mentions) this.painted.paint(mention.entityId, piecesOf(run, mention));
    // A shadow tree takes no document rules: the first mention painted in one brings ours in.
    const shadow = mentions.length > 0 && this.knownRoots.size > 0 ? shadowRootOf(run.nodes[0] as Text) : null;
    if (shadow) this.shadowStyles.adoptInto(shadow);
  }

  /** Mentions inside blocks the sieve skipped are stale (their text no longer names them). */
  private dropSkipped(): void {
    if (this.skippedBlocks.size === 0) return;
    const skipped = this.skippedBlocks;
    this.painted.unpaintWhere((mention) => {
      for (let node: Node | null = mention.from.node; node; node = node.parentNode) {
        if (skipped.has(node as Element)) return true;
      }
      return false;
    });
    skipped.clear();
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
        this.readPageChanges();
        this.notifyIfChanged();
        if (this.queue.length > 0) void this.runQueue();
      }
      this.settleBatchRead();
    }, MUTATION_DEBOUNCE_MS);
  }

  /** Turns the page's pending records into queued walkers and dropped mentions. */
  private readPageChanges(): void {
    const records = this.takePageRecords();
    if (records.length === 0) return;
    this.applyPageChanges(records, readPageChanges(records, { isOwnUi: this.rules.isOwnUi }));
  }

  private applyPageChanges(records: readonly MutationRecord[], changes: PageChanges): void {
    if (this.painted.size > 0) {
      for (const element of changes.nowExcluded) {
        this.painted.unpaintWhere((mention) => containsComposed(element, mention.from.node));
      }
    }
    if (records.some((record) => record.removedNodes.length > 0)) {
      if (this.knownRoots.size > 0) this.forgetDetachedShadowRoots();
      // Text that left the page takes its mentions with it (a live range would collapse).
      if (this.painted.size > 0) this.painted.unpaintWhere((mention) => !isIntact(mention) || !this.inScope(mention.from.node));
    }
    for (const node of changes.textChanged) this.enqueueContainerOf(node);
    for (const element of changes.subtrees) this.enqueueSubtree(element);
  }

  /** A shadow root whose host left the page is no longer followed. */
  private forgetDetachedShadowRoots(): void {
    for (const shadow of this.knownRoots) {
      if (!shadow.isConnected) this.knownRoots.delete(shadow);
    }
  }

  /**
   * Registers an open shadow root met on a walk and queues it; a deep walk (a rescan, a new
   * subtree) reads a known one again, as it reads every block it passes.
   */
  private foundShadowRoot(shadow: ShadowRoot, deep: boolean): void {
    if (!this.active) return;
    const known = this.knownRoots.has(shadow);
    if (!known) {
      this.knownRoots.add(shadow);
      this.observer.observe(shadow, OBSERVED_CHANGES);
    }
    if (!known || deep) this.enqueue(shadow, true);
  }

  private readonly isRoot = (node: Node): boolean =>
    node === this.root || (this.knownRoots.size > 0 && this.knownRoots.has(node as ShadowRoot));

  /**
   * Whether `node` is somewhere the highlighter reads: under the root, or under a known open
   * shadow root whose host is itself somewhere read (not hidden, not in an editor, in the page).
   */
  private readonly inScope = (node: Node): boolean => {
    const shadow = this.knownRoots.size > 0 ? shadowRootOf(node) : null;
    if (!shadow) return this.root.contains(node);
    return this.knownRoots.has(shadow) && this.runContainerOf(shadow.host) !== null;
  };

  /** findRunContainer across shadow roots: null as well when the node's shadow root is out of scope. */
  private runContainerOf(node: Node): Node | null {
    const container = findRunContainer(node, this.isRoot, this.rules);
    if (container === null || this.knownRoots.size === 0) return container;
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
    if (!element.isConnected) return;
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
    const walker = new RunWalker(container, deep, this.rules, this.painted.size > 0);
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

  /** designMode turned the document into an editor: nothing of ours belongs there. */
  private giveUpOnEditableDocument(): void {
    this.clearQueue();
    this.painted.clear();
  }

  private takePageRecords(): MutationRecord[] {
    const records = this.pending;
    this.pending = [];
    for (const record of this.observer.takeRecords()) records.push(record);
    return records;
  }

  private observe(): void {
    this.observer.observe(this.root, OBSERVED_CHANGES);
    for (const shadow of this.knownRoots) this.observer.observe(shadow, OBSERVED_CHANGES);
  }

  private notifyIfChanged(): void {
    if (!this.painted.takeChanged()) return;
    // A copy: a listener may subscribe or unsubscribe another while they are called.
    for (const listener of Array.from(this.listeners)) {
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
