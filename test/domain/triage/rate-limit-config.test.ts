// Where a service's own rate limiter refuses its callers at large, the limit it enforces is what
// an SRE looks up first, and it is often kept in a ConfigMap: an Envoy sidecar's local_ratelimit
// token bucket, an nginx limit_req zone, or variables the app takes (RATE_LIMIT_*). The ConfigMaps
// of the refusing container are read only then, and only the limiter's values are kept and quoted.
import { describe, expect, it } from 'vitest';
import type { LogEvidence, NamespaceObjectEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { summarizeRateLimit } from '../../../src/domain/triage/rate-limit-config.js';
import { keepSettings, pickSettingConfigReads } from '../../../src/domain/triage/setting-config.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };

const ENVOY_YAML = `static_resources:
  listeners:
  - name: inbound
    filter_chains:
    - filters:
      - name: envoy.filters.network.http_connection_manager
        typed_config:
          http_filters:
          - name: envoy.filters.http.local_ratelimit
            typed_config:
              "@type": type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit
              stat_prefix: http_local_rate_limiter
              token_bucket:
                max_tokens: 20
                tokens_per_fill: 20
                fill_interval: 30s
          - name: envoy.filters.http.router
`;

const NGINX_CONF = `http {
  limit_req_zone $binary_remote_addr zone=perip:10m rate=5r/s;
  server {
    listen 8080;
    location / {
      limit_req zone=perip burst=10 nodelay;
      proxy_pass http://127.0.0.1:8081;
    }
  }
}
`;

/** An Envoy sidecar's access log: most requests answered 429 by its local rate limit, a few passed on. */
function sidecarLog(podName: string): LogEvidence {
  const lines: string[] = [];
  for (let i = 0; i < 16; i++) {
    const t = minutesAgo(20 - i);
    lines.push(i % 4 === 0
      ? `[${t}] "GET /api/items HTTP/1.1" 200 - via_upstream 0 512 12 "198.51.100.${i}" "curl/8.5.0" "req-${i}" "127.0.0.1:8081"`
      : `[${t}] "GET /api/items HTTP/1.1" 429 RL local_rate_limited 0 18 0 "198.51.100.${i}" "curl/8.5.0" "req-${i}" "-"`);
  }
  return { pod: podName, container: 'proxy', previous: false, lines };
}

function sidecarPods() {
  return [0, 1].map((i) => pod(i, {
    volumes: [{ name: 'proxy-config', source: 'configMap', ref: 'edge-proxy' }, { name: 'app-config', source: 'configMap', ref: 'edge-app' }],
    containers: [
      container({ volumeMounts: [{ name: 'app-config', mountPath: '/etc/app', readOnly: true }] }),
      container({ name: 'proxy', volumeMounts: [{ name: 'proxy-config', mountPath: '/etc/envoy', readOnly: true }] }),
    ],
  }));
}

describe('the limit of a rate limiter refusing its callers, from its ConfigMap', () => {
  it('is read from the ConfigMap the refusing container mounts, only while it refuses callers at large', () => {
    const pods = sidecarPods();
    const reads = pickSettingConfigReads({ logs: pods.map((p) => sidecarLog(p.name)), pods, now: NOW });
    expect(reads.filter((r) => r.mechanism === 'rate-limit').map((r) => r.configMap)).toEqual(['edge-proxy']);
    expect(pickSettingConfigReads({ logs: [], pods, now: NOW }).filter((r) => r.mechanism === 'rate-limit')).toEqual([]);
  });

  it('quotes an Envoy token bucket, an nginx limit_req zone and rate-limit variables', () => {
    expect(summarizeRateLimit(ENVOY_YAML)).toBe('local_ratelimit token_bucket max_tokens 20, tokens_per_fill 20, fill_interval 30s, per pod');
    expect(summarizeRateLimit(NGINX_CONF)).toBe('limit_req_zone rate=5r/s, limit_req burst=10, per pod');
    expect(summarizeRateLimit('server:\n  port: 8080\nratelimit:\n  requests-per-minute: 60\n')).toBe('requests-per-minute: 60');
    expect(summarizeRateLimit('server:\n  port: 8080\n')).toBeUndefined();
    const env = keepSettings({ mechanism: 'rate-limit', configMap: 'edge-app', via: 'envFrom' }, 'edge-app', { RATE_LIMIT_PER_MINUTE: '30', LOG_LEVEL: 'info' });
    expect(env.map((s) => s.written)).toEqual(['RATE_LIMIT_PER_MINUTE=30']);
  });

  it('is quoted in the verdict, with the edited ConfigMap as the trigger', () => {
    const pods = sidecarPods();
    const edited: NamespaceObjectEvidence = { kind: 'ConfigMap', name: 'edge-proxy', createdAt: minutesAgo(90 * 24 * 60), changedAt: minutesAgo(25), keys: ['envoy.yaml'] };
    const read = pickSettingConfigReads({ logs: pods.map((p) => sidecarLog(p.name)), pods, now: NOW }).find((r) => r.mechanism === 'rate-limit');
    const settingConfig = read === undefined ? [] : keepSettings(read, read.configMap, { 'envoy.yaml': ENVOY_YAML });
    const ev: TriageEvidence = baseEvidence({ pods, logs: pods.map((p) => sidecarLog(p.name)), namespaceObjects: [edited], settingConfig });
    const r = buildTriageReport(ev, times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/own rate limiter refuses its callers 429/);
    expect(r.headline).toMatch(/max_tokens 20, tokens_per_fill 20, fill_interval 30s/);
    expect(r.headline).toMatch(/ConfigMap edge-proxy/);
  });
});
