/**
 * The card's knowledge of entities: each is asked of the background once, and a known one shows at
 * once, until the library changes (clear()). A failed or empty answer is asked again next time.
 */
import type { EntityKnowledge } from '../../shared/knowledge/types';

export class KnowledgeCache {
  private readonly known = new Map<string, EntityKnowledge>();
  private readonly inFlight = new Map<string, Promise<EntityKnowledge | null>>();

  constructor(private readonly loadEntity: (id: string) => Promise<EntityKnowledge | null>) {}

  /** The entity's knowledge, if it has arrived. */
  get(entityId: string): EntityKnowledge | undefined {
    return this.known.get(entityId);
  }

  /** The entity's knowledge, asked for unless it is known or on its way; null where there is none. */
  load(entityId: string): Promise<EntityKnowledge | null> {
    let pending = this.inFlight.get(entityId);
    if (!pending) {
      // An async wrapper turns a synchronous throw into a rejection, handled with the others.
      const ask = async () => this.loadEntity(entityId);
      pending = ask().then(
        (knowledge) => {
          if (knowledge && this.inFlight.get(entityId) === pending) this.known.set(entityId, knowledge);
          else this.inFlight.delete(entityId);
          return knowledge;
        },
        () => {
          // The background is unreachable (extension reloaded, worker restarting).
          this.inFlight.delete(entityId);
          return null;
        },
      );
      this.inFlight.set(entityId, pending);
    }
    return pending;
  }

  clear(): void {
    this.known.clear();
    this.inFlight.clear();
  }
}
