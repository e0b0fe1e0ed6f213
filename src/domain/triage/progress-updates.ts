/**
 * Live progress of a triage, throttled: reads that finish together make one update, and updates
 * are at least `minGapMs` apart (Slack allows about one chat.update per second per channel).
 * One update in flight at a time, and none after stop(): a late progress update must never
 * overwrite the verdict that replaces it.
 */
import type { ReadStage, TriageProgress } from './triage-progress.js';

/** Default gap between two progress updates: 1,000 ms. */
export const PROGRESS_GAP_MS = 1000;

export class ProgressUpdates {
  private readonly done: ReadStage[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  private lastAt = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly progress: Omit<TriageProgress, 'done'>,
    private readonly send: (progress: TriageProgress) => Promise<void>,
    private readonly now: () => number = Date.now,
    private readonly minGapMs = PROGRESS_GAP_MS,
  ) {}

  /** A stage of reads is done. */
  read(stage: ReadStage): void {
    if (this.stopped || this.done.includes(stage)) return;
    this.done.push(stage);
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.lastAt + this.minGapMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, wait);
  }

  /** No more updates; resolves once the one in flight (if any) has landed. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  private flush(): void {
    if (this.stopped) return;
    this.lastAt = this.now();
    const snapshot: TriageProgress = { ...this.progress, done: [...this.done] };
    // Progress is best effort: a failed update leaves the previous one, the verdict still comes.
    this.inFlight = this.inFlight.then(() => (this.stopped ? undefined : this.send(snapshot))).catch(() => undefined);
  }
}
