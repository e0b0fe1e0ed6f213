import { describe, expect, it } from 'vitest';
import { analyzeTrailingSlash404 } from '../../../../src/domain/triage/analyzers/trailing-slash-404.js';
import { IMAGE_V14, REV6, REV7, baseEvidence, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const miss = (minutes: number, path: string) =>
  `${minutesAgo(minutes)}  WARN 1 --- [orders] [nio-8080-exec-3] .w.s.m.s.DefaultHandlerExceptionResolver : Resolved [org.springframework.web.servlet.resource.NoResourceFoundException: No static resource ${path}.]`;

/** Revision 7 (40 minutes ago, or `ago`) moved the app to Spring Boot 3; its pods log 404s on slash-ended paths. */
function upgraded(lines: string[], ago = 40) {
  const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(ago - 1) }));
  return baseEvidence({
    pods,
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { changeCause: 'deploy 2.14.0', containers: [revisionContainer()] }),
      revision(REV7, minutesAgo(ago), { replicas: 3, changeCause: 'deploy 3.0.0 (Spring Boot 3.2 upgrade)', containers: [revisionContainer({ image: IMAGE_V14.replace('2.14.0', '3.0.0') })] }),
    ],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
  });
}

const SLASHED = [miss(30, 'api/v2/orders/1842/items/'), miss(20, 'api/v2/orders/77/items/'), miss(10, 'api/v2/orders/903/items/'), miss(5, 'favicon.ico')];

describe('analyzeTrailingSlash404: Spring 6 no longer matching a trailing slash', () => {
  it('names the trailing slash, the 404, the framework default and the rollback', () => {
    const [f] = analyzeTrailingSlash404(upgraded(SLASHED));
    expect(f?.title).toContain('payment-service answers 404 to URLs with a trailing slash ("/api/v2/orders/{id}/items/"');
    expect(f?.title).toContain('Spring Framework 6.1+ (Spring Boot 3.2+) no longer matches a trailing slash');
    expect(f?.nextAction).toMatch(/^Roll back to revision 6, or restore trailing-slash handling/);
  });

  it('names the upgrade revision in the title when it rolled out long before the first miss', () => {
    const [f] = analyzeTrailingSlash404(upgraded(SLASHED, 3 * 24 * 60));
    expect(f?.title).toContain('since revision 7 (3d ago: app image 2.14.0 → 3.0.0 — deploy 3.0.0 (Spring Boot 3.2 upgrade))');
  });

  it('stays silent on misses of paths without a trailing slash', () => {
    expect(analyzeTrailingSlash404(upgraded([miss(30, 'favicon.ico'), miss(20, 'robots.txt'), miss(10, 'wp-login.php'), miss(4, 'api/v2/x/')]))).toEqual([]);
  });
});
