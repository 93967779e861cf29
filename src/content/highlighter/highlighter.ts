/**
 * The highlighter: reads the page run by run, asks `findMentions` what each run names, and keeps
 * the painted mentions in step with a page that keeps changing, all without ever blocking it for
 * long. It never writes into the page: mentions are ranges painted by the CSS Custom Highlight
 * API, so the page's DOM stays node for node its own. Data flows one way through its parts:
 * - read: RunWalker (text-runs.ts) turns a container into runs, sieving out nameless blocks;
 *   RunQueue holds the walks and reads them in slices of SLICE_BUDGET_MS with a yield to the page
 *   between; ChangeBatches turns the page's mutations into walks of just what changed; ShadowScope
 *   says which open shadow roots are read (closed ones are never seen);
 * - decide: `findMentions` (the page matcher) and run-mentions.ts, which place its offsets on the
 *   run's text nodes and tell whether what is painted already says the same;
 * - paint: PaintedMentions and ShadowStyles.
 * Reading a run is idempotent: when its mentions are the ones already painted, nothing changes.
 */
import { SLICE_BUDGET_MS } from '../../shared/constants';
import { ChangeBatches } from './change-batches';
import { containsComposed, shadowRootOf } from './composed-tree';
import { isDocumentEditable, isInlineElement } from './element-rules';
import { readPageChanges, type PageChanges } from './page-mutations';
import { isIntact, PaintedMentions, type HighlightStyle, type PaintedMention } from './painted-mentions';
import { piecesOfEach, samePlaces, stillReads, validMentions } from './run-mentions';
import { RunQueue } from './run-queue';
import { ShadowScope } from './shadow-scope';
import { ShadowStyles } from './shadow-styles';
import { outermostBlocksWithin, type TextRun, type WalkRules } from './text-runs';
import type { Highlighter, HighlighterOptions } from './types';
import { yieldToPage } from './yield-to-page';

const NON_SPACE = /\S/;

export function createHighlighter(options: HighlighterOptions): Highlighter {
  return new PageHighlighter(options);
}

class PageHighlighter implements Highlighter {
  readonly #root: Node;
  readonly #painted: PaintedMentions;
  readonly #shadowStyles = new ShadowStyles();
  readonly #rules: WalkRules;
  readonly #queue: RunQueue;
  readonly #scope: ShadowScope;
  readonly #listeners = new Set<() => void>();
  /** A text node of each run whose reading held a form back (see HighlighterOptions.heldBack). */
  readonly #heldBackRuns = new Set<Text>();
  /** Blocks the sieve skipped while something was painted: what was painted inside them goes. */
  readonly #skippedBlocks = new Set<Element>();
  readonly #changes: ChangeBatches;
  #work: Promise<void> | null = null;
  #workGeneration = 0;
  /** When the last slice of reading ended (performance.now()). */
  #sliceEnded = -Infinity;
  #active = false;
  /** Bumped by stop(): a slice loop from an earlier start sees it and ends. */
  #generation = 0;

  constructor(private readonly options: HighlighterOptions) {
    this.#root = options.root;
    this.#painted = new PaintedMentions(options.style ?? 'background');
    this.#rules = {
      // <backstory-ui> is excluded by tag already; this adds whatever else the caller owns.
      isOwnUi: options.isOwnUi,
      foundShadowRoot: (root, deep) => this.#foundShadowRoot(root, deep),
      mayName: options.mayName,
      skipped: (block) => this.#skippedBlocks.add(block),
    };
    this.#queue = new RunQueue(this.#rules, (node) => this.#enqueueContainerOf(node));
    this.#scope = new ShadowScope(this.#root, this.#rules);
    this.#changes = new ChangeBatches(() => this.#readBatch());
  }

  start(): Promise<void> {
    if (this.#active) return this.#work ?? Promise.resolve();
    this.#active = true;
    this.#generation++;
    this.#observe();
    this.#queue.add(this.#root, true, false);
    return this.#runQueue();
  }

  stop(): void {
    if (!this.#active) return;
    this.#active = false;
    this.#generation++;
    this.#changes.disconnect();
    this.#queue.clear();
    this.#skippedBlocks.clear();
    this.#heldBackRuns.clear();
    this.#painted.clear();
    this.#shadowStyles.releaseAll();
    this.#scope.clear();
    this.#notifyIfChanged();
  }

  rescan(): Promise<void> {
    if (!this.#active) return this.start();
    this.#heldBackRuns.clear();
    this.#queue.add(this.#root, true, this.#painted.size > 0);
    return this.#runQueue();
  }

  rereadHeldBack(): Promise<void> {
    if (!this.#active) return this.start();
    this.#queue.addContainersOf(this.#heldBackRuns);
    this.#heldBackRuns.clear();
    return this.#runQueue();
  }

  async idle(): Promise<void> {
    for (;;) {
      const batch = this.#active ? this.#changes.due() : null;
      if (batch) await batch;
      else if (this.#work) await this.#work;
      else return;
    }
  }

  setStyle(style: HighlightStyle): void {
    this.#painted.setStyle(style);
  }

  mentions(): PaintedMention[] {
    return this.#painted.inDocumentOrder();
  }

  hasMentions(): boolean {
    return this.#painted.size > 0;
  }

  mentionAt(node: Node, offset: number): PaintedMention | undefined {
    return this.#painted.at(node, offset);
  }

  counts(): Map<string, number> {
    return this.#painted.counts();
  }

  shadowRoots(): ShadowRoot[] {
    return this.#scope.connected();
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Starts draining the queue unless a drain is already running; resolves when it is empty. */
  #runQueue(): Promise<void> {
    if (this.#work && this.#workGeneration === this.#generation) return this.#work;
    const generation = this.#generation;
    // A drain from before a stop() is still winding down at its next yield; follow it.
    const previous = this.#work ?? Promise.resolve();
    const work: Promise<void> = previous
      .then(() => this.#drainQueue(generation))
      .finally(() => {
        if (this.#work !== work) return;
        this.#work = null;
        // Work queued between the drain's last look at the queue and now.
        if (this.#active && this.#queue.length > 0) void this.#runQueue();
      });
    this.#work = work;
    this.#workGeneration = generation;
    return work;
  }

  async #drainQueue(generation: number): Promise<void> {
    // A drain that starts in the task of the last slice (the first pass ends, then the runs that
    // held a name back are read again) lets the page run first: the two would be one long task.
    if (performance.now() - this.#sliceEnded < SLICE_BUDGET_MS) await yieldToPage();
    while (generation === this.#generation) {
      this.#readPageChanges();
      if (isDocumentEditable(this.#root)) this.#giveUpOnEditableDocument();
      if (this.#queue.length > 0) {
        this.#queue.readSlice(SLICE_BUDGET_MS, this.#scope.inScope, this.#readRun);
        this.#sliceEnded = performance.now();
      }
      // Once per drain: it looks at every painted mention, and a re-read skips blocks in most slices.
      if (this.#queue.length === 0) this.#dropSkipped();
      this.#notifyIfChanged();
      if (this.#queue.length === 0) return;
      await yieldToPage();
    }
  }

  /** Brings one run's painted mentions in line with what it names now; changes nothing when they agree. */
  readonly #readRun = (run: TextRun): void => {
    const text = run.texts.join('');
    const before = this.#painted.size > 0 ? this.#painted.touching(run.nodes) : [];
    if (before.length === 0 && !NON_SPACE.test(text)) return;
    let mentions = validMentions(this.options.findMentions(text), text.length);
    if (this.options.heldBack?.()) this.#heldBackRuns.add(run.nodes[0] as Text);
    let pieces = piecesOfEach(run, mentions);
    if (run.stepped) {
      // The page may have changed the run while it was walked: what no longer reads as found is
      // left for the re-read its change brings.
      const current = pieces.map(stillReads);
      mentions = mentions.filter((_, index) => current[index]);
      pieces = pieces.filter((_, index) => current[index]);
    }
    if (before.length > 0 && samePlaces(before, mentions, pieces, run)) return;
    const inRun = before.length > 0 ? new Set(run.nodes) : null;
    for (const old of before) {
      this.#painted.unpaint(old);
      // A mention is dropped whole; if it reached into another run (the page moved things), that
      // run is read again.
      for (const node of old.nodes) if (!inRun?.has(node)) this.#enqueueContainerOf(node);
    }
    mentions.forEach((mention, index) => this.#painted.paint(mention.entityId, pieces[index] ?? []));
    // A shadow tree takes no document rules: the first mention painted in one brings ours in.
    const shadow = mentions.length > 0 && this.#scope.size > 0 ? shadowRootOf(run.nodes[0] as Text) : null;
    if (shadow) this.#shadowStyles.adoptInto(shadow);
  };

  /** Mentions inside blocks the sieve skipped are stale (their text no longer names them). */
  #dropSkipped(): void {
    if (this.#skippedBlocks.size === 0) return;
    const skipped = this.#skippedBlocks;
    this.#painted.unpaintWhere((mention) => {
      for (let node: Node | null = mention.from.node; node; node = node.parentNode) {
        if (skipped.has(node as Element)) return true;
      }
      return false;
    });
    skipped.clear();
  }

  /** A batch of page changes is due: read it, and the walks it queued. */
  #readBatch(): void {
    if (!this.#active) return;
    this.#readPageChanges();
    this.#notifyIfChanged();
    if (this.#queue.length > 0) void this.#runQueue();
  }

  /** Turns the page's pending records into queued walkers and dropped mentions. */
  #readPageChanges(): void {
    const records = this.#changes.take();
    if (records.length === 0) return;
    this.#applyPageChanges(records, readPageChanges(records, { isOwnUi: this.#rules.isOwnUi }));
  }

  #applyPageChanges(records: readonly MutationRecord[], changes: PageChanges): void {
    if (this.#painted.size > 0) {
      for (const element of changes.nowExcluded) {
        this.#painted.unpaintWhere((mention) => containsComposed(element, mention.from.node));
      }
    }
    if (records.some((record) => record.removedNodes.length > 0)) {
      if (this.#scope.size > 0) this.#scope.forgetDetached();
      // Text that left the page takes its mentions with it (a live range would collapse).
      if (this.#painted.size > 0) this.#painted.unpaintWhere((mention) => !isIntact(mention) || !this.#scope.inScope(mention.from.node));
    }
    for (const node of changes.textChanged) this.#enqueueContainerOf(node);
    for (const element of changes.subtrees) this.#enqueueSubtree(element);
  }

  /**
   * Registers an open shadow root met on a walk and queues it; a deep walk (a rescan, a new
   * subtree) reads a known one again, as it reads every block it passes.
   */
  #foundShadowRoot(shadow: ShadowRoot, deep: boolean): void {
    if (!this.#active) return;
    const isNew = this.#scope.add(shadow);
    if (isNew) this.#changes.observe(shadow);
    if (isNew || deep) this.#enqueue(shadow, true);
  }

  /** Queues the runs that belong to the container holding `node`. */
  #enqueueContainerOf(node: Node): void {
    if (!node.isConnected && node !== this.#root) return;
    const container = this.#scope.runContainerOf(node);
    if (container) this.#enqueue(container, false);
  }

  /** Queues every run inside a new or newly readable element, and the runs around it. */
  #enqueueSubtree(element: Element): void {
    if (!element.isConnected) return;
    const container = this.#scope.runContainerOf(element);
    if (!container) return;
    if (container === element) {
      this.#enqueue(element, true);
      return;
    }
    this.#enqueue(container, false);
    if (isInlineElement(element)) {
      for (const block of outermostBlocksWithin(element, this.#rules)) this.#enqueue(block, true);
    }
  }

  #enqueue(container: Node, deep: boolean): void {
    this.#queue.add(container, deep, this.#painted.size > 0);
  }

  /** designMode turned the document into an editor: nothing of ours belongs there. */
  #giveUpOnEditableDocument(): void {
    this.#queue.clear();
    this.#painted.clear();
  }

  #observe(): void {
    this.#changes.observe(this.#root);
    for (const shadow of this.#scope) this.#changes.observe(shadow);
  }

  #notifyIfChanged(): void {
    if (!this.#painted.takeChanged()) return;
    // A copy: a listener may subscribe or unsubscribe another while they are called.
    for (const listener of Array.from(this.#listeners)) {
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
