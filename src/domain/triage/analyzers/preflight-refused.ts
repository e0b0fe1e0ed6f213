/**
 * Browsers' CORS preflights refused (preflight-refusal.ts): every OPTIONS with an Origin answered
 * 405 (or 403, 404, 400) while the other methods succeed and the pods stay Ready. The single-page
 * site behind those origins cannot call the API at all. The usual cause is the API's own release
 * (a framework upgrade or app-factory rewrite that dropped the CORS middleware): the verdict finds
 * the revision from the onset, and rolling it back restores the preflight answer meanwhile.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { formatEnvValue, sortRevisions } from '../revision-diff.js';
import { findPreflightRefusals } from '../preflight-refusal.js';
import { joinAnd, truncate } from '../../text.js';

/** Env names that configure CORS in the container (CORS_ALLOWED_ORIGINS, ALLOWED_ORIGINS): the app means to answer preflights. */
const CORS_ENV = /CORS|ALLOWED_ORIGINS|ALLOW_ORIGIN/i;

export function analyzePreflightRefused(ev: TriageEvidence): Finding[] {
  const r = findPreflightRefusals(ev.logs, new Set(ev.pods.map((p) => p.name)));
  if (r === undefined) return [];
  const podObjects = ev.pods.filter((p) => r.pods.includes(p.name));
  const ready = podObjects.filter((p) => p.ready).length;
  const [newest] = sortRevisions(ev.revisions);
  const corsEnv = (newest?.containers ?? []).flatMap((c) => c.env.filter((e) => CORS_ENV.test(e.name)).map((e) => `${e.name}=${truncate(formatEnvValue(e), 80)}`));
  const every = r.refused === r.preflights ? 'every' : 'nearly every';
  const origins = r.origins.length > 0 ? ` from ${joinAnd(r.origins.slice(0, 2))}` : '';
  const others = r.othersPassed > 0 ? `, while ${r.othersPassed} other requests (no preflight: server-to-server) succeed` : '';
  const title = `${ev.target.name} answers ${every} CORS preflight (OPTIONS${origins}) ${r.status} ${r.reason}: ${r.refused}/${r.preflights} preflights refused in ${r.pods.length} ${ready === r.pods.length ? 'ready ' : ''}pod${r.pods.length === 1 ? '' : 's'}${others} — browsers cannot call it`;
  const middleware = r.middleware ? `its startup line lists middleware ${joinAnd(r.middleware)} and no CORS middleware` : undefined;
  const fix = 'restore the CORS handling (register the CORS middleware with the allowed origins, so OPTIONS preflights are answered 2xx with Access-Control-Allow-* headers)';
  return [{
    id: 'container-config/cors-preflight',
    kind: 'container-config',
    title,
    layer: 'container/process',
    severity: severityForPods(ev, Math.max(podObjects.length, ev.pods.length)),
    confidence: r.middleware || corsEnv.length > 0 ? 'high' : 'medium',
    evidence: [
      `${r.refused} of ${r.preflights} browser OPTIONS requests answered ${r.status} in ${joinAnd(r.pods.slice(0, 3))}${r.pods.length > 3 ? ' …' : ''}, on ${r.paths.length} paths (${truncate(r.paths.slice(0, 4).join(', '), 160)})`,
      `requests of other methods in the same logs: ${r.othersPassed} answered below 400, ${r.othersFailed} answered 400 or above`,
      `log ${r.linePod}: ${truncate(r.line, 300)}`,
      ...(middleware ? [middleware] : []),
      ...(corsEnv.length > 0 ? [`the container is configured for CORS (${joinAnd(corsEnv)}), yet no preflight is allowed`] : []),
      ...(newest?.changeCause ? [`revision ${newest.revision} change cause: "${truncate(newest.changeCause, 160)}"`] : []),
    ],
    // The access line itself is long (user agent, client, response body): its request and answer are what decide.
    decisive: `OPTIONS ${r.paths[0] ?? '/'} ${r.status} ${r.reason}${r.origins[0] ? ` (Origin ${r.origins[0]})` : ''}`,
    ...(r.first ? { onset: r.first } : {}),
    likelyCause:
      `Before a cross-origin request that is not "simple" (a JSON POST, a PUT, a custom header) a browser sends an OPTIONS preflight with Origin and Access-Control-Request-Method, and sends the real request only if that is answered 2xx with Access-Control-Allow-* headers. ` +
      `Here every preflight gets ${r.status} ${r.reason}: the app has no CORS handling any more (the middleware dropped by a framework upgrade or an app-factory rewrite, or its origin list emptied)${middleware ? ` — ${middleware}` : ''}, so the browsers behind those origins cannot call the API at all, while server-to-server calls and the probes, which send no preflight, succeed.`,
    nextAction: `Roll back to the previous revision to restore the preflight answer now, then ${fix}.`,
    fix,
    confirmCommands: [formatKubectl(ev.target, `logs ${r.pods[0] ?? ''} --tail=200 | grep OPTIONS`)],
    affected: { pods: r.pods, nodes: listNodesOf(podObjects) },
  }];
}
