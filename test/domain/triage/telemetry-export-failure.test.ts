import { describe, expect, it } from 'vitest';
import { isErrorLine } from '../../../src/domain/triage/error-line.js';

const JAVA = '[2026-11-21T01:12:24.000+0000] [OkHttp http://collector.obs.svc:4317/...] ERROR io.opentelemetry.exporter.internal.grpc.GrpcExporter - Failed to export spans. Server is UNAVAILABLE. Make sure your collector is running and reachable from this network.';
const PYTHON = '2026-11-21 01:12:24,000 WARNING opentelemetry.exporter.otlp.proto.grpc.exporter Transient error StatusCode.UNAVAILABLE encountered while exporting traces to collector:4317, retrying in 4s.';

describe('the app\'s telemetry SDK failing to export', () => {
  it('is lost telemetry, not an error of the service', () => {
    expect(isErrorLine(JAVA)).toBe(false);
    expect(isErrorLine(PYTHON)).toBe(false);
  });

  it('leaves the service\'s own errors and a collector\'s own export failures counted', () => {
    expect(isErrorLine('2026-11-21 01:12:24 ERROR c.a.pricing.QuoteService - Failed to export quotes to s3://bucket: Access Denied')).toBe(true);
    expect(isErrorLine('2026-11-21T01:12:24.000Z\terror\texporterhelper/queue_sender.go:92\tExporting failed. Dropping data.\t{"kind": "exporter", "data_type": "traces"}')).toBe(true);
  });
});
