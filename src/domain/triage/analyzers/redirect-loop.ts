/**
 * The workload answering (nearly) every caller's request with a redirect to the same URL over
 * https while the requests already came over https at the edge (redirect-loop.ts): a forced https
 * redirect in an app that does not trust the TLS-ending proxy's X-Forwarded-Proto. The setting
 * that switched it on is named from the keys of the ConfigMap the container takes its variables
 * from, and an edit of that ConfigMap before the first redirect is the since.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { findRedirectLoop, findRedirectSetting } from '../redirect-loop.js';
import { formatAgo, msBetween } from '../time-span.js';
import { isInTriggerWindow } from '../trigger-window.js';

/** A ConfigMap edit this long before the first redirect the log holds still dates it. */
const SINCE_WINDOW_MS = 24 * 60 * 60_000;

export function analyzeRedirectLoop(ev: TriageEvidence): Finding[] {
  const loop = findRedirectLoop(ev.logs, ev.pods);
  if (loop === undefined) return [];
  const podObjects = ev.pods.filter((p) => loop.pods.includes(p.name));
  const ready = podObjects.filter((p) => p.ready).length;
  const spec = ev.workload?.templateContainers.find((c) => c.name === loop.container);
  const setting = findRedirectSetting(spec, ev.namespaceObjects ?? []);
  const changed = setting?.changedAt;
  const dated = changed !== undefined && (loop.firstAt === undefined || (msBetween(changed, loop.firstAt) >= 0 && msBetween(changed, loop.firstAt) <= SINCE_WINDOW_MS));
  // Within the trigger window the verdict names the change itself; before it, the title does.
  const since = dated && changed !== undefined && !isInTriggerWindow(changed, loop.firstAt) ? ` since ${setting?.source ?? 'its config'} changed ${formatAgo(changed, ev.collectedAt)}` : '';
  const django = setting !== undefined && /SECURE_SSL_REDIRECT|DJANGO/i.test(setting.key);
  const edge = loop.forwardedHttps > 0 ? 'though they came over https at the edge (X-Forwarded-Proto: https)' : 'the same URL again and again';
  const switched = setting !== undefined ? `${setting.key} in ${setting.source} forces https` : 'the app forces https';
  const trust = django ? 'SECURE_PROXY_SSL_HEADER' : "the proxy's X-Forwarded-Proto";
  const counted = `${loop.redirects} of ${loop.total} requests in ${loop.pods.length} ${ready === loop.pods.length ? 'ready ' : ''}pod${loop.pods.length === 1 ? '' : 's'}`;
  const title =
    `${ev.target.name} answers ${loop.redirects === loop.total ? 'every' : 'nearly every'} request with ${loop.status} to the same https URL — a redirect loop (${counted})${since}: ` +
    `${switched} without trusting ${trust}, so requests the ingress forwards as plain HTTP look insecure`;
  const fix = django
    ? `set SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") so Django trusts the ingress's X-Forwarded-Proto, or turn ${setting?.key ?? 'SECURE_SSL_REDIRECT'} off and let the ingress redirect to https`
    : `make the app trust the TLS-ending proxy's X-Forwarded-Proto (Django SECURE_PROXY_SSL_HEADER, Express "trust proxy", Spring server.forward-headers-strategy, Rails assume_ssl), or turn ${setting?.key ?? 'its forced https redirect'} off and let the ingress redirect to https`;
  return [{
    id: `container-config/redirect-loop/${loop.container}`,
    kind: 'container-config',
    title,
    ...(dated ? { datesChange: true as const } : {}),
    layer: 'network/routing',
    severity: 'critical',
    confidence: setting !== undefined && loop.forwardedHttps > 0 ? 'high' : 'medium',
    evidence: [
      `${counted} answered ${loop.status}${loop.sameUrl > 0 ? `, ${loop.sameUrl} of them to the very URL asked over https` : ''}${loop.forwardedHttps > 0 ? `, ${loop.forwardedHttps} of requests that came with X-Forwarded-Proto: https (xfp=https)` : ''}${loop.repeated > 0 ? `; ${loop.repeated} of a path the same client asked again and again` : ''} (paths ${loop.paths.map((p) => `"${p}"`).join(', ')})`,
      `log ${loop.pod}/${loop.container}: ${loop.line.slice(0, 300)}`,
      ...(setting !== undefined ? [`${setting.source}${setting.changedAt ? ` (changed ${formatAgo(setting.changedAt, ev.collectedAt)})` : ''} has ${setting.key}${setting.trustKey ? ` and ${setting.trustKey}` : `, and no key that trusts the proxy's scheme header (${django ? 'SECURE_PROXY_SSL_HEADER' : 'X-Forwarded-Proto'})`}`] : []),
      `${ready}/${podObjects.length} of these pods Ready: the probes${loop.probesServed > 0 ? ` are answered 200 (${loop.probesServed} in the log)` : ' do not go through the redirect'}, their paths exempt from it`,
    ],
    decisive: loop.line.slice(0, 300),
    ...(loop.firstAt !== undefined ? { onset: loop.firstAt } : {}),
    likelyCause:
      `TLS ends at the ingress, which forwards the request as plain HTTP with X-Forwarded-Proto: https. An app told to force https (${setting?.key ?? 'a forced https redirect'}) that does not trust that header sees every request as insecure and answers ${loop.status} to the https form of the same URL; ` +
      `the browser follows, arrives the same way, and is redirected again until it gives up with "too many redirects" (ERR_TOO_MANY_REDIRECTS). The probes' paths are exempt, so the pods stay Ready while no page loads.` +
      `${dated && setting ? ` ${setting.source} gained the setting ${formatAgo(changed, ev.collectedAt)}.` : ''}`,
    nextAction: `Mitigate: turn ${setting?.key ?? 'the forced https redirect'} off${setting?.configMap ? ` in ConfigMap ${setting.configMap}` : ''} and restart ${ev.target.name} (the ingress already serves https); the fix: ${fix}.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `logs ${loop.pod} -c ${loop.container} --tail=100`),
      ...(setting?.configMap ? [formatKubectl(ev.target, `get configmap ${setting.configMap} -o yaml`)] : []),
    ],
    affected: { pods: loop.pods, nodes: listNodesOf(podObjects), ...(setting?.configMap ? { configMaps: [setting.configMap] } : {}) },
  }];
}
