// An envFrom source with a prefix: the kubelet puts the prefix before every key of the ConfigMap,
// so an app that reads the bare key finds it unset although the ConfigMap still holds it.
import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../src/domain/triage/analyzers/exit-code.js';
import type { EnvFromEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import type { Finding } from '../../../src/domain/triage/finding.js';
import { diffRevisions } from '../../../src/domain/triage/revision-diff.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { pickChange } from '../../../src/domain/triage/verdict/mechanism-diff.js';
import { IMAGE_V14, IMAGE_V15, NOW, REV6, minutesAgo, revision, revisionContainer, terminated } from './scenarios/builders.js';
import { crashScenario } from './scenarios/crashes.js';

const times = { startedAt: NOW, finishedAt: NOW };
const CRASH = [
  '{"level":"info","time":"2026-11-21T09:40:02Z","msg":"orders starting","version":"1.31.0"}',
  '{"level":"fatal","time":"2026-11-21T09:40:02Z","caller":"cmd/orders/main.go:41","msg":"invalid configuration","error":"DB_HOST is not set; DB_NAME is not set"}',
];
const KEYS = ['DB_HOST', 'DB_PORT', 'DB_NAME', 'LOG_LEVEL'];
const prefixed: EnvFromEvidence[] = [{ kind: 'configMap', name: 'orders-config', prefix: 'APP_' }, { kind: 'configMap', name: 'platform-observability' }];
const bare: EnvFromEvidence[] = [{ kind: 'configMap', name: 'orders-config' }];
const older = revision({ revision: 5, hash: '6b8c7d5f9a' }, minutesAgo(12 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14, env: [], envFrom: bare })] });
const newer = revision(REV6, minutesAgo(40), { containers: [revisionContainer({ image: IMAGE_V15, env: [], envFrom: prefixed })] });

function scenario(over: { envFrom?: EnvFromEvidence[]; keys?: string[] } = {}): TriageEvidence {
  const ev = crashScenario(1, () => terminated(1, 'Error', 2), { logs: CRASH });
  for (const p of ev.pods) for (const c of p.containers) {
    c.env = [{ name: 'DB_PASSWORD', ref: { kind: 'secret', name: 'orders-db', key: 'password' } }];
    c.envFrom = over.envFrom ?? prefixed;
  }
  ev.revisions = [older, newer];
  ev.namespaceObjects = [
    { kind: 'ConfigMap', name: 'orders-config', createdAt: minutesAgo(300 * 24 * 60), keys: over.keys ?? KEYS },
    { kind: 'ConfigMap', name: 'platform-observability', createdAt: minutesAgo(20 * 24 * 60), keys: ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_SERVICE_NAME'] },
  ];
  return ev;
}

describe('a variable the app finds unset because envFrom prefixes its ConfigMap\'s keys', () => {
  it('says the ConfigMap holds it, the prefix the revision added, and the name the container sees', () => {
    const [f] = analyzeExitCodes(scenario());
    expect(f?.title).toContain('DB_HOST, DB_NAME are in ConfigMap orders-config, but envFrom adds prefix APP_ since revision 6, so the container sees APP_DB_HOST, APP_DB_NAME');
    expect(f?.fix).toMatch(/remove prefix APP_/);
    expect(f?.likelyCause).toContain('APP_DB_HOST');
    expect(f?.confidence).toBe('high');
  });

  it('leads with the envFrom prefix change over the image bump of the same revision, and keeps the rollback as the mitigation', () => {
    const [f] = analyzeExitCodes(scenario());
    expect(pickChange(f as Finding, diffRevisions(older, newer), older, newer)).toBe('app envFrom configMap orders-config prefix: (none) → APP_');
    const r = buildTriageReport(scenario(), times);
    expect(r.headline).toContain('prefix');
    expect(r.headline).toContain('APP_DB_HOST');
    expect(r.headline).toMatch(/roll back to revision 5/i);
  });

  it('is not this without a prefix, or when the ConfigMap lacks the key', () => {
    for (const ev of [scenario({ envFrom: bare }), scenario({ keys: ['DB_PORT', 'LOG_LEVEL'] })]) expect(analyzeExitCodes(ev)[0]?.title ?? '').not.toContain('prefix');
  });
});

describe('the revision diff of an envFrom prefix', () => {
  it('says the prefix change of a source both revisions take', () => {
    expect(diffRevisions(older, newer)).toContain('app envFrom configMap orders-config prefix: (none) → APP_');
    expect(diffRevisions(older, newer)).toContain('app envFrom added configMap platform-observability');
    expect(diffRevisions(older, newer).join('\n')).not.toContain('removed configMap orders-config');
  });
});
