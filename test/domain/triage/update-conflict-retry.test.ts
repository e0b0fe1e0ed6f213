// A controller updating an object through a cache that has not yet seen its own last write gets the
// API server's 409 ("the object has been modified; please apply your changes to the latest version
// and try again"); controller-runtime logs "Reconciler error" at ERROR, requeues, and the next
// reconcile succeeds. That is optimistic concurrency working: such lines do not make a ready,
// restart-free operator failing. A conflict never followed by a success, and every other reconcile
// error (Forbidden, not found), stays an error.
import { describe, expect, it } from 'vitest';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';
import { listErrorLines } from '../../../src/domain/triage/error-line.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { baseEvidence, minutesAgo, pod } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const json = (o: Record<string, unknown>): string => JSON.stringify(o);
const STACK = 'sigs.k8s.io/controller-runtime/pkg/internal/controller.(*Controller).reconcileHandler\n\t/go/pkg/mod/sigs.k8s.io/controller-runtime@v0.19.3/pkg/internal/controller/controller.go:316';

const conflict = (m: number, name: string): string => json({
  level: 'error', ts: minutesAgo(m), msg: 'Reconciler error', controller: 'secretcopy', namespace: 'apps', name, reconcileID: `r-${name}-${m}`,
  error: `failed to update Secret apps/${name}: Operation cannot be fulfilled on secrets "${name}": the object has been modified; please apply your changes to the latest version and try again`,
  stacktrace: STACK,
});
const inSync = (m: number, name: string): string => json({ level: 'info', ts: minutesAgo(m), msg: 'copy reconciled', controller: 'secretcopy', namespace: 'apps', name });
const forbidden = (m: number, name: string): string => json({
  level: 'error', ts: minutesAgo(m), msg: 'Reconciler error', controller: 'secretcopy', namespace: 'apps', name,
  error: `configmaps "${name}" is forbidden: User "system:serviceaccount:ops:copier" cannot update resource "configmaps" in API group "" in the namespace "apps"`,
});
/** klog's structured text, as controller-runtime writes it with the klog sink. */
const klogConflict = (name: string): string => `E1121 03:11:12.000311       1 controller.go:316] "Reconciler error" err="Operation cannot be fulfilled on deployments.apps \\"${name}\\": the object has been modified; please apply your changes to the latest version and try again" controller="scaler" namespace="apps" name="${name}" reconcileID="c1"`;
const klogSynced = (name: string): string => `I1121 03:11:13.100311       1 scaler.go:88] "replicas up to date" controller="scaler" namespace="apps" name="${name}"`;

describe('update conflicts a controller retries', () => {
  it('leave the error lines when the same request reconciles after them, and stay otherwise', () => {
    expect(listErrorLines([conflict(5, 'web'), inSync(4.99, 'web')])).toEqual([]);
    expect(listErrorLines([klogConflict('api'), klogSynced('api')])).toEqual([]);
    // Never reconciled: a controller fighting another writer, the error stays.
    expect(listErrorLines([conflict(5, 'web'), conflict(4, 'web')])).toHaveLength(2);
    // Another request's success does not answer this one.
    expect(listErrorLines([conflict(5, 'web'), inSync(4.99, 'worker')])).toHaveLength(1);
    // A real reconcile failure stays, whatever follows.
    expect(listErrorLines([forbidden(5, 'web'), inSync(4.99, 'web')])).toHaveLength(1);
  });

  it('do not make a ready operator failing, and the all-clear says what it left out', () => {
    const pods = [0, 1, 2, 3, 4].map((i) => pod(i));
    const names = ['a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'g7', 'h8'];
    const log: LogEvidence = { pod: pods[0]?.name ?? '', container: 'manager', previous: false, lines: names.flatMap((n, i) => [conflict(30 - i * 3, n), inSync(30 - i * 3 - 0.02, n)]) };
    const r = buildTriageReport(baseEvidence({ pods, logs: [log] }), times);
    expect(r.verdict).toBe('healthy');
    expect(r.headline).toMatch(/besides 8 update conflicts/);
  });

  it('keep real reconcile failures reported next to retried conflicts', () => {
    const pods = [0, 1, 2, 3, 4].map((i) => pod(i));
    const lines = [0, 1, 2, 3, 4, 5].flatMap((i) => [conflict(30 - i * 3, `n${i}`), inSync(30 - i * 3 - 0.02, `n${i}`), forbidden(29 - i * 3, `m${i}`)]);
    const r = buildTriageReport(baseEvidence({ pods, logs: [{ pod: pods[0]?.name ?? '', container: 'manager', previous: false, lines }] }), times);
    expect(r.verdict).not.toBe('healthy');
    expect(r.headline).toMatch(/forbidden/i);
  });
});
