import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import type { StaleConfigEvidence } from '../../../src/domain/triage/evidence-stale-config.js';
import { findHostLines, listFrozenConfigSources, pickStaleConfigRead } from '../../../src/domain/triage/stale-config-mount.js';
import { baseEvidence, container, minutesAgo, pod, running } from './scenarios/builders.js';

const OLD = 'ledger-pg-a.q81zz0.us-east-2.rds.amazonaws.com';
const NEW = 'ledger-pg-b.q81zz0.us-east-2.rds.amazonaws.com';
const LOOKUP = `dial error: lookup ${OLD} on 172.20.0.10:53: no such host`;
const SUBPATH = { volumeMounts: [{ name: 'conf', mountPath: '/etc/ledger/app.toml', subPath: 'app.toml', readOnly: true }] };
const ENV = { env: [{ name: 'DB_HOST', ref: { kind: 'configMap' as const, name: 'ledger-env', key: 'DB_HOST' } }] };

function ledgerPod(i: number, o: { startedAgo: number; ready: boolean; how: 'subPath' | 'env' }): PodEvidence {
  return pod(i, {
    ready: o.ready,
    createdAt: minutesAgo(o.startedAgo),
    startTime: minutesAgo(o.startedAgo),
    volumes: [{ name: 'conf', source: 'configMap', ref: 'ledger-conf' }],
    containers: [container({ state: running(o.startedAgo), ...(o.how === 'subPath' ? SUBPATH : ENV) })],
  });
}

/** Three pods started 6 days ago fail to resolve the old host; one started 20 minutes ago serves. */
function scenario(how: 'subPath' | 'env', config?: Partial<StaleConfigEvidence>): TriageEvidence {
  const pods = [0, 1, 2].map((i) => ledgerPod(i, { startedAgo: 6 * 24 * 60 - i, ready: false, how })).concat(ledgerPod(3, { startedAgo: 20, ready: true, how }));
  const configMap = how === 'subPath' ? 'ledger-conf' : 'ledger-env';
  return baseEvidence({
    pods,
    logs: pods.map((p, i) => ({ pod: p.name, container: 'app', previous: false, lines: i < 3 ? [`level=error msg="${LOOKUP}"`, `level=error msg="${LOOKUP}"`] : ['level=info msg="served GET /v1/balances 200"'] })),
    ...(config ? { staleConfig: [{ configMap, host: OLD, holdsHost: false, lines: [{ key: 'app.toml', line: `host = "${NEW}"` }], changedAt: minutesAgo(95), changedBy: 'argocd-controller', ...config }] } : {}),
  });
}

describe('pods that still read the old host of a ConfigMap they took through subPath or env', () => {
  it('lists a subPath mount, env and envFrom of a ConfigMap as never refreshed; a whole-volume mount and Secrets are not', () => {
    const p = pod(0, {
      volumes: [{ name: 'conf', source: 'configMap', ref: 'a' }, { name: 'whole', source: 'configMap', ref: 'b' }, { name: 's', source: 'secret', ref: 'c' }],
      containers: [container({ volumeMounts: [{ name: 'conf', mountPath: '/x/f.yaml', subPath: 'f.yaml' }, { name: 'whole', mountPath: '/y' }, { name: 's', mountPath: '/z/k', subPath: 'k' }], env: [{ name: 'H', ref: { kind: 'configMap', name: 'd', key: 'h' } }, { name: 'P', ref: { kind: 'secret', name: 'e', key: 'p' } }], envFrom: [{ kind: 'configMap', name: 'f' }, { kind: 'secret', name: 'g' }] })],
    });
    expect(listFrozenConfigSources(p).map((s) => s.configMap)).toEqual(['a', 'd', 'f']);
  });

  it('reads the ConfigMaps only where the current logs say a named host does not resolve', () => {
    const ev = scenario('subPath');
    expect(pickStaleConfigRead(ev)).toEqual({ host: OLD, configMaps: ['ledger-conf'] });
    expect(pickStaleConfigRead({ ...ev, logs: ev.logs.map((l) => ({ ...l, lines: ['connection refused'] })) })).toBeUndefined();
  });

  it('keeps whether the data names the host and the lines naming a host like it (same domain or name stem), comments skipped', () => {
    const data = { 'app.toml': `# was ${OLD}\n[db]\nhost = "${NEW}"\ncache = "redis.ledger.svc.cluster.local"\n`, LOG_LEVEL: 'info' };
    expect(findHostLines(data, OLD)).toEqual({ holdsHost: false, lines: [{ key: 'app.toml', line: `host = "${NEW}"` }] });
    expect(findHostLines({ DB_HOST: 'orders-db-2' , DB: 'orders-db-2.internal.example' }, 'orders-db-1.internal.example')).toEqual({ holdsHost: false, lines: [{ key: 'DB', line: 'DB: orders-db-2.internal.example' }] });
    expect(findHostLines({ 'app.toml': `host = "${OLD}"` }, OLD).holdsHost).toBe(true);
  });

  it('names the subPath mount, the old and new host, the edit and the restart', () => {
    const [f] = analyzeDependencyErrors(scenario('subPath', {}));
    expect(f?.title).toMatch(/3 pods started before ConfigMap ledger-conf was edited \(1h 35m ago by argocd-controller\) still use the old host ledger-pg-a\.q81zz0/);
    expect(f?.title).toMatch(/subPath mount \(\/etc\/ledger\/app\.toml/);
    expect(f?.title).toContain(NEW);
    expect(f?.title).toMatch(/started after the edit, serves/);
    expect(f?.nextAction).toMatch(/kubectl rollout restart deployment\/payment-service/);
    expect(f?.nextAction).toMatch(/subPath|checksum/);
    expect(f?.datesChange).toBe(true);
  });

  it('names env from a ConfigMap as fixed at container start, and bounds an edit of unknown time by the newer pod\'s start', () => {
    const [f] = analyzeDependencyErrors(scenario('env', { changedAt: undefined, changedBy: undefined }));
    expect(f?.title).toMatch(/ConfigMap ledger-env was edited \(before 20m ago, when \S+ started\)/);
    expect(f?.title).toMatch(/env DB_HOST \(fixed at container start\)/);
  });

  it('reads the same way a host whose Service now refuses (scaled to zero): the pods still call the old value', () => {
    const REFUSED = `quote failed: Post "http://${OLD}:8080/v1/quote": dial tcp 172.20.88.131:8080: connect: connection refused`;
    const refusing = (ev: TriageEvidence): TriageEvidence => ({ ...ev, logs: ev.logs.map((l) => (l.lines.some((x) => x.includes(LOOKUP)) ? { ...l, lines: [REFUSED, REFUSED] } : l)) });
    expect(pickStaleConfigRead(refusing(scenario('subPath')))).toEqual({ host: OLD, configMaps: ['ledger-conf'] });
    const [f] = analyzeDependencyErrors(refusing(scenario('subPath', {})));
    expect(f?.title).toMatch(/ConfigMap ledger-conf was edited \(1h 35m ago by argocd-controller\) still use the old host ledger-pg-a[^\n]*subPath mount/);
    expect(f?.title).toContain(NEW);
    expect(f?.likelyCause).toMatch(/now refuses their connections/);
    expect(f?.nextAction).toMatch(/kubectl rollout restart deployment\/payment-service/);
  });

  it('stays the plain name failure when the ConfigMap still names the host, was edited before the pods started, or was not read', () => {
    for (const ev of [scenario('subPath', { holdsHost: true }), scenario('subPath', { changedAt: minutesAgo(7 * 24 * 60) }), scenario('subPath')]) {
      const [f] = analyzeDependencyErrors(ev);
      expect(f?.title).not.toMatch(/ConfigMap|subPath/);
      expect(f?.title).toMatch(/does not resolve/);
    }
  });
});
