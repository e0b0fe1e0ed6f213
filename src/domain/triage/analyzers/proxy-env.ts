/**
 * A proxy in the container's env (HTTP_PROXY / HTTPS_PROXY, any case) without a NO_PROXY that
 * covers the cluster: the HTTP client sends calls to in-cluster Services to the proxy too, which
 * refuses internal destinations (Squid's 403 ERR_ACCESS_DENIED) or cannot reach them (502, 504,
 * timeouts), while calls to the outside go through. The pods stay Ready behind a shallow health
 * check; the called Services are fine. A senior SRE reads it off the env and the failing URLs.
 */
import { capitalize, truncate } from '../../text.js';
import { listEnvAddresses, splitWords } from '../env-dependency.js';
import type { ContainerSpecEvidence, LogEvidence, PodEvidence, RevisionEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Confidence, Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';
import { CLUSTER_NO_PROXY, isClusterHost, isExemptFromProxy, listLineHosts, readProxyEnv } from '../proxy-env.js';
import type { ProxyEnv } from '../proxy-env.js';
import { readLineTime } from '../request-silence.js';
import { sortRevisions } from '../revision-diff.js';
import { earliest } from '../time-span.js';
import { isErrorLine } from '../unexplained.js';

/** The proxy's own words in the answer a client logs: Squid's headers and error pages, a refused CONNECT, a client's proxy error. */
const PROXY_ANSWER = /\bsquid\b|\bERR_(?:ACCESS_DENIED|CONNECT_FAIL|DNS_FAIL|READ_TIMEOUT)\b|X-Squid-Error|ProxyError|Proxy Authentication Required|Tunnel connection failed|Unable to (?:connect to|tunnel through) proxy|proxyconnect\b|\bvia[=:]\s*"?1\.[01] /i;
/** What a proxy answers for a destination it refuses or cannot reach. */
const REFUSED_CALL = /\b(?:403|407|502|503|504)\b|\bForbidden\b|Bad Gateway|Gateway Time-?out|timed out|\btimeout\b/i;
/** A call that went through. */
const PASSED = /\b(?:ok|succe\w*|2\d\d)\b/i;

/** Two refused calls make a pattern; one may be a path nobody uses. */
const MIN_HITS = 2;

interface Hit {
  log: LogEvidence;
  line: string;
  hosts: string[];
}

interface Suspect {
  container: string;
  proxy: ProxyEnv;
  spec: ContainerSpecEvidence;
  pods: PodEvidence[];
}

/** Per container name, the pods whose env sets a proxy (the first pod's env speaks for the rest of its revision). */
function listSuspects(ev: TriageEvidence): Suspect[] {
  const byContainer = new Map<string, Suspect>();
  for (const p of ev.pods) {
    for (const c of p.containers) {
      const proxy = readProxyEnv(c.env, c.envFrom);
      if (proxy === undefined) continue;
      const s = byContainer.get(c.name);
      if (s) s.pods.push(p);
      else byContainer.set(c.name, { container: c.name, proxy, spec: c, pods: [p] });
    }
  }
  return [...byContainer.values()];
}

export function analyzeProxyEnv(ev: TriageEvidence): Finding[] {
  const services = new Set(ev.services.map((s) => s.name.toLowerCase()));
  const clusterIps = new Set(ev.services.flatMap((s) => (s.clusterIP ? [s.clusterIP] : [])));
  return listSuspects(ev).flatMap((s) => {
    const names = new Set(s.pods.map((p) => p.name));
    const logs = ev.logs.filter((l) => names.has(l.pod) && l.container === s.container);
    // Calls to the cluster's own hosts that NO_PROXY leaves to the proxy, answered the way a proxy refuses.
    // The proxy's own address is no call through it (an in-cluster proxy that is unreachable is another story).
    const own = s.proxy.proxy.replace(/:\d+$/, '').toLowerCase();
    const proxied = (h: string) => h !== own && isClusterHost(h, services, clusterIps) && !isExemptFromProxy(h, s.proxy.noProxy ?? []);
    const hits: Hit[] = logs.flatMap((log) =>
      log.lines.flatMap((line) => {
        if (!REFUSED_CALL.test(line) && !PROXY_ANSWER.test(line)) return [];
        const hosts = listLineHosts(line).filter(proxied);
        return hosts.length > 0 ? [{ log, line: line.trim(), hosts }] : [];
      }),
    );
    if (hits.length < MIN_HITS) return [];
    return [describeProxied(ev, s, hits, logs, services, clusterIps)];
  });
}

/** The newest revision, when it brought the proxy in (or cut NO_PROXY short) and the hit pods run it. */
function findIntroduction(ev: TriageEvidence, s: Suspect, hosts: readonly string[]): { revision: RevisionEvidence; what: string } | undefined {
  const [newest, previous] = sortRevisions(ev.revisions);
  if (newest === undefined || previous === undefined || !s.pods.some((p) => p.revisionHash === newest.hash)) return undefined;
  const before = previous.containers.find((c) => c.name === s.container);
  const was = readProxyEnv(before?.env, before?.envFrom);
  if (was === undefined) return { revision: newest, what: `revision ${newest.revision} added ${s.proxy.names.join(', ')}${s.proxy.noProxy === undefined ? ' without NO_PROXY' : ''}` };
  const covered = hosts.some((h) => isExemptFromProxy(h, was.noProxy ?? []));
  return covered ? { revision: newest, what: `revision ${newest.revision} changed NO_PROXY: ${JSON.stringify((was.noProxy ?? []).join(','))} → ${JSON.stringify((s.proxy.noProxy ?? []).join(','))}` } : undefined;
}

/** Calls to outside addresses of the env that went through the proxy: it works, it only refuses the cluster's hosts. */
function findPassedOutside(s: Suspect, logs: readonly LogEvidence[], services: ReadonlySet<string>, clusterIps: ReadonlySet<string>): string | undefined {
  const outside = listEnvAddresses(s.spec).filter((a) => !isClusterHost(a.host, services, clusterIps) && !isExemptFromProxy(a.host, s.proxy.noProxy ?? []) && a.host !== s.proxy.proxy.replace(/:\d+$/, ''));
  for (const a of outside) {
    const words = splitWords(`${a.env} ${a.host.split('.').slice(0, -1).join(' ')}`);
    for (const l of logs) {
      const line = l.lines.find((x) => PASSED.test(x) && !REFUSED_CALL.test(x) && !isErrorLine(x) && (x.includes(a.host) || [...splitWords(x)].some((w) => words.has(w))));
      if (line !== undefined) return `calls to the outside pass through the proxy: ${a.env} (${a.host}): ${truncate(condenseStructuredLine(line.trim()), 160)}`;
    }
  }
  return undefined;
}

/** What the proxy answered, in the clients' words: statuses and the proxy's error names. */
function describeAnswers(hits: readonly Hit[]): string {
  const said = new Set<string>();
  for (const h of hits) {
    for (const m of h.line.matchAll(/\b(403|407|502|503|504)\b/g)) said.add(m[1] ?? '');
    if (/\bForbidden\b/i.test(h.line) && !said.has('403')) said.add('Forbidden');
    if (/timed out|\btimeout\b/i.test(h.line)) said.add('timeouts');
    const err = /\bERR_[A-Z_]+\b/.exec(h.line)?.[0];
    if (err !== undefined) said.add(err);
  }
  return [...said].join(', ');
}

function describeProxied(ev: TriageEvidence, s: Suspect, hits: Hit[], logs: readonly LogEvidence[], services: ReadonlySet<string>, clusterIps: ReadonlySet<string>): Finding {
  const { proxy, container } = s;
  const hosts = unique(hits.flatMap((h) => h.hosts));
  const pods = unique(hits.map((h) => h.log.pod));
  const podObjects = s.pods.filter((p) => pods.includes(p.name));
  const answered = hits.filter((h) => PROXY_ANSWER.test(h.line));
  const introduced = findIntroduction(ev, s, hosts);
  const outside = findPassedOutside(s, logs, services, clusterIps);
  // A line with the proxy's own words proves the call went there; the rest is inference from the env.
  const seen = answered.length > 0;
  const base: Confidence = seen ? 'high' : introduced !== undefined ? 'medium' : 'low';
  const confidence: Confidence = proxy.unseenNoProxy !== undefined && base === 'high' ? 'medium' : base;
  const decisive = condenseStructuredLine((answered.at(-1) ?? hits.at(-1) ?? hits[0])?.line ?? '');
  const names = proxy.names.length === 1 ? proxy.names[0] ?? '' : `${proxy.names.slice(0, -1).join(', ')} and ${proxy.names.at(-1) ?? ''}`;
  const noProxy =
    proxy.noProxy !== undefined
      ? `NO_PROXY ${JSON.stringify(proxy.noProxy.join(','))} does not cover them`
      : proxy.unseenNoProxy !== undefined
        ? `no NO_PROXY in its env (${proxy.unseenNoProxy} may set one, which does not cover them)`
        : 'no NO_PROXY set';
  const answers = describeAnswers(hits);
  const shown = hosts.slice(0, 3).join(', ') + (hosts.length > 3 ? ` and ${hosts.length - 3} more` : '');
  // A bare Service name ("inventory") is no .svc name: NO_PROXY must list it; IPs need the CIDRs.
  const bare = hosts.filter((h) => !/\./.test(h) || (h.split('.').length === 2 && !/\.(svc|local)$/.test(h)));
  const entries = unique([...(proxy.noProxy ?? []), ...CLUSTER_NO_PROXY, ...bare, '<Service CIDR>', '<pod CIDR>']).join(',');
  const fix = `${proxy.noProxy !== undefined ? 'extend' : 'add'} NO_PROXY=${entries} to container ${container}'s env (and the same as no_proxy, which some clients read instead), so calls inside the cluster bypass the proxy ${proxy.proxy}`;
  const ref = formatWorkloadRef(ev.target);
  const rollback = introduced !== undefined ? sortRevisions(ev.revisions)[1] : undefined;
  // Ready pods show no failure in their status: the first refused call is when the trouble began.
  const onset = earliest(hits.map((h) => readLineTime(h.line)));
  return {
    id: `proxy-env/${container}`,
    kind: 'proxy-env',
    title: `Container ${container}'s ${names} send${proxy.names.length === 1 ? 's' : ''} in-cluster calls to the proxy ${proxy.proxy} (${noProxy}): calls to ${shown} answered ${answers || 'with errors'}${seen ? ' by the proxy' : ''} in ${hits.length} log lines`,
    layer: 'network/routing',
    severity: severityForPods(ev, podObjects.length),
    confidence,
    evidence: [
      `container ${container} env: ${proxy.names.map((n) => `${n}=${proxy.proxy}`).join(', ')}; ${proxy.noProxy !== undefined ? `NO_PROXY=${proxy.noProxy.join(',')}` : proxy.unseenNoProxy !== undefined ? `no literal NO_PROXY (${proxy.unseenNoProxy})` : 'no NO_PROXY'}`,
      ...(introduced ? [introduced.what] : []),
      `${hits.length} log lines of calls to in-cluster hosts (${hosts.join(', ')}) refused, in the logs of ${pods.length} pod${pods.length === 1 ? '' : 's'}${seen ? `, ${answered.length} with the proxy's own words` : ''}`,
      ...unique([answered.at(-1), hits.at(-1)].flatMap((h) => (h ? [`log ${h.log.pod}: ${truncate(condenseStructuredLine(h.line), 240)}`] : []))),
      ...(outside ? [outside] : []),
    ],
    decisive,
    ...(onset !== undefined ? { onset } : {}),
    likelyCause:
      `HTTP clients (Python requests, Go net/http, curl, Java with proxy properties, Node agents) send every call to the proxy that ${names} name${proxy.names.length === 1 ? 's' : ''} unless NO_PROXY exempts the host, and they know nothing of the cluster: ${noProxy.replace(/ them$/, ' the cluster\'s hosts')}, so calls to Services (*.svc, *.cluster.local, bare Service names, cluster IPs) go to ${proxy.proxy} as well. ` +
      `An egress proxy refuses internal destinations (Squid answers 403 ERR_ACCESS_DENIED) or cannot reach them (502, 504, timeouts), while calls to the outside go through. ` +
      `The pods stay Ready when their health check calls nothing, and the Services called are not at fault: the answers come from the proxy.`,
    nextAction: `${rollback ? `Roll back to revision ${rollback.revision} meanwhile (\`${formatKubectl(ev.target, `rollout undo ${ref} --to-revision=${rollback.revision}`)}\` — the bot will not); then ` : ''}${rollback ? fix : capitalize(fix)}.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `get ${ref} -o jsonpath='{.spec.template.spec.containers[?(@.name=="${container}")].env}'`),
      formatKubectl(ev.target, `logs ${pods[0] ?? ''} -c ${container} --tail=100`),
    ],
    affected: { pods, nodes: listNodesOf(podObjects) },
  };
}
