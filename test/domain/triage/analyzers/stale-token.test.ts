// A Kubernetes client that reads its projected service-account token once, at start: when that
// token expires the API server answers 401, the process exits, and the restart reads the current
// token — a restart about once per token lifetime, with nothing in the workload changed.
import { describe, expect, it } from 'vitest';
import type { LogEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { ADVISES_ROLLBACK } from '../../../triage-corpus/kit/held-out.js';
import { baseEvidence, container, minutesAgo, pod, running, terminated } from '../scenarios/builders.js';

const times = { startedAt: '2026-11-21T03:14:00.000Z', finishedAt: '2026-11-21T03:14:00.000Z' };

const WORKING = [
  'I1121 02:30:01.000100       1 leaderelection.go:241] attempting to acquire leader lease  ops/sync-lock...',
  'I1121 02:30:18.000200       1 leaderelection.go:251] successfully acquired lease ops/sync-lock',
  '{"level":"info","ts":1795227256.0,"logger":"controllers.Sync","msg":"reconciled","name":"a"}',
];
const refused = (clientGo: string) => [
  'E1121 03:01:24.000562       1 leaderelection.go:320] error retrieving resource lock ops/sync-lock: Unauthorized',
  `E1121 03:01:27.000512       1 reflector.go:123] pkg/mod/k8s.io/client-go@${clientGo}/tools/cache/reflector.go:96: Failed to list *v1.ConfigMap: Unauthorized`,
  'E1121 03:01:30.000463       1 leaderelection.go:320] error retrieving resource lock ops/sync-lock: Unauthorized',
  'I1121 03:01:50.400124       1 leaderelection.go:277] failed to renew lease ops/sync-lock: timed out waiting for the condition',
  '{"level":"error","ts":1795230111.0,"logger":"setup","msg":"problem running manager","error":"leader election lost"}',
];

interface Shape {
  ranSeconds?: number;
  current?: string[];
  clientGo?: string;
  tokenSeconds?: number | null;
  over?: Partial<PodEvidence>;
}

function scenario(s: Shape = {}): TriageEvidence {
  const p = pod(0, {
    containers: [container({ name: 'manager', state: running(12), lastState: terminated(1, 'Error', 12.2, { runSeconds: s.ranSeconds ?? 2891 }), restartCount: 178 })],
    ...(s.tokenSeconds === null ? {} : { serviceAccountTokenSeconds: s.tokenSeconds ?? 3607 }),
    ...s.over,
  });
  const logs: LogEvidence[] = [
    { pod: p.name, container: 'manager', previous: true, lines: [...WORKING, ...refused(s.clientGo ?? 'v12.0.0+incompatible')] },
    { pod: p.name, container: 'manager', previous: false, lines: s.current ?? WORKING },
  ];
  return baseEvidence({ pods: [p], logs });
}

describe('a client that never re-reads its expiring service-account token', () => {
  it('names the 401 and the stale token in the headline, and advises upgrading the client library', () => {
    const r = buildTriageReport(scenario(), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/401 Unauthorized/);
    expect(r.headline).toMatch(/48m after (each )?start/);
    expect(r.headline).toMatch(/never re-reads its expiring service-account token/);
    const [f] = r.findings;
    expect(f?.evidence.join('\n')).toMatch(/3607 ?s/);
    expect(f?.evidence.join('\n')).toMatch(/client-go v12\.0\.0\+incompatible/);
    expect(f?.likelyCause).toMatch(/80 ?%/);
    expect(f?.nextAction).toMatch(/^Upgrade/);
    expect(f?.nextAction).toMatch(/client-go v0\.15\.7/);
    expect(f?.nextAction).toMatch(/restart[^.]*only/i);
    expect(`${f?.title} ${f?.likelyCause} ${f?.nextAction}`).not.toMatch(ADVISES_ROLLBACK);
  });

  it('says nothing of a stale token when the new run is refused too: that token was never valid', () => {
    const [f] = analyzeExitCodes(scenario({ current: refused('v12.0.0+incompatible') }));
    expect(f?.title).not.toMatch(/token/);
  });

  it('says nothing of a stale token when the run was far shorter or longer than the token lives', () => {
    expect(analyzeExitCodes(scenario({ ranSeconds: 40 }))[0]?.title).not.toMatch(/token/);
    expect(analyzeExitCodes(scenario({ ranSeconds: 5 * 3600 }))[0]?.title).not.toMatch(/token/);
  });

  it('says nothing without a projected token, or with a client-go that re-reads it', () => {
    expect(analyzeExitCodes(scenario({ tokenSeconds: null }))[0]?.title).not.toMatch(/token/);
    expect(analyzeExitCodes(scenario({ clientGo: 'v0.29.3' }))[0]?.title).not.toMatch(/token/);
  });

  it('follows a longer lifetime the spec sets for its own projected token', () => {
    const [f] = analyzeExitCodes(scenario({ tokenSeconds: 7200, ranSeconds: 6400 }));
    expect(f?.title).toMatch(/401 Unauthorized 1h ?46m after (each )?start/);
  });
});
