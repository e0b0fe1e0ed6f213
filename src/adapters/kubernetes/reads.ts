// The reads of one triage (or one workload search) under one deadline, with every failure
// recorded as a ReadFailure instead of thrown: a triage reports what it could read and names
// what it could not.
import type * as k8s from '@kubernetes/client-node';
import type { EvidenceSource, ReadFailure } from '../../domain/triage/evidence.js';
import type { Deadline } from './deadline.js';
import { paginate } from './paginate.js';
import type { ListPage } from './paginate.js';
import { classifyError, collapseFailures } from './read-failure.js';

export type CallOptions = k8s.ConfigurationOptions<k8s.ObservableMiddleware>;

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: ReadFailure['reason']; detail: string; error: unknown };

export class Reads {
  readonly failures: ReadFailure[] = [];

  constructor(readonly deadline: Deadline) {}

  /** Runs one call under the deadline without recording anything (callers decide). */
  async attempt<T>(call: (options: CallOptions) => Promise<T>): Promise<Outcome<T>> {
    try {
      return { ok: true, value: await this.deadline.run(call) };
    } catch (error) {
      return { ok: false, error, ...classifyError(error) };
    }
  }

  /** One call; a failure is recorded under `what` and yields undefined. */
  async one<T>(what: string, source: EvidenceSource, call: (options: CallOptions) => Promise<T>): Promise<T | undefined> {
    const r = await this.attempt(call);
    if (r.ok) return r.value;
    this.failures.push({ what, source, reason: r.reason, detail: r.detail });
    return undefined;
  }

  /**
   * A paginated list. Pages that arrived before a failure are kept, and the failure says how
   * far the list got. `more` is true when `maxItems` stopped the reading.
   */
  async list<T>(
    what: string,
    source: EvidenceSource,
    fetchPage: (cont: string | undefined, limit: number, options: CallOptions) => Promise<ListPage<T>>,
    opts: { maxItems?: number } = {},
  ): Promise<{ items: T[]; more: boolean; failed: boolean }> {
    const r = await paginate((cont, limit) => this.deadline.run((options) => fetchPage(cont, limit, options)), opts);
    if (r.error !== undefined) {
      const { reason, detail } = classifyError(r.error);
      const where = r.items.length === 0 ? what : `${what} (after the first ${r.items.length})`;
      this.failures.push({ what: where, source, reason, detail });
    }
    return { items: r.items, more: r.more, failed: r.error !== undefined };
  }

  /**
   * The same read for many objects, `limit` at a time. Failures are collapsed per reason under
   * `label` (one line for "events of pods: forbidden" rather than one per pod).
   */
  async each<I, T>(
    items: readonly I[],
    opts: { label: string; source: EvidenceSource; what: (item: I) => string; limit: <R>(task: () => Promise<R>) => Promise<R> },
    read: (item: I, options: CallOptions) => Promise<T>,
  ): Promise<{ item: I; value: T }[]> {
    const failures: ReadFailure[] = [];
    const results = await Promise.all(
      items.map((item) =>
        opts.limit(async () => {
          const r = await this.attempt((options) => read(item, options));
          if (r.ok) return { item, value: r.value };
          failures.push({ what: opts.what(item), source: opts.source, reason: r.reason, detail: r.detail });
          return undefined;
        }),
      ),
    );
    this.failures.push(...collapseFailures(failures, opts.label, items.length));
    return results.filter((r): r is { item: I; value: T } => r !== undefined);
  }

  /** Something deliberately not read (a cap), said out loud rather than skipped in silence. */
  skipped(what: string, source: EvidenceSource, detail: string): void {
    this.failures.push({ what, source, reason: 'skipped', detail });
  }
}
