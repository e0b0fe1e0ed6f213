import { describe, expect, it } from 'vitest';
import { analyzeSchemaMismatch } from '../../../../src/domain/triage/analyzers/schema-mismatch.js';
import { minutesAgo } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';
import { rolledBackScenario } from '../scenarios/rollout.js';

describe('analyzeSchemaMismatch', () => {
  it('after a rollback to older code, says the schema was migrated since and to roll forward to the revision it replaced', () => {
    const ev = rolledBackScenario();
    const [f] = analyzeSchemaMismatch(ev);
    expect(f?.kind).toBe('schema-migration');
    expect(f?.confidence).toBe('high');
    expect(f?.title).toBe('Queries fail on 3/3 pods: column p.customer_id does not exist — revision 7\'s code (2.13.2, rolled back to revision 2) is older than the schema, migrated since');
    expect(f?.decisive).toBe('column p.customer_id does not exist');
    expect(f?.onset).toBe(minutesAgo(6).replace(/\.\d+Z$/, '.000Z'));
    expect(f?.nextAction).toContain('--to-revision=6');
    expect(f?.nextAction).not.toMatch(/--to-revision=[0-5]\b/);
    expect(f?.affected?.pods).toHaveLength(3);
  });

  it('without a rollback, says code and schema disagree, with medium confidence and both ways out', () => {
    const ev = rolledBackScenario();
    ev.revisions = ev.revisions.filter((r) => r.revision !== 7).concat({ ...ev.revisions[2]!, createdAt: minutesAgo(25), formerRevisions: undefined as unknown as number[] });
    delete ev.revisions.at(-1)!.formerRevisions;
    const [f] = analyzeSchemaMismatch(ev);
    expect(f?.confidence).toBe('medium');
    expect(f?.title).toBe('Queries fail on 3/3 pods: column p.customer_id does not exist — the code and the database schema disagree');
    expect(f?.nextAction).toMatch(/migration/);
  });

  it('stays silent on one stray line and on a healthy workload', () => {
    const ev = rolledBackScenario();
    ev.logs = ev.logs.slice(0, 1).map((l) => ({ ...l, lines: l.lines.filter((x, i) => i < 3) }));
    expect(analyzeSchemaMismatch(ev)).toEqual([]);
    expect(analyzeSchemaMismatch(healthyScenario())).toEqual([]);
  });
});
