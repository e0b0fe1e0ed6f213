// A client library refusing a call on a connection still busy with another (asyncpg's "another
// operation is in progress"): the code shares one connection between concurrent tasks. The logs
// carry no time stamps on the errors (an ASGI server's tracebacks), so only the pods' start can
// date them: the revision that started the pods is the since, and rolling back the advice.
import { describe, expect, it } from 'vitest';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { explainSharedConnection } from '../../../src/domain/triage/shared-connection-misuse.js';
import { IMAGE_V14, IMAGE_V15, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, workload } from './scenarios/builders.js';

const BUSY = 'asyncpg.exceptions._base.InterfaceError: cannot perform operation: another operation is in progress';

function sharedScenario(opts: { olderPodLogsIt?: boolean } = {}) {
  const rolledOut = 40;
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(rolledOut - i), startTime: minutesAgo(rolledOut - i), containers: [container({ image: IMAGE_V15 })] }));
  const older = pod(2, { revisionHash: REV6.hash, createdAt: minutesAgo(9 * 24 * 60), startTime: minutesAgo(9 * 24 * 60), containers: [container({ image: IMAGE_V14 })] });
  const lines = (): string[] => [
    'INFO:     Started server process [1]',
    'INFO:     Application startup complete.',
    ...[0, 1, 2, 3, 4, 5].flatMap((i) => [
      `INFO:     10.0.3.${10 + i}:4100${i} - "POST /v1/orders HTTP/1.1" 200 OK`,
      'ERROR:    Exception in ASGI application',
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.12/site-packages/asyncpg/connection.py", line 690, in fetch',
      BUSY,
      `INFO:     10.0.3.${10 + i}:4200${i} - "POST /v1/orders HTTP/1.1" 500 Internal Server Error`,
    ]),
  ];
  const all = opts.olderPodLogsIt ? [...pods, older] : pods;
  return baseEvidence({
    pods: all,
    logs: all.map((p): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines: lines() })),
    workload: workload({ specReplicas: all.length, replicas: all.length, readyReplicas: all.length, availableReplicas: all.length, updatedReplicas: 2, currentRevision: 7 }),
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { replicas: opts.olderPodLogsIt ? 1 : 0, containers: [revisionContainer({ image: IMAGE_V14 })] }),
      revision(REV7, minutesAgo(rolledOut), { replicas: 2, changeCause: 'orders 2.4.0', containers: [revisionContainer({ image: IMAGE_V15 })] }),
    ],
  });
}

const run = (ev: ReturnType<typeof sharedScenario>) => buildTriageReport(ev, { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' });

describe('one connection shared by concurrent tasks', () => {
  it('says what the error means and dates it by the revision that started the pods, with a rollback', () => {
    const r = run(sharedScenario());
    expect(r.headline).toMatch(/^Since revision 7 \(40m ago/);
    expect(r.headline).toMatch(/one asyncpg connection is shared by concurrent requests or tasks/i);
    expect(r.headline).toMatch(/Roll back to revision 6/);
    expect(r.headline).not.toMatch(/no change found/);
  });

  it('blames no revision when pods of the older revision log the same error', () => {
    const r = run(sharedScenario({ olderPodLogsIt: true }));
    expect(r.headline).not.toMatch(/Since revision 7/);
    expect(r.headline).not.toMatch(/Roll back/);
    expect(r.headline).toMatch(/another operation is in progress/);
  });

  it('knows the same misuse in other client libraries', () => {
    expect(explainSharedConnection(['psycopg.OperationalError: sending query failed: another command is already in progress'])?.summary).toMatch(/^one psycopg \(libpq\) connection is shared/);
    expect(explainSharedConnection(['RuntimeError: readuntil() called while another coroutine is already waiting for incoming data'])?.summary).toMatch(/^one Redis connection is shared/);
    expect(explainSharedConnection(['sqlalchemy.exc.InvalidRequestError: This session is provisioning a new connection; concurrent operations are not permitted'])?.summary).toMatch(/^one SQLAlchemy session is shared/);
    expect(explainSharedConnection(['asyncpg.exceptions.UniqueViolationError: duplicate key value violates unique constraint'])).toBeUndefined();
  });
});
