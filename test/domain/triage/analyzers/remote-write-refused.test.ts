// A metrics store (Mimir, Cortex) refuses a Prometheus's remote_write at the tenant's series limit:
// the refusal is named with its limit, the scrape jobs its mounted config lists are stated, and an
// edit of that ConfigMap before the refusals is the since.
import { describe, expect, it } from 'vitest';
import { analyzeRemoteWriteRefused } from '../../../../src/domain/triage/analyzers/remote-write-refused.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { keepSettings, pickSettingConfigReads } from '../../../../src/domain/triage/setting-config.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const refused = (m: number): string => `ts=${minutesAgo(m)} caller=dedupe.go:112 component=remote level=error remote_name=store url=https://metrics.example.internal/api/v1/push msg="non-recoverable error" count=2000 exemplarCount=0 err="server returned HTTP status 400 Bad Request: failed pushing to ingester ingester-3: user=team-a: per-user series limit of 200000 exceeded (err-mimir-max-series-per-user). To adjust the related per-tenant limit, configure -ingester.max-global-series-per-user, or contact your service administrator."`;

function scenario(): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, {
    startTime: minutesAgo(20 * 24 * 60),
    containers: [container({ name: 'prometheus', volumeMounts: [{ name: 'config', mountPath: '/etc/prometheus' }] })],
    volumes: [{ name: 'config', source: 'configMap', ref: 'metrics-config' }],
  }));
  const lines = [50, 40, 30, 20, 10].map(refused);
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'prometheus', previous: false, lines })),
    namespaceObjects: [{ kind: 'ConfigMap', name: 'metrics-config', createdAt: minutesAgo(300 * 24 * 60), changedAt: minutesAgo(55) }],
  });
}

describe('a metrics store refusing remote_write at the tenant\'s series limit', () => {
  it('reads the scrape jobs of the config file the sender mounts', () => {
    const ev = scenario();
    const reads = pickSettingConfigReads({ logs: ev.logs, pods: ev.pods, now: NOW });
    expect(reads).toEqual([{ mechanism: 'scrape-jobs', configMap: 'metrics-config', via: 'mount' }]);
    const yml = 'scrape_configs:\n  - job_name: node\n    static_configs: []\n  - job_name: "checkout-web"\n    kubernetes_sd_configs: [{ role: pod }]\n';
    expect(keepSettings(reads[0]!, 'metrics-config', { 'prometheus.yml': yml }).map((c) => c.written)).toEqual(['scrape jobs: node, checkout-web']);
  });

  it('names the refusal with its limit, the scrape jobs, and the ConfigMap edit as the since', () => {
    const ev: TriageEvidence = { ...scenario(), settingConfig: [{ mechanism: 'scrape-jobs', configMap: 'metrics-config', key: 'prometheus.yml', via: 'mount', written: 'scrape jobs: node, checkout-web' }] };
    const [f] = analyzeRemoteWriteRefused(ev);
    expect(f?.title).toMatch(/refuses remote_write .*per-user series limit of 200000 is exceeded \(err-mimir-max-series-per-user\)/);
    expect(f?.evidence.join('\n')).toMatch(/ConfigMap metrics-config \(prometheus\.yml\) lists scrape jobs: node, checkout-web/);
    expect(f?.fix).toMatch(/relabel the high-cardinality label|remove the scrape job/);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Since ConfigMap metrics-config was changed 55m ago: .*per-user series limit/);
    expect(report.headline).not.toMatch(/no change found/);
  });
});
