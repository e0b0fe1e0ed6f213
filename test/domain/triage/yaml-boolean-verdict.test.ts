// A bare `- NO` in a mounted YAML list, read as False: the verdict names the setting, quotes the line
// as written and advises quoting the value. The revision that picked the edit up is a restart of the
// same template: rolling it back would not help, any new pod reads the same ConfigMap.
import { describe, expect, it } from 'vitest';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import type { TriageReport } from '../../../src/domain/triage/triage-report.js';
import { NS, REV6, REV7, baseEvidence, crashLooping, event, minutesAgo, pod, revision, terminated, workload } from './scenarios/builders.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };
const ROLLBACK = /roll(ing)? ?back to|rollout undo|undo the rollout|revision \d+[^\n]*(caused|broke|introduced)/i;
const LINE = 'kyc.config.ConfigError: invalid country code in screening.allowed_countries: False (expected ISO 3166-1 alpha-2)';

function claims(r: TriageReport): string {
  return [r.headline, ...r.findings.flatMap((f) => [f.title, f.likelyCause, f.nextAction])].join('\n');
}

/** Revision 7 (33m ago) restarts revision 6's template; the ConfigMap the pods mount was edited 38m ago. */
function restartedIntoBadConfig(): TriageEvidence {
  const volumes = [{ name: 'settings', source: 'configMap' as const, ref: 'kyc-config' }];
  const old = [0, 1, 2].map((i) => pod(i, { volumes }));
  const p = pod(3, { revisionHash: REV7.hash, ready: false, createdAt: minutesAgo(33), startTime: minutesAgo(33), volumes });
  const bad = { ...p, containers: [crashLooping(p.name, terminated(3, 'Error', 1.8, { runSeconds: 3 }), 11)] };
  return {
    ...baseEvidence({
      pods: [...old, bad],
      events: [event({ object: { kind: 'Pod', name: bad.name, namespace: NS }, reason: 'BackOff', message: `Back-off restarting failed container app in pod ${bad.name}_${NS}(${bad.uid ?? ''})`, count: 140, firstSeen: minutesAgo(32), lastSeen: minutesAgo(0.2) })],
      logs: [{ pod: bad.name, container: 'app', previous: true, lines: ['Traceback (most recent call last):', '  File "/app/kyc/config.py", line 91, in _validate_countries', LINE, '[ERROR] Worker (pid:7) exited with code 3'] }],
      workload: workload({ specReplicas: 3, replicas: 4, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 1, currentRevision: 7 }),
      namespaceObjects: [{ kind: 'ConfigMap', name: 'kyc-config', createdAt: minutesAgo(140 * 24 * 60), changedAt: minutesAgo(38) }],
      yamlBooleans: [{ configMap: 'kyc-config', key: 'settings.yaml', setting: 'screening.allowed_countries', value: false, lines: ['- NO'] }],
      hpas: [],
    }),
    revisions: [revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 3 }), revision(REV7, minutesAgo(33), { replicas: 1 })],
  };
}

describe('a bare YAML 1.1 boolean word in a mounted ConfigMap', () => {
  it('names the setting, quotes the line as written and advises quoting it', () => {
    const r = buildTriageReport(restartedIntoBadConfig(), times);
    expect(r.headline).toContain('ConfigMap kyc-config');
    expect(r.headline).toContain('`- NO`');
    expect(r.headline).toMatch(/YAML 1\.1/);
    expect(r.headline).toContain('`- "NO"`');
    expect(r.headline.length).toBeLessThan(700);
  });

  it('advises no rollback of a restart that only picked up the ConfigMap edit', () => {
    const r = buildTriageReport(restartedIntoBadConfig(), times);
    expect(claims(r)).not.toMatch(ROLLBACK);
    const rollout = r.findings.find((f) => f.kind === 'recent-rollout');
    expect(rollout?.nextAction).toMatch(/any new pod reads the same ConfigMap/);
  });
});
