// Polls the queue in the background; wakes at once when this process enqueues.
import type { FastifyBaseLogger } from 'fastify';
import type { JobQueue } from './job-queue.ts';

export class JobWorker {
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly queue: JobQueue,
    private readonly log: FastifyBaseLogger,
    private readonly pollMs: number,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.queue.onEnqueue(() => this.wake());
    this.wake();
  }

  private wake(): void {
    if (this.stopped || this.running) return;
    clearTimeout(this.timer);
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (!this.stopped) this.timer = setTimeout(() => this.wake(), this.pollMs);
    });
  }

  private async drain(): Promise<void> {
    try {
      // Yield between jobs so request handling keeps its turn.
      while (!this.stopped && (await this.queue.runNext(this.abort.signal))) await new Promise(setImmediate);
    } catch (err) {
      this.log.error({ err }, 'job worker error');
    }
  }

  /** Stops polling and waits for the job in hand (asked to stop at its next safe point). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    clearTimeout(this.timer);
    this.abort.abort();
    await this.running;
  }
}
