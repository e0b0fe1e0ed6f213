/**
 * The pods' forward proxy refuses a destination by its access rules: their HTTP client asks
 * HTTP(S)_PROXY for a tunnel and gets 403 Forbidden, so the destination is never called and the
 * requests that need it fail, while the pods stay Ready. The proxy is up (it answered); its
 * allow-list lacks the destination. A senior SRE names the proxy, the refused host and the acl that
 * lacks it, and adds the host there — a rollback only points the pods back where the list allows.
 */
import { capitalize, truncate } from '../../text.js';
import type { PodEvidence, RevisionEvidence, TriageEvidence } from '../evidence.js';
import type { ProxyAclEvidence } from '../evidence-proxy-acl.js';
import { condenseStructuredLine, findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';
import { readAllowList } from '../proxy-allow-list.js';
import type { AllowList } from '../proxy-allow-list.js';
import { findProxyDenials, quoteDenial } from '../proxy-denial.js';
import type { ProxyDenials } from '../proxy-denial.js';
import { readLineTime } from '../request-silence.js';
import { sortRevisions } from '../revision-diff.js';
import { earliest, formatAgo } from '../time-span.js';

/** How many of an acl's values the text quotes before "…". */
const VALUES_SHOWN = 5;

export function analyzeProxyDenials(ev: TriageEvidence): Finding[] {
  const found = findProxyDenials({ logs: ev.logs, pods: ev.pods, services: ev.services, namespace: ev.target.namespace });
  return found === undefined ? [] : [describeDenials(ev, found)];
}

/** The env entry of the newest revision that names the host where the one before named another: the revision that sent the pods there. */
function findSwitch(ev: TriageEvidence, host: string): { revision: RevisionEvidence; env: string; was?: string; now: string } | undefined {
  const [newest, previous] = sortRevisions(ev.revisions);
  if (newest === undefined || previous === undefined) return undefined;
  const valueOf = (r: RevisionEvidence, name: string) => r.containers.flatMap((c) => c.env).find((e) => e.name === name && 'value' in e);
  for (const e of newest.containers.flatMap((c) => c.env)) {
    if (!('value' in e) || !e.value.toLowerCase().includes(host)) continue;
    const before = valueOf(previous, e.name);
    const was = before && 'value' in before ? before.value : undefined;
    if (was?.toLowerCase().includes(host)) continue;
    return { revision: newest, env: e.name, now: e.value, ...(was !== undefined ? { was } : {}) };
  }
  return undefined;
}

function describeAcl(list: AllowList): string {
  return list.acls.map((a) => `acl ${a.name} (${a.type} ${a.values.slice(0, VALUES_SHOWN).join(' ')}${a.values.length > VALUES_SHOWN ? ' …' : ''})`).join(', ');
}

/** What the proxy's rules say of the host, read from the ConfigMap its pod mounts. */
function readRules(acl: ProxyAclEvidence | undefined, host: string | undefined): { list: AllowList; where: string } | undefined {
  if (acl?.configMap === undefined || host === undefined) return undefined;
  const list = readAllowList(acl.rules, host);
  return list === undefined ? undefined : { list, where: `ConfigMap ${acl.configMap}${acl.key ? ` (${acl.key})` : ''}` };
}

function describeDenials(ev: TriageEvidence, d: ProxyDenials): Finding {
  const pods = unique(d.hits.map((h) => h.log.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const unready = podObjects.filter((p: PodEvidence) => !p.ready).length;
  const host = d.destinations[0];
  const dest = host ?? 'the destination';
  const names = d.proxy.names.join('/');
  const proxyName = d.service !== undefined ? `the proxy Service ${d.service} (${names})` : `the proxy ${d.proxy.proxy} (${names})`;
  const short = d.service ?? d.proxy.proxy;
  const acl = ev.proxyAcl?.service === d.service ? ev.proxyAcl : undefined;
  const rules = readRules(acl, host);
  const lacking = rules && rules.list.listedIn === undefined && !rules.list.fromFile ? rules.list.acls[0] : undefined;
  const since = earliest(d.hits.map((h) => readLineTime(h.line)));
  const change = host === undefined ? undefined : findSwitch(ev, host);
  const last = d.hits.at(-1)?.line ?? '';
  const decisive = quoteDenial(last) ?? condenseStructuredLine(last);

  const why = lacking
    ? `acl ${lacking.name} in ConfigMap ${acl?.configMap ?? ''} does not list it`
    : rules?.list.listedIn !== undefined
      ? `acl ${rules.list.listedIn} in ${rules.where} lists it, yet it is refused: an earlier http_access rule, or rules the running proxy has not reloaded`
      : `its access rules deny it`;
  const fix = lacking
    ? `add ${dest} to acl ${lacking.name} in ConfigMap ${acl?.configMap ?? ''} and reconfigure the proxy (squid -k reconfigure)`
    : rules?.list.listedIn !== undefined
      ? `make the proxy ${short} reload its rules (squid -k reconfigure, or restart its pods) and check the http_access rules before ${rules.list.listedIn}`
      : `allow ${dest} in the access rules of the proxy ${short} (its allow-list) and reconfigure it`;
  const who = `${pods.length} ${unready === 0 ? 'ready ' : ''}pod${pods.length === 1 ? '' : 's'}`;
  const evidence = [
    `the pods send outbound calls through ${names}=${d.proxy.proxy}${d.service ? ` (Service ${d.service} of the namespace)` : ''}${d.proxy.noProxy && host ? `; NO_PROXY (${d.proxy.noProxy.join(',')}) does not exempt ${host}` : ''}`,
    `the proxy answers their tunnel to ${dest} with 403 Forbidden (it is up and refuses by its rules; ${dest} is never called): ${d.hits.length} refused calls in the logs of ${who}${since ? ` since ${formatAgo(since, ev.collectedAt)}` : ''}`,
    ...(d.destinations.length > 1 ? [`other destinations refused: ${d.destinations.slice(1, 4).join(', ')}`] : []),
    ...(acl ? [`proxy pod ${acl.pod} (${acl.ready ? 'ready' : 'not serving'})${acl.refusals.length > 0 ? ` logs the refusal: ${truncate(acl.refusals.at(-1) ?? '', 300)}` : ''}`] : []),
    ...(rules ? [`${rules.where}: ${describeAcl(rules.list)}${rules.list.denyRest ? `; ${rules.list.denyRest}` : ''}`] : []),
    ...(change ? [`revision ${change.revision.revision} (${formatAgo(change.revision.createdAt, ev.collectedAt)}) set ${change.env}=${change.now}${change.was !== undefined ? ` (was ${change.was})` : ''}`] : []),
    ...d.hits.slice(-2).map((h) => `log ${h.log.pod}: ${condenseStructuredLine(h.line)}`),
  ];
  const confirm = [
    ...(acl?.configMap ? [formatKubectl(ev.target, `get configmap ${acl.configMap} -o yaml`)] : []),
    ...(acl ? [formatKubectl(ev.target, `logs ${acl.pod} --tail=200`)] : []),
    formatKubectl(ev.target, `logs ${d.hits[0]?.log.pod ?? ''} -c ${d.container} --tail=100`),
  ];
  return {
    id: `dependency-error/proxy-denied/${short}`,
    kind: 'dependency-error',
    title: `${capitalize(proxyName)} refuses the pods' tunnel to ${dest} with 403 Forbidden: ${why} (${d.hits.length} refused calls, ${who})`,
    layer: 'network/routing',
    severity: unready > 0 ? severityForPods(ev, unready) : 'warning',
    confidence: lacking !== undefined ? 'high' : 'medium',
    evidence,
    decisive,
    ...(since ? { onset: since } : {}),
    likelyCause:
      `The pods' HTTP client sends every outside call through ${names} (${d.proxy.proxy}); a 403 on the tunnel is the proxy's answer, not ${dest}'s: the proxy is up and its access rules refuse that destination, so the calls that need it fail while the pods stay Ready. ` +
      `${lacking ? `Its allow-list, acl ${lacking.name}, does not list ${dest}. ` : ''}${change ? `Revision ${change.revision.revision} sent the pods to ${dest}; the allow-list was not extended with it.` : 'A new destination, or a rule tightened on the proxy, is the usual story.'}`,
    nextAction: `${capitalize(fix)}.`,
    fix,
    ...(change ? { rollbackUndoes: `undo the switch to ${dest} (${change.env})` } : {}),
    confirmCommands: confirm,
    affected: { pods, nodes: listNodesOf(podObjects), ...(d.service ? { services: [d.service] } : {}) },
  };
}
