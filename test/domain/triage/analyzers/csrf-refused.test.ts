import { describe, expect, it } from 'vitest';
import { analyzeCsrfRefused } from '../../../../src/domain/triage/analyzers/csrf-refused.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { IMAGE_V14, IMAGE_V15, NOW, REV6, REV7, baseEvidence, minutesAgo, pod, revision, revisionContainer, workload } from '../scenarios/builders.js';

const ORIGIN = 'https://shop.example.com';
const clf = (m: number) => {
  const d = new Date(Date.parse(NOW) - m * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/Nov/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
};
const py = (m: number) => minutesAgo(m).replace('T', ' ').replace('Z', '').replace(/\.\d+$/, '');
const PATHS = ['/orders/1/refund/', '/admin/login/', '/customers/7/notes/', '/orders/9/status/'];

/** A gunicorn/Django pod's log: `posts` POSTs, `refused` of them refused by the CSRF origin check, GETs served between. */
function djangoLog(k: number, posts: number, refused: number): string[] {
  return Array.from({ length: posts }, (_, i) => {
    const m = 18 - i * 1.5 - k * 0.3;
    const path = PATHS[(i + k) % PATHS.length] ?? '/';
    const get = `10.0.3.${k + 4} - - [${clf(m + 0.1)}] "GET /orders/ HTTP/1.1" 200 18211 "${ORIGIN}/" "Mozilla/5.0"`;
    return i < refused
      ? [get, `WARNING ${py(m)} django.security.csrf Forbidden (Origin checking failed - ${ORIGIN} does not match any trusted origins.): ${path}`, `10.0.3.${k + 4} - - [${clf(m)}] "POST ${path} HTTP/1.1" 403 2870 "${ORIGIN}${path}" "Mozilla/5.0"`]
      : [get, `10.0.3.${k + 4} - - [${clf(m)}] "POST ${path} HTTP/1.1" 302 0 "${ORIGIN}${path}" "Mozilla/5.0"`];
  }).flat();
}

/** Three ready pods of revision 7 (rolled out 20m ago, upgrading Django), each logging `posts` POSTs of which `refused` were refused. */
function upgraded(posts: number, refused: number): TriageEvidence {
  const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(20), startTime: minutesAgo(20) }));
  return baseEvidence({
    pods,
    hpas: [],
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3 }),
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14 })] }),
      revision(REV7, minutesAgo(20), { replicas: 3, changeCause: 'argocd: shop 2.15.0 (Django 3.2 LTS -> 4.2 LTS)', containers: [revisionContainer({ image: IMAGE_V15 })] }),
    ],
    logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: djangoLog(k, posts, refused) })),
  });
}

describe('analyzeCsrfRefused', () => {
  it("names Django 4's Origin check refusing every POST, the origin it refused and the settings that fix it", () => {
    const [f] = analyzeCsrfRefused(upgraded(6, 6));
    expect(f?.title).toMatch(/^Django's CSRF Origin check refuses every POST with 403 after the upgrade to Django 4\.2 \(from 3\.2\): 18 refusals in 3 pods, 18 POSTs answered 403/);
    expect(f?.decisive).toBe(`Forbidden (Origin checking failed - ${ORIGIN} does not match any trusted origins.)`);
    expect(f?.fix).toMatch(/CSRF_TRUSTED_ORIGINS=https:\/\/shop\.example\.com \(with the scheme\) and SECURE_PROXY_SSL_HEADER/);
    expect(f?.likelyCause).toMatch(/Since Django 4\.0 .* Origin header/);
    expect(f?.rollbackUndoes).toBe('undo the Django 4.2 upgrade');
  });

  it('makes the revision the since and the settings the first step, the rollback the fallback', () => {
    const report = buildTriageReport(upgraded(6, 6), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Since revision 7 .*: Django's CSRF Origin check refuses every POST with 403/);
    expect(report.headline).toMatch(/Set CSRF_TRUSTED_ORIGINS=https:\/\/shop\.example\.com .*; rolling back to revision 6 would also undo the Django 4\.2 upgrade/);
    expect(report.headline.length).toBeLessThan(700);
  });

  it('says nothing of refusals while most POSTs pass: stale forms and foreign pages, not the site refused', () => {
    expect(analyzeCsrfRefused(upgraded(8, 2))).toEqual([]);
  });

  it('says nothing of a few refusals', () => {
    const ev = upgraded(2, 2);
    expect(analyzeCsrfRefused({ ...ev, logs: ev.logs.slice(0, 2) })).toEqual([]);
  });
});
