// What the pods read is gone, and no Job ran: another Deployment of the namespace whose env addresses
// the same store rolled out just before (a new index name, a retention step that deletes the old one).
// It is named as the likely "since", with what its revision changed, and the fix restores the name
// the pods read; a rollout that addresses another store is only "possibly", one long before is none.
import { describe, expect, it } from 'vitest';
import type { NamespaceRolloutEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { needsDataObjectRollouts, readAddressHost } from '../../../src/domain/triage/data-object-rollout.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { container, minutesAgo, readyOnRevision7, revision, revisionContainer } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const stamp = (m: number): string => minutesAgo(m).replace(/\.\d+Z$/, 'Z').replace('Z', '.000Z');
const STORE = 'http://docs-store.data.svc:9200';
const miss = (m: number) => `${stamp(m)} ERROR 1 --- [http-nio-8080-exec-4] c.acme.lookup.LookupController : lookup failed: index_not_found_exception: no such index [articles]`;

function loader(opts: { rolledOutAgo: number; store?: string }): NamespaceRolloutEvidence {
  const env = (name: string) => [{ name: 'STORE_URL', value: opts.store ?? STORE }, { name: 'TARGET_NAME', value: name }];
  return {
    deployment: 'article-loader',
    labels: {},
    revisions: [
      revision({ revision: 4, hash: 'b1c2d3e4f5' }, minutesAgo(opts.rolledOutAgo), { replicas: 1, containers: [revisionContainer({ image: 'registry.example/article-loader:2.0.0', env: env('articles-live') })] }),
      revision({ revision: 3, hash: 'a1b2c3d4e5' }, minutesAgo(20 * 24 * 60), { containers: [revisionContainer({ image: 'registry.example/article-loader:1.9.0', env: env('articles') })] }),
    ],
  };
}

/** Ready pods, unchanged for nine days, whose store says since 20 minutes ago that the index they read is gone. */
function scenario(rollouts?: NamespaceRolloutEvidence[]): TriageEvidence {
  const ev = readyOnRevision7(9 * 24 * 60, () => [`${stamp(9 * 24 * 60 - 10)}  INFO 1 --- [main] c.acme.lookup.App : Started`, ...[20, 15, 10, 5, 1].map(miss)]);
  const pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map(() => container({ env: [{ name: 'STORE_URL', value: STORE }, { name: 'STORE_INDEX', value: 'articles' }] })) }));
  return { ...ev, pods, ...(rollouts ? { namespaceRollouts: rollouts } : {}) };
}

describe('a data object the pods read gone after another client of the same store rolled out', () => {
  it('names that rollout as the likely since, with what it changed, and advises restoring the name the pods read', () => {
    const r = buildTriageReport(scenario([loader({ rolledOutAgo: 40 })]), times);
    expect(r.headline).toMatch(/^Likely since revision 4 of article-loader \(40m ago: [^)]*TARGET_NAME: "articles" → "articles-live"\), another client of the same store: both address docs-store\.data\.svc \(STORE_URL\)/);
    expect(r.headline).toMatch(/index articles, which the pods read, does not exist: most likely that rollout of article-loader renamed or deleted it/);
    expect(r.headline).toMatch(/Restore index articles \(an alias of that name on what article-loader now writes/);
    expect(r.headline).not.toMatch(/Roll back|Job/);
  });

  it('says only "possibly" when the rollout addresses another store', () => {
    const r = buildTriageReport(scenario([loader({ rolledOutAgo: 40, store: 'http://other-store.data.svc:9200' })]), times);
    expect(r.headline).toMatch(/^Possibly since revision 4 of article-loader/);
  });

  it('names no rollout when it came long before the first miss, or none was read', () => {
    expect(buildTriageReport(scenario([loader({ rolledOutAgo: 5 * 60 })]), times).headline).not.toMatch(/article-loader/);
    expect(buildTriageReport(scenario(), times).headline).not.toMatch(/[Ll]ikely since/);
  });
});

describe('whether the namespace\'s rollouts are read for a missing data object', () => {
  it('reads them when the store says at least twice that what the pods read is gone, from the trigger window before', () => {
    const ev = scenario();
    const need = needsDataObjectRollouts({ logs: ev.logs, pods: ev.pods, collectedAt: ev.collectedAt });
    expect(need?.since).toBe(new Date(Date.parse(stamp(20)) - 2 * 60 * 60_000).toISOString());
  });

  it('does not when no line says so', () => {
    const ev = readyOnRevision7(9 * 24 * 60, () => [`${stamp(5)} ERROR 1 --- [x] c.acme.A : timeout calling upstream`]);
    expect(needsDataObjectRollouts({ logs: ev.logs, pods: ev.pods, collectedAt: ev.collectedAt })).toBeUndefined();
  });
});

describe('the host an env value addresses', () => {
  it('reads URLs, host:port and dotted names, and nothing else', () => {
    expect(readAddressHost('https://user@Search.Example.net:443/x')).toBe('search.example.net');
    expect(readAddressHost('cache-0.cache:6379')).toBe('cache-0.cache');
    expect(readAddressHost('db.internal.example')).toBe('db.internal.example');
    expect(readAddressHost('articles')).toBeUndefined();
    expect(readAddressHost('config.yaml')).toBeUndefined();
  });
});
