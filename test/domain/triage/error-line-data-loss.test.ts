// A process saying it threw data away is failing whatever level it logs it at (a NATS client's
// slow consumer at WARN, nats-server's at [INF], an OpenTelemetry Collector dropping spans), and
// zap's console encoder writes its level in lower case between tabs.
import { describe, expect, it } from 'vitest';
import { isErrorLine } from '../../../src/domain/triage/error-line.js';

describe('lines that say data was dropped', () => {
  it('counts them as errors at any level', () => {
    expect(isErrorLine('{"time":"2026-11-21T03:10:02Z","level":"WARN","msg":"nats async error","error":"nats: slow consumer, messages dropped","subject":"telemetry.raw.>"}')).toBe(true);
    expect(isErrorLine('[1] 2026/11/21 03:10:02.118412 [INF] 10.0.57.12:41022 - cid:1180 - "v1.37.0:go:geo-enricher" - Slow Consumer Detected: WriteDeadline of 10s exceeded with 412 chunks of 27108354 total bytes.')).toBe(true);
    expect(isErrorLine('2026-11-21T03:10:02.000Z\twarn\tbatchprocessor@v0.98.0/batch_processor.go:263\tSender failed\t{"kind": "processor", "error": "sending queue is full"}')).toBe(true);
    expect(isErrorLine('level=info msg="flush failed, dropped 1024 spans" exporter=jaeger')).toBe(true);
    expect(isErrorLine('INFO fluent-bit: discarding 37 records, retry limit reached')).toBe(true);
  });

  it('leaves drops of nothing, and of connections or items that are no data, alone', () => {
    expect(isErrorLine('level=info msg="flushed" dropped 0 spans')).toBe(false);
    expect(isErrorLine('{"level":"info","msg":"throughput","dropped_total":0,"received_per_sec":941}')).toBe(false);
    expect(isErrorLine('INFO dropped idle connection to 10.0.4.12:5432')).toBe(false);
  });
});

describe("zap's console encoder", () => {
  it('counts error, dpanic, panic and fatal in lower case as errors, and not info or warn', () => {
    expect(isErrorLine('2026-11-21T03:13:52.800Z\terror\texporterhelper/queue_sender.go:101\tExporting failed.\t{"kind": "exporter"}')).toBe(true);
    expect(isErrorLine('2026-11-21T03:13:52.800Z\tfatal\tservice/service.go:55\tcannot start pipelines')).toBe(true);
    expect(isErrorLine('2026-11-21T03:13:52.800Z\tinfo\tservice@v0.98.0/service.go:169\tEverything is ready.')).toBe(false);
    expect(isErrorLine('2026-11-21T03:13:52.800Z\twarn\tk8sattributesprocessor/processor.go:101\tpod not found\t{"pod": "x"}')).toBe(false);
  });
});
