import { describe, expect, it } from 'vitest';
import { analyzeHungOutboundCall } from '../../../../src/domain/triage/analyzers/hung-outbound-call.js';
import type { PodEvidence } from '../../../../src/domain/triage/evidence.js';
import { baseEvidence, container, pod, workload } from '../scenarios/builders.js';

const SITE = '/usr/local/lib/python3.11/site-packages';

/** gunicorn killing a sync worker whose stack ends in an SSL read under requests. */
function hung(pid: number, timeout = ''): string[] {
  return [
    `[2026-11-21 03:05:12 +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:${pid})`,
    `[2026-11-21 03:05:12 +0000] [${pid}] [ERROR] Error handling request /v1/quotes`,
    'Traceback (most recent call last):',
    `  File "${SITE}/gunicorn/workers/sync.py", line 134, in handle`,
    '    self.handle_request(listener, req, client, addr)',
    '  File "/app/shop/partners/acme.py", line 44, in fetch_rates',
    `    resp = self.session.post(f"{self.base_url}/rates", json=payload${timeout})`,
    `  File "${SITE}/requests/sessions.py", line 637, in post`,
    '    return self.request("POST", url, data=data, json=json, **kwargs)',
    `  File "${SITE}/urllib3/connectionpool.py", line 534, in _make_request`,
    '    response = conn.getresponse()',
    '  File "/usr/local/lib/python3.11/http/client.py", line 286, in _read_status',
    '    line = str(self.fp.readline(_MAXLINE + 1), "iso-8859-1")',
    '  File "/usr/local/lib/python3.11/ssl.py", line 1166, in read',
    '    return self._sslobj.read(len, buffer)',
    `  File "${SITE}/gunicorn/workers/base.py", line 204, in handle_abort`,
    '    sys.exit(1)',
    'SystemExit: 1',
    `[2026-11-21 03:05:12 +0000] [${pid}] [INFO] Worker exiting (pid: ${pid})`,
  ];
}

function hungWorkers(lines: (i: number) => string[]) {
  const pods: PodEvidence[] = [0, 1].map((i) => pod(i, { ready: false, containers: [container({ ready: false })] }));
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 0, availableReplicas: 0 }),
    logs: pods.map((p, i) => ({ pod: p.name, container: 'app', previous: false, lines: lines(i) })),
  });
}

describe('analyzeHungOutboundCall', () => {
  it('names the outbound call without a timeout that the killed workers sat in', () => {
    const [f] = analyzeHungOutboundCall(hungWorkers((i) => [...hung(20 + i), ...hung(40 + i)]));
    expect(f?.kind).toBe('slow-dependency');
    expect(f?.title).toBe('Workers hang on an outbound requests call without a timeout in fetch_rates (shop/partners/acme.py): blocked in a socket read (ssl.py read) until gunicorn kills them (WORKER TIMEOUT ×4 in 2 pods)');
    expect(f?.decisive).toBe('resp = self.session.post(f"{self.base_url}/rates", json=payload)');
    expect(f?.severity).toBe('critical');
  });

  it('does not say "without a timeout" when the call passes one', () => {
    const [f] = analyzeHungOutboundCall(hungWorkers((i) => [...hung(20 + i, ', timeout=(3, 10)'), ...hung(40 + i, ', timeout=(3, 10)')]));
    expect(f?.title).not.toContain('without a timeout');
  });

  it('says nothing of worker kills whose stack is not in an outbound read', () => {
    const cpu = (pid: number) => [`[2026-11-21 03:05:12 +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:${pid})`, 'Traceback (most recent call last):', '  File "/app/shop/report.py", line 12, in build', '    rows = sorted(rows, key=score)', 'SystemExit: 1'];
    expect(analyzeHungOutboundCall(hungWorkers((i) => [...cpu(20 + i), ...cpu(40 + i)]))).toEqual([]);
  });
});
