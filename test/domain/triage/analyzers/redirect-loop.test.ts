import { describe, expect, it } from 'vitest';
import { analyzeRedirectLoop } from '../../../../src/domain/triage/analyzers/redirect-loop.js';
import { container, baseEvidence, minutesAgo, pod, workload } from '../scenarios/builders.js';

const clf = (minutes: number) => {
  const d = new Date(minutesAgo(minutes));
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
};
const PATHS = ['/checkout/', '/cart/', '/', '/orders/'];
/** Each caller asks its path three times, each answered `status` with a Location of the same https URL. */
function accessLines(status: number, location: (path: string) => string, xfp = 'https'): string[] {
  const out: string[] = [];
  for (let i = 0; i < 4; i++) {
    const path = PATHS[i] ?? '/';
    for (let r = 0; r < 3; r++) out.push(`10.0.9.${10 + i} - - [${clf(20 - i * 3)}] "GET ${path} HTTP/1.1" ${status} 0 "-" "Mozilla/5.0" xfp=${xfp} loc=${location(path)}`);
    out.push(`10.0.9.1 - - [${clf(19 - i * 3)}] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.31" xfp=- loc=-`);
  }
  return out;
}

function evidence(lines: string[], keys: string[] = ['APP_SECURE_SSL_REDIRECT', 'APP_ALLOWED_HOSTS']) {
  const pods = [0, 1].map((i) => pod(i));
  return baseEvidence({
    pods,
    workload: workload({ templateContainers: [container({ envFrom: [{ kind: 'configMap', name: 'web-settings' }] })] }),
    namespaceObjects: [{ kind: 'ConfigMap', name: 'web-settings', createdAt: minutesAgo(90 * 24 * 60), changedAt: minutesAgo(40), keys }],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
  });
}

describe('analyzeRedirectLoop: every request redirected to the same https URL', () => {
  it('names the loop, the status, the setting and the proxy header to trust', () => {
    const [f] = analyzeRedirectLoop(evidence(accessLines(301, (p) => `https://shop.example.org${p}`)));
    expect(f?.title).toContain('answers every request with 301 to the same https URL — a redirect loop (24 of 24 requests in 2 ready pods)');
    expect(f?.title).toContain('APP_SECURE_SSL_REDIRECT in ConfigMap web-settings forces https');
    expect(f?.evidence.join('\n')).toContain('X-Forwarded-Proto: https');
    expect(f?.fix).toContain('SECURE_PROXY_SSL_HEADER');
    expect(f?.affected?.configMaps).toEqual(['web-settings']);
  });

  it('stays silent on a redirector that sends plain-http callers once to another URL', () => {
    const once: string[] = [];
    for (let i = 0; i < 12; i++) once.push(`10.0.9.${10 + i} - - [${clf(20 - i)}] "GET /p${i} HTTP/1.1" 301 0 "-" "Mozilla/5.0" xfp=http loc=https://www.example.org/p${i}`);
    expect(analyzeRedirectLoop(evidence(once))).toEqual([]);
  });

  it('stays silent when most requests are served', () => {
    const served = PATHS.flatMap((p, i) => Array.from({ length: 5 }, (_, r) => `10.0.9.${10 + i} - - [${clf(20 - r)}] "GET ${p} HTTP/1.1" 200 812 "-" "Mozilla/5.0" xfp=https loc=-`));
    expect(analyzeRedirectLoop(evidence([...served, ...accessLines(301, (p) => `https://shop.example.org${p}`).slice(0, 6)]))).toEqual([]);
  });
});
