// A name that does not resolve, which the log line does not give (gRPC's "produced zero
// addresses"): the config file the pods mount names it, under the block the lines name.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors, parseDependencyError } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import { findConfigEndpoints, pickConfigEndpointRead } from '../../../src/domain/triage/config-endpoint.js';
import type { ConfigEndpointEvidence } from '../../../src/domain/triage/evidence-config-endpoint.js';
import { baseEvidence, container, minutesAgo, pod, service } from './scenarios/builders.js';

const COLLECTOR_YAML = [
  'receivers:',
  '  otlp:',
  '    protocols:',
  '      grpc:',
  '        endpoint: 0.0.0.0:4317',
  'exporters:',
  '  otlp/tempo:',
  '    endpoint: tempo.tracing.svc.cluster.local:4317  # traces',
  '    tls:',
  '      insecure: true',
  '  prometheusremotewrite/mimir:',
  '    endpoint: http://mimir-distributor.mimir.svc.cluster.local:8080/api/v1/push',
  '',
].join('\n');

const UNAVAILABLE = 'rpc error: code = Unavailable desc = name resolver error: produced zero addresses';
const retrying = (t: string) => `2026-11-21T03:${t}Z\tinfo\texporterhelper/retry_sender.go:118\tExporting failed. Will retry the request after interval.\t{"kind": "exporter", "data_type": "traces", "name": "otlp/tempo", "error": "${UNAVAILABLE}", "interval": "5.5s"}`;
const dropping = (t: string) => `2026-11-21T03:${t}Z\terror\texporterhelper/queue_sender.go:192\tDropping data because sending queue is full. Try increasing queue_size.\t{"kind": "exporter", "data_type": "traces", "name": "otlp/tempo", "dropped_items": 1024}`;

describe('parseDependencyError on gRPC resolver failures', () => {
  it('reads "produced zero addresses" as a name that does not resolve, naming no host', () => {
    expect(parseDependencyError(retrying('10:00.000'))).toEqual({ problem: 'dns-missing' });
  });
});

describe('findConfigEndpoints', () => {
  it('keeps the lines naming in-cluster Services, with the block each is under', () => {
    expect(findConfigEndpoints(COLLECTOR_YAML)).toEqual([
      { line: 'endpoint: tempo.tracing.svc.cluster.local:4317', host: 'tempo.tracing.svc.cluster.local:4317', service: 'tempo', namespace: 'tracing', section: 'exporters.otlp/tempo' },
      { line: 'endpoint: http://mimir-distributor.mimir.svc.cluster.local:8080/api/v1/push', host: 'mimir-distributor.mimir.svc.cluster.local:8080', service: 'mimir-distributor', namespace: 'mimir', section: 'exporters.prometheusremotewrite/mimir' },
    ]);
  });
});

describe('pickConfigEndpointRead', () => {
  const p = pod(0, { containers: [container({ volumeMounts: [{ name: 'conf', mountPath: '/conf' }] })], volumes: [{ name: 'conf', source: 'configMap', ref: 'otel-collector-conf' }, { name: 'other', source: 'configMap', ref: 'not-mounted-by-app' }] });
  it('picks the ConfigMaps the container mounts when its log says a name does not resolve without naming it', () => {
    expect(pickConfigEndpointRead({ pods: [p], logs: [{ pod: p.name, container: 'app', previous: false, lines: [retrying('10:00.000')] }] })).toEqual(['otel-collector-conf']);
  });
  it('picks none when every failing line names its host', () => {
    expect(pickConfigEndpointRead({ pods: [p], logs: [{ pod: p.name, container: 'app', previous: false, lines: ['dial tcp: lookup tempo.tracing.svc on 10.96.0.10:53: no such host'] }] })).toEqual([]);
  });
});

describe('a configured Service that does not exist', () => {
  const endpoints = (namespaceServices?: ConfigEndpointEvidence['namespaceServices']): ConfigEndpointEvidence[] =>
    findConfigEndpoints(COLLECTOR_YAML).map((e) => ({ configMap: 'otel-collector-conf', key: 'collector.yaml', ...e, ...(namespaceServices ? { namespaceServices } : {}) }));
  const tracing = [
    service({ name: 'tempo-distributor', ports: [{ name: 'otlp-grpc', port: 4317, targetPort: 'otlp-grpc', protocol: 'TCP' }], createdAt: minutesAgo(190) }),
    service({ name: 'tempo-ingester', ports: [{ name: 'grpc', port: 9095, targetPort: 'grpc', protocol: 'TCP' }], createdAt: minutesAgo(190) }),
  ];
  const scenario = (configEndpoints: ConfigEndpointEvidence[]) => {
    const pods = [0, 1].map((i) => pod(i));
    const lines = [retrying('05:00.000'), retrying('06:00.000'), dropping('06:00.100'), retrying('13:00.000')];
    return baseEvidence({ pods, configEndpoints, logs: pods.map((x) => ({ pod: x.name, container: 'app', previous: false, lines })) });
  };

  it('names the config line, the missing Service and the one there instead, and the data dropped; no rollback', () => {
    const [f] = analyzeDependencyErrors(scenario(endpoints(tracing)));
    expect(f?.title).toMatch(/^payment-service sends to tempo\.tracing\.svc\.cluster\.local:4317 \(ConfigMap otel-collector-conf, exporters\.otlp\/tempo\), a Service that does not exist: namespace tracing has no Service tempo \(it has tempo-distributor on port 4317, created 3h 10m ago\), so the name does not resolve \("produced zero addresses"\) and every call there fails; payment-service drops what it cannot send \(2 lines: "Dropping data because sending queue is full\."\)/);
    expect(f?.fix).toBe('point exporters.otlp/tempo (ConfigMap otel-collector-conf) at tempo-distributor.tracing.svc.cluster.local:4317, the Service that exists');
    expect(f?.outsideWorkload).toMatch(/any revision of payment-service sends there the same way/);
    expect(f?.severity).toBe('critical');
  });

  it('dates the change when the replacement appeared just before the lookups began failing', () => {
    const fresh = tracing.map((s) => ({ ...s, createdAt: minutesAgo(12) }));
    const [f] = analyzeDependencyErrors(scenario(endpoints(fresh)));
    expect(f?.title).toContain('created 12m ago, just before the lookups began failing');
    expect(f?.datesChange).toBe(true);
  });

  it('stays the plain lookup failure while the namespace\'s Services were not read whole', () => {
    const [f] = analyzeDependencyErrors(scenario(endpoints()));
    expect(f?.title).toMatch(/^A dependency host name does not resolve/);
    expect(f?.outsideWorkload).toBeUndefined();
  });
});
