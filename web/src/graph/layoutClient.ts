import type { GraphElements } from './elements.js';
import type { LayoutRequest, LayoutResponse, Positions } from './layout.js';

/** The page side of the layout worker: one worker, requests matched to answers by id. */
export class LayoutClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (p: Positions) => void; reject: (e: Error) => void }>();

  layout(elements: GraphElements): Promise<Positions> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, elements } satisfies LayoutRequest);
    });
  }

  /** Starts the worker ahead of the first layout (it then loads while the lineage is fetched). */
  warm(): void {
    this.ensureWorker();
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const { reject } of this.pending.values()) reject(new Error('Layout cancelled.'));
    this.pending.clear();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      const waiting = this.pending.get(event.data.id);
      if (!waiting) return;
      this.pending.delete(event.data.id);
      if ('error' in event.data) waiting.reject(new Error(`Layout failed: ${event.data.error}`));
      else waiting.resolve(event.data.positions);
    };
    worker.onerror = (event) => {
      const error = new Error(`Layout worker failed: ${event.message || 'unknown error'}`);
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
      this.worker?.terminate();
      this.worker = null;
    };
    this.worker = worker;
    return worker;
  }
}
