/**
 * Remembers the last `capacity` ids. The gateway may deliver the same interaction twice (a
 * resume replays events); only the first one is answered.
 */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 5000) {}

  /** True the first time an id is seen. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }
}
