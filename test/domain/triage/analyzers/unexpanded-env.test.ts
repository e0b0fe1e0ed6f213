import { describe, expect, it } from 'vitest';
import { analyzeUnexpandedEnv } from '../../../../src/domain/triage/analyzers/unexpanded-env.js';
import type { EnvVarEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { listEnvAddresses } from '../../../../src/domain/triage/env-dependency.js';
import { parseDependencyError } from '../../../../src/domain/triage/dependency-error-line.js';
import { diffRevisions } from '../../../../src/domain/triage/revision-diff.js';
import { findUnexpandedRefs } from '../../../../src/domain/triage/unexpanded-env-ref.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, REV6, REV7, baseEvidence, container, crashLooping, minutesAgo, pod, revision, revisionContainer, terminated } from '../scenarios/builders.js';

const PASSWORD: EnvVarEvidence = { name: 'CACHE_PASSWORD', ref: { kind: 'secret', name: 'cache-auth', key: 'password' } };
const HOST: EnvVarEvidence = { name: 'CACHE_HOST', value: 'redis-primary.cache.svc.cluster.local' };
const URL: EnvVarEvidence = { name: 'CACHE_URL', value: 'redis://ledger_rw:$(CACHE_PASSWORD)@$(CACHE_HOST):6379/0' };
const LEVEL: EnvVarEvidence = { name: 'LOG_LEVEL', value: 'info' };
const OLD_ENV = [PASSWORD, HOST, URL, LEVEL];
/** The same entries re-ordered: CACHE_URL now comes before the two it references. */
const NEW_ENV = [URL, HOST, PASSWORD, LEVEL];

const crashLog = (literal: string) => [
  'INFO  worker booting, loading settings',
  'Traceback (most recent call last):',
  '  File "/app/worker/cache.py", line 41, in connect',
  `redis.exceptions.ConnectionError: Error -2 connecting to ${literal}:6379. Name or service not known.`,
];

/** Revision 7 re-ordered the env; its two pods crash-loop while three pods of revision 6 serve. */
function scenario(opts: { newEnv?: EnvVarEvidence[]; literal?: string; envFrom?: boolean } = {}): TriageEvidence {
  const env = opts.newEnv ?? NEW_ENV;
  const envFrom = opts.envFrom ? [{ kind: 'configMap' as const, name: 'worker-settings' }] : [];
  const newPods = [0, 1].map((i) => {
    const p = pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(18), startTime: minutesAgo(18) });
    return { ...p, ready: false, containers: [crashLooping(p.name, terminated(1, 'Error', 2 + i, { runSeconds: 3 }), 8, { env, envFrom })] };
  });
  const oldPods = [2, 3, 4].map((i) => pod(i, { containers: [container({ env: OLD_ENV, envFrom })] }));
  return baseEvidence({
    pods: [...newPods, ...oldPods],
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 3, containers: [revisionContainer({ env: OLD_ENV, envFrom })] }),
      revision(REV7, minutesAgo(19), { replicas: 2, containers: [revisionContainer({ env, envFrom })] }),
    ],
    logs: newPods.map((p) => ({ pod: p.name, container: 'app', previous: true, lines: crashLog(opts.literal ?? '$(CACHE_HOST)') })),
  });
}

describe('findUnexpandedRefs', () => {
  it('finds a reference to a variable listed later, and one to a variable nowhere defined', () => {
    const refs = findUnexpandedRefs({ name: 'app', env: [{ name: 'CONFIG_FILE', value: '$(CONF_DIR)/settings.yaml' }, ...NEW_ENV] });
    expect(refs.map((r) => `${r.holder}/${r.name}/${r.where}`)).toEqual(['CONFIG_FILE/CONF_DIR/undefined', 'CACHE_URL/CACHE_PASSWORD/later', 'CACHE_URL/CACHE_HOST/later']);
  });

  it('leaves alone references to earlier entries, escaped $$(VAR) and service-link variables', () => {
    expect(findUnexpandedRefs({ name: 'app', env: OLD_ENV })).toEqual([]);
    expect(findUnexpandedRefs({ name: 'app', env: [{ name: 'TEMPLATE', value: 'literal $$(NOT_A_REF)' }, { name: 'NOT_A_REF', value: 'x' }] })).toEqual([]);
    expect(findUnexpandedRefs({ name: 'app', env: [{ name: 'CACHE_ADDR', value: '$(REDIS_SERVICE_HOST):$(REDIS_SERVICE_PORT)' }] })).toEqual([]);
  });

  it('reads command and args against the whole env', () => {
    const refs = findUnexpandedRefs({ name: 'app', env: [HOST], command: ['worker', '--cache=$(CACHE_HOST)', '--dir=$(DATA_DIR)'] });
    expect(refs.map((r) => `${r.holder}/${r.name}`)).toEqual(['command/DATA_DIR']);
  });
});

describe('addresses in an env value with $(VAR) references', () => {
  it('takes neither the user name nor the reference for a host', () => {
    expect(listEnvAddresses(container({ env: [URL] }))).toEqual([]);
    expect(listEnvAddresses(container({ env: [HOST, { name: 'DB_URL', value: 'postgresql://svc_user:pw@db.internal:5432/ledger' }] }))).toEqual([{ env: 'DB_URL', host: 'db.internal', port: '5432', scheme: 'postgresql' }]);
  });

  it('does not read an unexpanded variable name as the dependency a line names', () => {
    expect(parseDependencyError('java.net.UnknownHostException: $(CACHE_HOST): Name or service not known')).toEqual({ problem: 'dns-missing' });
  });
});

describe('diffRevisions: an entry moved ahead of what it references', () => {
  it('says so, though no value changed', () => {
    const a = revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ env: OLD_ENV })] });
    const b = revision(REV7, minutesAgo(20), { containers: [revisionContainer({ env: NEW_ENV })] });
    expect(diffRevisions(a, b)).toEqual([
      'app env CACHE_URL moved ahead of CACHE_PASSWORD and CACHE_HOST, which its value references as $(CACHE_PASSWORD), $(CACHE_HOST)',
    ]);
  });
});

describe('analyzeUnexpandedEnv', () => {
  it('names the reference the log shows literally and the revision that moved it', () => {
    const found = analyzeUnexpandedEnv(scenario());
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f?.kind).toBe('unexpanded-env');
    expect(f?.title).toContain("Container app's env CACHE_URL references $(CACHE_HOST) before CACHE_HOST is defined: Kubernetes leaves it literal");
    expect(f?.confidence).toBe('high');
    expect(f?.decisive).toContain('connecting to $(CACHE_HOST)');
    expect(f?.fix).toMatch(/list CACHE_HOST before CACHE_URL/);
    expect(f?.nextAction).toMatch(/^Roll back to revision 6/);
    expect(f?.affected?.pods).toHaveLength(2);
    expect(f?.confirmCommands.join(' ')).not.toMatch(/secret/i);
  });

  it('finds a path built from a variable no entry defines, without a revision to blame', () => {
    const env: EnvVarEvidence[] = [...OLD_ENV, { name: 'CONFIG_FILE', value: '$(CONF_DIR)/settings.yaml' }];
    const ev = scenario({ newEnv: env });
    ev.revisions = ev.revisions.map((r) => ({ ...r, containers: [revisionContainer({ env })] }));
    ev.logs = ev.logs.map((l) => ({ ...l, lines: ["FileNotFoundError: [Errno 2] No such file or directory: '$(CONF_DIR)/settings.yaml'"] }));
    const [f] = analyzeUnexpandedEnv(ev);
    expect(f?.title).toContain("env CONFIG_FILE references $(CONF_DIR), which no env entry defines");
    expect(f?.fix).toMatch(/define CONF_DIR/);
  });

  it('leaves a reference envFrom may define to the log: nothing without it, named with it', () => {
    const env: EnvVarEvidence[] = [{ name: 'CACHE_URL', value: 'redis://$(CACHE_HOST):6379/0' }];
    expect(analyzeUnexpandedEnv(scenario({ newEnv: env, envFrom: true, literal: 'redis-primary' }))).toEqual([]);
    const [f] = analyzeUnexpandedEnv(scenario({ newEnv: env, envFrom: true }));
    expect(f?.title).toContain('envFrom (ConfigMap worker-settings) did not supply it');
  });

  it('is only a lead when the log does not show the reference: the revision broke it, the failure may be another', () => {
    const found = analyzeUnexpandedEnv(scenario({ literal: 'redis-primary' }));
    expect(found.map((f) => f.confidence)).toEqual(['low', 'low']);
  });

  it('does not blame the revision for a container it does not have (a mesh proxy injected at admission)', () => {
    const ev = scenario({ newEnv: OLD_ENV, literal: 'redis-primary' });
    const proxy = { ...container({ name: 'mesh-proxy', env: [{ name: 'PROXY_DOMAIN', value: '$(POD_NAMESPACE).svc.cluster.local' }] }) };
    ev.pods = ev.pods.map((p) => ({ ...p, containers: [proxy, ...p.containers] }));
    expect(analyzeUnexpandedEnv(ev)).toEqual([]);
  });

  it('says nothing when every reference expands', () => {
    expect(analyzeUnexpandedEnv(scenario({ newEnv: OLD_ENV, literal: 'redis-primary.cache.svc.cluster.local' }))).toEqual([]);
  });
});

describe('the verdict on an unexpanded reference', () => {
  it('leads with the reference and the revision that moved it, not with a missing Service', () => {
    const report = buildTriageReport(scenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Since revision 7 \([^)]*app env CACHE_URL moved ahead of/);
    expect(report.headline).toContain("env CACHE_URL references $(CACHE_HOST) before CACHE_HOST is defined");
    expect(report.headline).toMatch(/literal/);
    expect(report.headline).not.toMatch(/no Service|does not resolve/);
  });
});
