/**
 * The highlighter's reading work: run walkers waiting their turn, first in first out, read in
 * slices of a time budget. A container waiting to be walked is queued once, however many page
 * changes ask for it (thousands of records in one batch would otherwise queue it thousands of
 * times).
 */
import { RunWalker, type TextRun, type WalkRules } from './text-runs';

export class RunQueue {
  #walkers: RunWalker[] = [];
  /** Index of the next walker: taking from the front of an array would shift all the others. */
  #head = 0;
  /** The last walker queued for each container. */
  readonly #queuedFor = new Map<Node, RunWalker>();
  /**
   * Nodes whose runs are to be read again, each handed to `queueContainerOf` once the walks
   * ahead of it are done: finding thousands of containers at once (every run that held a name
   * back, on a long page) would be one long task.
   */
  #later: Node[] = [];
  #laterAt = 0;

  constructor(
    private readonly rules: WalkRules,
    private readonly queueContainerOf: (node: Node) => void = () => {},
  ) {}

  get length(): number {
    return this.#walkers.length - this.#head + this.#later.length - this.#laterAt;
  }

  /** Queues the runs that hold these nodes, in slices of the reading work (see `#later`). */
  addContainersOf(nodes: Iterable<Node>): void {
    for (const node of nodes) this.#later.push(node);
  }

  /**
   * Queues a walk of `container` (deep: nested blocks too), unless one that covers it has yet to
   * start. `overPainted`: mentions may be painted inside it already (see RunWalker).
   */
  add(container: Node, deep: boolean, overPainted: boolean): void {
    const queued = this.#queuedFor.get(container);
    if (queued && !queued.hasStarted && (queued.deep || !deep)) return;
    const walker = new RunWalker(container, deep, this.rules, overPainted);
    this.#walkers.push(walker);
    this.#queuedFor.set(container, walker);
  }

  /**
   * Hands runs to `read` until the queue is empty or `budgetMs` is spent (at least one run). Each
   * walker is checked once per slice as it comes to the head, after the page had a chance to run:
   * checking every queued walker per slice would cost the whole queue each time.
   */
  readSlice(budgetMs: number, inScope: (node: Node) => boolean, read: (run: TextRun) => void): void {
    const sliceStart = performance.now();
    let checked: RunWalker | undefined;
    do {
      const walker = this.#walkers[this.#head];
      if (!walker) {
        const node = this.#later[this.#laterAt];
        if (!node) break;
        this.#laterAt++;
        this.queueContainerOf(node);
        continue;
      }
      if (walker !== checked) {
        if (!walker.stillUseful(inScope)) {
          this.#takeHead();
          continue;
        }
        checked = walker;
      }
      const run = walker.nextRun();
      if (run) read(run);
      else if (walker.done) this.#takeHead();
    } while (performance.now() - sliceStart < budgetMs);
    this.#compact();
  }

  clear(): void {
    this.#walkers = [];
    this.#head = 0;
    this.#queuedFor.clear();
    this.#later = [];
    this.#laterAt = 0;
  }

  #takeHead(): void {
    const walker = this.#walkers[this.#head];
    this.#head++;
    if (walker && this.#queuedFor.get(walker.container) === walker) this.#queuedFor.delete(walker.container);
  }

  /** Drops the walkers already taken once they are most of the array. */
  #compact(): void {
    if (this.#laterAt > 0 && this.#laterAt === this.#later.length) {
      this.#later = [];
      this.#laterAt = 0;
    }
    if (this.#head === 0 || this.#head * 2 < this.#walkers.length) return;
    this.#walkers = this.#walkers.slice(this.#head);
    this.#head = 0;
  }
}
