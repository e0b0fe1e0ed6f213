// An OpenTelemetry Collector whose memory_limiter refuses data logs it at WARN ("Memory usage is
// above soft limit. Refusing data."): its pods stay Ready while every sender's spans are refused
// and dropped. A failure, named as the limiter refusing data; a soft-limit GC it recovers from is not.
import { describe, expect, it } from 'vitest';
import { isErrorLine } from '../../../src/domain/triage/error-line.js';
import { explainClientDiagnosis } from '../../../src/domain/triage/client-diagnosis.js';

const ml = (pipeline: string) => `{"otelcol.component.id": "memory_limiter", "otelcol.component.kind": "processor", "otelcol.pipeline.id": "${pipeline}", "otelcol.signal": "traces"`;
const REFUSING = (pipeline: string, cur: number) => `2026-11-21T03:10:02.000Z\twarn\tmemorylimiter@v0.128.0/memorylimiter.go:205\tMemory usage is above soft limit. Refusing data.\t${ml(pipeline)}, "cur_mem_mib": ${cur}}`;
const FORCING_GC = `2026-11-21T03:10:02.000Z\tinfo\tmemorylimiter@v0.128.0/memorylimiter.go:212\tMemory usage is above soft limit. Forcing a GC.\t${ml('traces')}, "cur_mem_mib": 1210}`;
const BACK = `2026-11-21T03:10:02.100Z\tinfo\tmemorylimiter@v0.128.0/memorylimiter.go:225\tMemory usage back within limits. Resuming normal operation.\t${ml('traces')}, "cur_mem_mib": 1150}`;

describe('an OpenTelemetry Collector memory_limiter refusing data', () => {
  it('counts the refusal as an error at WARN, not a GC it recovers from', () => {
    expect(isErrorLine(REFUSING('traces', 1320))).toBe(true);
    expect(isErrorLine(FORCING_GC)).toBe(false);
    expect(isErrorLine(BACK)).toBe(false);
  });

  it('names the limiter refusing data, its memory, and the spanmetrics pipeline it also refuses in', () => {
    const lines = [FORCING_GC, BACK, REFUSING('traces', 1320), REFUSING('metrics/spanmetrics', 1342)];
    const d = explainClientDiagnosis(lines.filter(isErrorLine), lines, []);
    expect(d?.summary).toMatch(/^the collector's memory_limiter refuses data: memory above its soft limit \(1342 MiB\)/);
    expect(d?.summary).toMatch(/spanmetrics/);
    expect(d?.likelyCause).toMatch(/cardinality/);
  });
});
