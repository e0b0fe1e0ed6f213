import { describe, expect, it } from 'vitest';
import { analyzeSchemaMismatch } from '../../../../src/domain/triage/analyzers/schema-mismatch.js';
import type { LogEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { SchemaGenerationEvidence } from '../../../../src/domain/triage/evidence-schema-generation.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { IMAGE_V15, NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';
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

describe('analyzeSchemaMismatch with schema generation that drops tables', () => {
  const missing = (ago: number) => `${minutesAgo(ago)} ERROR 1 --- [nio-8080-exec-2] o.h.engine.jdbc.spi.SqlExceptionHelper   : ERROR: relation "invoices" does not exist`;
  const springPods = (hash: string) => [0, 1, 2].map((i) => pod(i, {
    revisionHash: hash,
    createdAt: minutesAgo(37 - i),
    startTime: minutesAgo(37 - i),
    containers: [container({ image: IMAGE_V15, volumeMounts: [{ name: 'config', mountPath: '/config' }] })],
    volumes: [{ name: 'config', source: 'configMap', ref: 'billing-config' }],
  }));
  const held = (value: string): SchemaGenerationEvidence[] => [{ configMap: 'billing-config', key: 'application.properties', via: '/config/application.properties', lines: [`spring.jpa.hibernate.ddl-auto=${value}`], changedAt: minutesAgo(41), changedBy: 'kubectl-edit' }];

  function scenario(value: string): TriageEvidence {
    const pods = springPods(REV7.hash);
    return baseEvidence({
      pods,
      revisions: [
        revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 0 }),
        revision(REV7, minutesAgo(38), { replicas: 3, containers: [revisionContainer({ image: IMAGE_V15 })] }),
      ],
      logs: pods.map((p): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines: [missing(30), missing(20), missing(10)] })),
      namespaceObjects: [{ kind: 'ConfigMap', name: 'billing-config', createdAt: minutesAgo(200 * 24 * 60), changedAt: minutesAgo(41) }],
      schemaGeneration: held(value),
    });
  }

  it('names the setting and its ConfigMap, and says to set it back and restore from a backup, not to migrate', () => {
    const [f] = analyzeSchemaMismatch(scenario('create-drop'));
    expect(f?.title).toContain('spring.jpa.hibernate.ddl-auto=create-drop in ConfigMap billing-config (/config/application.properties)');
    expect(f?.title).toMatch(/drops the schema as each pod stops/);
    expect(f?.confidence).toBe('high');
    expect(f?.affected?.configMaps).toEqual(['billing-config']);
    expect(f?.fix).toMatch(/validate/);
    expect(f?.nextAction).toMatch(/backup/);
    expect(`${f?.title} ${f?.nextAction}`).not.toMatch(/apply the missing migration/);
  });

  it("dates the verdict by the ConfigMap's edit and offers no rollback: any pod of any revision drops the schema", () => {
    const r = buildTriageReport(scenario('create-drop'), { startedAt: NOW, finishedAt: NOW });
    expect(r.headline).toMatch(/^Since ConfigMap billing-config was changed 41m ago: .*ddl-auto=create-drop/);
    expect(r.headline).not.toMatch(/roll back to revision|rollout undo/i);
  });

  it('reads the setting from the container\'s own env, which outranks the file, and then leaves the rollback to the verdict', () => {
    const ev = scenario('validate');
    ev.pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, env: [{ name: 'SPRING_JPA_HIBERNATE_DDL_AUTO', value: 'create' }] })) }));
    const [f] = analyzeSchemaMismatch(ev);
    expect(f?.title).toContain("SPRING_JPA_HIBERNATE_DDL_AUTO=create in the container's env has Hibernate drop tables: it drops and re-creates the schema empty as each pod starts");
    expect(f?.outsideWorkload).toBeUndefined();
    expect(f?.affected?.configMaps).toBeUndefined();
  });

  it('keeps the code-and-schema reading for validate, update or none', () => {
    for (const v of ['validate', 'update', 'none']) {
      const [f] = analyzeSchemaMismatch(scenario(v));
      expect(f?.title).toMatch(/the code and the database schema disagree$/);
    }
  });
});
