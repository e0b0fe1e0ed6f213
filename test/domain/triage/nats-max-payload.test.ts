import { describe, expect, it } from 'vitest';
import { explainClientDiagnosis } from '../../../src/domain/triage/client-diagnosis.js';

describe('explainClientDiagnosis: a NATS publish larger than the server max_payload', () => {
  const refused = '{"level":"ERROR","msg":"publish order event","subject":"shop.orders","payload_bytes":2310000,"err":"nats: maximum payload exceeded"}';
  const connected = '{"level":"INFO","msg":"connected to nats","url":"nats://bus:4222","max_payload":1048576}';
  it('names the limit the server announced and the size refused', () => {
    const d = explainClientDiagnosis([refused], [connected, refused], []);
    expect(d?.title?.('logs of 2 ready pods')).toMatch(/max_payload/);
    expect(d?.summary).toMatch(/1048576 bytes/);
    expect(d?.summary).toMatch(/1 MB/);
    expect(d?.summary).toMatch(/2310000/);
    expect(d?.fix).toMatch(/max_payload/);
  });
  it('without the announced limit names the default of 1 MB', () => {
    const d = explainClientDiagnosis(['publish: nats: maximum payload exceeded'], ['publish: nats: maximum payload exceeded'], []);
    expect(d?.summary).toMatch(/default.*1 MB/);
  });
  it('leaves other lines alone', () => {
    expect(explainClientDiagnosis(['nats: timeout'], ['nats: timeout'], [])).toBeUndefined();
  });
});
