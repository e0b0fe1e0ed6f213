/**
 * Django's CSRF check refusing the site's writes (csrf-refusal.ts): every POST answered 403 while
 * the pods stay Ready and GETs work. The refusal names why; the usual cause is an upgrade to
 * Django 4 behind a proxy that ends TLS, whose Origin check needs CSRF_TRUSTED_ORIGINS with the
 * scheme and SECURE_PROXY_SSL_HEADER. The revision that brought it is the trigger (found by the
 * verdict from the onset); a rollback restores the old check, so the fix comes first.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { findCsrfRefusals, readDjangoUpgrade } from '../csrf-refusal.js';
import type { CsrfRefusals } from '../csrf-refusal.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { sortRevisions } from '../revision-diff.js';
import { joinAnd, truncate } from '../../text.js';

const PROXY_HEADER = "SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')";

function describeCause(r: CsrfRefusals, trusted: string): string {
  switch (r.reason) {
    case 'origin':
      return `Since Django 4.0 the CSRF middleware compares the Origin header of every unsafe request with the request's own scheme and host and with CSRF_TRUSTED_ORIGINS, whose entries must now carry the scheme (https://…). Behind a load balancer or ingress that ends TLS, Django sees plain http unless ${PROXY_HEADER} tells it to trust the forwarded scheme (and the server in front of it passes X-Forwarded-Proto), so ${trusted} never matches and every POST — forms, logins, the admin — is answered 403 while GETs work.`;
    case 'referer':
      return `Over HTTPS Django also checks the Referer of unsafe requests against the host and CSRF_TRUSTED_ORIGINS; a scheme or host Django does not see as its own (TLS ended in front of it without SECURE_PROXY_SSL_HEADER, a new domain) fails it for every POST.`;
    case 'cookie':
      return `The browsers' unsafe requests come back without the csrftoken cookie: a cookie set Secure (CSRF_COOKIE_SECURE) while Django believes it serves http behind a proxy that ends TLS, or a CSRF_COOKIE_DOMAIN that does not match the site, keeps it from being set or sent, so every POST is answered 403.`;
    case 'token':
      return `The CSRF token the forms send does not match the one Django expects: a change of CSRF_COOKIE_NAME, CSRF_USE_SESSIONS, the session store or the secret key since the pages were rendered makes every POST fail with 403.`;
  }
}

export function analyzeCsrfRefused(ev: TriageEvidence): Finding[] {
  const r = findCsrfRefusals(ev.logs, new Set(ev.pods.map((p) => p.name)));
  if (r === undefined) return [];
  const podObjects = ev.pods.filter((p) => r.pods.includes(p.name));
  const [newest] = sortRevisions(ev.revisions);
  const upgrade = readDjangoUpgrade(newest?.changeCause);
  const origin = r.origins[0];
  const trusted = origin !== undefined ? `"${origin}"` : 'the origin the browsers send';
  const every = r.passed === 0 ? 'every' : 'most';
  const answered = r.refused403 > 0 ? `, ${r.refused403} POST${r.refused403 === 1 ? '' : 's'} answered 403` : ' (403)';
  const upgraded = upgrade ? ` after the upgrade to Django ${upgrade.to} (from ${upgrade.from})` : '';
  // The refusal's own words are the decisive line the headline quotes: the title counts.
  const passedText = r.passed === 0 ? '' : `, ${r.passed} passed`;
  const title = `Django's CSRF ${r.reason === 'origin' ? 'Origin check' : r.reason === 'referer' ? 'Referer check' : 'check'} refuses ${every} POST with 403${upgraded}: ${r.refusals.length} refusals in ${r.pods.length} pod${r.pods.length === 1 ? '' : 's'}${answered}${passedText}`;
  const proxied = origin?.startsWith('https://') === true;
  const settings = r.reason === 'origin' || r.reason === 'referer'
    ? `set CSRF_TRUSTED_ORIGINS=${origin ?? 'https://<the site>'} (with the scheme)${proxied ? ` and ${PROXY_HEADER}` : ''} in the Django settings`
    : r.reason === 'cookie'
      ? `set ${PROXY_HEADER} so Django knows it serves https, and check CSRF_COOKIE_SECURE / CSRF_COOKIE_DOMAIN against the site`
      : 'restore the CSRF settings the pages were rendered with (CSRF_COOKIE_NAME, CSRF_USE_SESSIONS, SECRET_KEY)';
  const last = r.refusals.at(-1);
  return [{
    id: 'token-rejected/csrf',
    kind: 'token-rejected',
    title,
    layer: 'container/process',
    severity: severityForPods(ev, Math.max(podObjects.length, ev.pods.length)),
    confidence: r.reason === 'origin' && proxied ? 'high' : 'medium',
    evidence: [
      `${r.refusals.length} django.security.csrf refusals in ${joinAnd(r.pods.slice(0, 3))}${r.pods.length > 3 ? ' …' : ''}, on ${r.paths.length} paths (${truncate(r.paths.slice(0, 4).join(', '), 160)})`,
      `unsafe requests in the access log: ${r.refused403} answered 403, ${r.passed} answered below 400`,
      ...(last ? [`log ${last.pod}: ${truncate(last.line, 300)}`] : []),
      ...(upgrade && newest ? [`revision ${newest.revision} change cause: "${truncate(newest.changeCause ?? '', 160)}"`] : []),
    ],
    decisive: `Forbidden (${r.reasonText}.)`,
    ...(r.first ? { onset: r.first } : {}),
    ...(upgrade ? { rollbackUndoes: `undo the Django ${upgrade.to} upgrade` } : {}),
    likelyCause: describeCause(r, trusted),
    nextAction: `${settings.charAt(0).toUpperCase()}${settings.slice(1)}, then roll the pods; rolling back the revision that brought it restores the old behaviour meanwhile.`,
    fix: settings,
    confirmCommands: [
      formatKubectl(ev.target, `logs ${r.pods[0] ?? ''} --tail=200 | grep -e django.security.csrf -e '" 403 '`),
    ],
    affected: { pods: r.pods, nodes: listNodesOf(podObjects) },
  }];
}
