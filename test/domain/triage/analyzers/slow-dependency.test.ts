import { describe, expect, it } from 'vitest';
import { analyzeSlowDependency } from '../../../../src/domain/triage/analyzers/slow-dependency.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, NODE_B, baseEvidence, container, pod, workload } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

const DB = 'catalog-db.cluster-cq1x8f2kz7ab.eu-west-1.rds.amazonaws.com';

/** catalog-api's own warning, Python logging format. */
function slowQuery(time: string, seconds: string): string {
  return `2026-11-21 ${time},118 WARNING catalog.db: slow query ${seconds}s on ${DB}: SELECT p.id, p.sku, p.title, pr.amount FROM products p JOIN prices pr ON pr.product_id = p.id WHERE p.category_id = %s ORDER BY p.rank LIMIT 48 OFFSET %s`;
}

/** gunicorn's arbiter killing a sync worker at --timeout. */
function workerTimeout(time: string, pid: number): string {
  return `[2026-11-21 ${time} +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:${pid})`;
}

function accessLine(time: string): string {
  return `10.0.150.41 - - [21/Nov/2026:${time} +0000] "GET /v1/products/SKU-40013 HTTP/1.1" 200 2210 "-" "catalog-web/3.2.0"`;
}

/** Four catalog-api pods; the first two flap out of the Service, the third logged one slow query. */
function slowDatabase(unready = 2): TriageEvidence {
  const pods: PodEvidence[] = [0, 1, 2, 3].map((i) => (i < unready ? pod(i, { ready: false, containers: [container({ ready: false })] }) : pod(i)));
  const log = (i: number, lines: string[]) => ({ pod: pods[i]?.name ?? '', container: 'app', previous: false, lines });
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 4, replicas: 4, readyReplicas: 4 - unready, availableReplicas: 4 - unready }),
    logs: [
      log(0, [workerTimeout('03:05:12', 311), slowQuery('03:06:40', '23.0'), accessLine('03:06:41'), slowQuery('03:08:02', '31.4'), workerTimeout('03:09:12', 312), slowQuery('03:11:30', '18.2')]),
      log(1, [slowQuery('03:07:10', '38.9'), slowQuery('03:09:55', '26.1'), slowQuery('03:12:15', '20.7'), workerTimeout('03:12:40', 408)]),
      log(2, [slowQuery('03:10:00', '19.5'), accessLine('03:10:01')]),
    ],
  });
}

describe('analyzeSlowDependency', () => {
  it('names the slow host, the range of seconds and the workers gunicorn killed at their timeout', () => {
    const ev = slowDatabase();
    const [a, b] = ev.pods as [PodEvidence, PodEvidence];
    const findings = analyzeSlowDependency(ev);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f?.id).toBe(`slow-dependency/${DB}`);
    // The third pod's single slow query does not count: one is not an incident.
    expect(f?.title).toBe(`Slow queries to ${DB} (18s–39s): 6 slow-call lines in the logs of 2 pods; gunicorn kills workers at their --timeout: WORKER TIMEOUT ×3`);
    expect(f?.layer).toBe('network/routing');
    expect(f?.severity).toBe('critical');
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toEqual([
      `log ${b.name}: ${slowQuery('03:12:15', '20.7')}`,
      'gunicorn kills workers at their --timeout: WORKER TIMEOUT: 3 times in the logs read',
      '2/2 of these pods not ready now',
    ]);
    expect(f?.decisive).toBe(slowQuery('03:12:15', '20.7'));
    expect(f?.fix).toBe(`relieve ${DB} (its load, locks, long-running queries)`);
    expect(f?.confirmCommands).toEqual([`kubectl logs ${b.name} -c app --tail=200 -n payments --context prod-eu-west-1`]);
    expect(f?.affected).toEqual({ pods: [a.name, b.name], nodes: [NODE_A, NODE_B] });
  });

  it('follows the unready pods for severity: a warning while every pod still passes its probes', () => {
    const [f] = analyzeSlowDependency(slowDatabase(0));
    expect(f?.severity).toBe('warning');
    expect(f?.evidence.at(-1)).toBe('0/2 of these pods not ready now');
  });

  it('says nothing when no log has three slow lines, however many workers timed out', () => {
    const ev = slowDatabase();
    ev.logs = [{ pod: ev.pods[0]?.name ?? '', container: 'app', previous: false, lines: [slowQuery('03:06:40', '23.0'), workerTimeout('03:07:12', 311), slowQuery('03:08:02', '31.4'), workerTimeout('03:09:12', 312), workerTimeout('03:11:40', 313)] }];
    expect(analyzeSlowDependency(ev)).toEqual([]);
    expect(analyzeSlowDependency(healthyScenario())).toEqual([]);
  });

  it('reads Postgres\' own duration lines in milliseconds, without a host to name', () => {
    const ev = slowDatabase(0);
    const statement = (ms: string) => `2026-11-21 03:06:40.118 UTC [4121] LOG:  duration: ${ms} ms  statement: SELECT id, amount FROM ledger_entries WHERE settled = false`;
    ev.logs = [{ pod: ev.pods[2]?.name ?? '', container: 'app', previous: false, lines: [statement('23012.5'), statement('1800.0'), statement('9500.25')] }];
    const [f] = analyzeSlowDependency(ev);
    expect(f?.id).toBe('slow-dependency/unknown');
    expect(f?.title).toBe('Slow queries to a dependency (1.8s–23s): 3 slow-call lines in the logs of 1 pod');
    expect(f?.confidence).toBe('medium');
    expect(f?.nextAction).toMatch(/^Look at the dependency first: /);
  });

  it('counts slow database pings and the statement timeouts Postgres enforces', () => {
    const ev = slowDatabase(0);
    ev.logs = [{
      pod: ev.pods[3]?.name ?? '',
      container: 'app',
      previous: false,
      lines: [
        '2026-11-21 03:10:02,118 WARNING catalog.health: readiness check failed: database ping took 2.41s (limit 1.5s)',
        '2026-11-21 03:11:02,131 WARNING catalog.health: readiness check failed: database ping took 1.62s (limit 1.5s)',
        'psycopg2.errors.QueryCanceled: canceling statement due to statement timeout',
      ],
    }];
    const [f] = analyzeSlowDependency(ev);
    expect(f?.title).toBe('Slow queries to database (1.6s–2.4s): 3 slow-call lines in the logs of 1 pod');
  });
  it('does not take a table alias in the logged SQL for the host ("ON c.id")', () => {
    const pods = [pod(0), pod(1)];
    const line = (t: string) => `2026-11-21 ${t},001 WARNING orders.db: slow query 3.2s: SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.created_at > now() - interval '1 day'`;
    const ev = baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [line('03:10:00'), line('03:11:00'), line('03:12:00')] })) });
    const [f] = analyzeSlowDependency(ev);
    expect(f?.title).toMatch(/^Slow queries to a dependency \(3\.2s–3\.2s\)/);
    expect(f?.title).not.toContain('c.id');
  });
});
