/** ClusterWatch in memory, with ClusterEventWatchers' semantics: one watch per incident and workload, the first `since` kept. */
import type { ClusterWatch } from '../../src/domain/timeline/timeline-ports.js';
import type { WatchTarget } from '../../src/domain/timeline/cluster-events.js';
import { dependencyUnavailable } from '../../src/errors.js';

function watchIdOf(t: WatchTarget): string {
  return [t.incidentId, t.context ?? '', t.namespace, t.kind, t.name].join('/');
}

export class MemoryClusterWatch implements ClusterWatch {
  private readonly byId = new Map<string, WatchTarget>();
  private failures = 0;

  /** The next `watch` fails as if Redis did not answer. */
  failNext(): void {
    this.failures += 1;
  }

  /** What is watched now, in the order the watches began. */
  targets(): WatchTarget[] {
    return [...this.byId.values()].map((t) => ({ ...t }));
  }

  async watch(target: WatchTarget): Promise<void> {
    if (this.failures > 0) {
      this.failures -= 1;
      throw dependencyUnavailable('Redis', 'watch: injected failure');
    }
    const id = watchIdOf(target);
    if (!this.byId.has(id)) this.byId.set(id, { ...target });
  }

  async unwatch(incidentId: string): Promise<void> {
    for (const [id, t] of this.byId) if (t.incidentId === incidentId) this.byId.delete(id);
  }
}
