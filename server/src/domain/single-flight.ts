interface Slot { running: Promise<void>; queued: Promise<void> | null }
const noop = () => undefined;

/**
 * Per key, at most one run of a job at a time, and callers that arrive while one runs share the
 * single next run (which starts after the current one ends, so it sees everything they wrote
 * before calling). Used to recompute derived state once per burst instead of once per event.
 */
export class TrailingSingleFlight {
  private readonly slots = new Map<string, Slot>();

  run(key: string, work: () => Promise<void>): Promise<void> {
    const slot = this.slots.get(key);
    if (!slot) {
      const fresh: Slot = { running: Promise.resolve(), queued: null };
      this.slots.set(key, fresh);
      return this.launch(key, fresh, work);
    }
    slot.queued ??= slot.running.then(noop, noop).then(() => {
      slot.queued = null;
      return this.launch(key, slot, work);
    });
    return slot.queued;
  }

  private launch(key: string, slot: Slot, work: () => Promise<void>): Promise<void> {
    const p: Promise<void> = work().finally(() => {
      if (slot.running === p && !slot.queued) this.slots.delete(key);
    });
    slot.running = p;
    return p;
  }
}
