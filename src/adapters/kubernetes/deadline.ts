// One deadline for every read of a triage. A read still running when it passes is abandoned:
// its HTTP request is aborted (through a client middleware that sets the fetch signal) and its
// promise rejects with DeadlineExceeded at once, whatever the socket does. Reads that have not
// started by then fail the same way without sending anything.
import { setMaxListeners } from 'node:events';
import * as k8s from '@kubernetes/client-node';
import { DeadlineExceeded } from './read-failure.js';

export class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  /** Per-call client options: appended to the client's own middleware (auth stays as it is). */
  readonly callOptions: k8s.ConfigurationOptions<k8s.ObservableMiddleware>;

  constructor(readonly budgetMs: number) {
    // Every in-flight read listens on this one signal (and node-fetch once more per request).
    setMaxListeners(0, this.controller.signal);
    this.timer = setTimeout(() => this.controller.abort(new DeadlineExceeded(budgetMs)), Math.max(0, budgetMs));
    const signal = this.controller.signal;
    const setSignal: k8s.ObservableMiddleware = {
      pre: (ctx) => {
        ctx.setSignal(signal);
        return new k8s.Observable(Promise.resolve(ctx));
      },
      post: (res) => new k8s.Observable(Promise.resolve(res)),
    };
    this.callOptions = { middleware: [setSignal], middlewareMergeStrategy: 'append' };
  }

  get expired(): boolean {
    return this.controller.signal.aborted;
  }

  /** Runs one API call under the deadline; rejects with DeadlineExceeded when it passes first. */
  run<T>(call: (options: k8s.ConfigurationOptions<k8s.ObservableMiddleware>) => Promise<T>): Promise<T> {
    const signal = this.controller.signal;
    if (signal.aborted) return Promise.reject(new DeadlineExceeded(this.budgetMs));
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(new DeadlineExceeded(this.budgetMs));
      signal.addEventListener('abort', onAbort, { once: true });
      call(this.callOptions).then(
        (v) => {
          signal.removeEventListener('abort', onAbort);
          resolve(v);
        },
        (err: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(err);
        },
      );
    });
  }

  /** Stops the timer once all reads are done, so nothing keeps the event loop busy. */
  dispose(): void {
    clearTimeout(this.timer);
  }
}
