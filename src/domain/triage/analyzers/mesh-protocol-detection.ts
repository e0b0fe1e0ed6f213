/**
 * Linkerd's proxy in front of a server-speaks-first protocol (MySQL, SMTP, FTP): on a port not
 * marked opaque, the proxy reads the first bytes of each outbound connection to detect HTTP before
 * it connects on, while the client sends nothing until the server greets it. Both wait until the
 * proxy's detection times out ("protocol detection timed out after 10s"); by then the client has
 * given up on the greeting ("reading initial communication packet"). The server is fine; injecting
 * the proxy (a namespace asking for it, pods re-created since) is what changed.
 */
import type { ContainerEvidence, ServiceEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isLinkerdProxy } from '../mesh-control-plane.js';
import { formatPodShare, listNodesOf, severityForPods } from '../pod-status.js';
import { formatAgo } from '../time-span.js';
import { capitalize } from '../../text.js';

/** The proxy's own line: an outbound connection to addr held until detection gave up. */
const DETECTION_TIMEOUT = /outbound:proxy\{addr=([^}\s]+)\}[^\n]*protocol detection timed out after (\d+m?s)/;

/** A client that gave up waiting for its server's greeting, by protocol. */
const GREETING_LOST: { protocol: string; re: RegExp }[] = [
  { protocol: 'MySQL', re: /reading initial communication packet|Lost connection to (MySQL|MariaDB) server|Communications link failure/i },
  { protocol: 'SMTP', re: /SMTPServerDisconnected|Greeting never received|timed? ?out waiting for (the )?(SMTP )?greeting|smtplib\.\w*Timeout/i },
  { protocol: 'FTP', re: /timed? ?out waiting for (the )?(FTP )?welcome|ftplib\.\w*timeout/i },
];

const OPAQUE = 'config.linkerd.io/opaque-ports';
const SKIP = 'config.linkerd.io/skip-outbound-ports';

function serviceAt(ev: TriageEvidence, ip: string, port: number): ServiceEvidence | undefined {
  const all = [...ev.services, ...(ev.dependencyServices ?? []).map((d) => d.service)];
  return all.find((s) => s.clusterIP === ip && s.ports.some((p) => p.port === port));
}

function envValue(c: ContainerEvidence, name: string): string | undefined {
  const e = c.env?.find((x) => x.name === name);
  return e !== undefined && 'value' in e && typeof e.value === 'string' ? e.value : undefined;
}

export function analyzeMeshProtocolDetection(ev: TriageEvidence): Finding[] {
  const log = ev.meshControlPlane?.proxyLog;
  const timeouts = (log?.lines ?? []).flatMap((l) => {
    const m = DETECTION_TIMEOUT.exec(l);
    return m?.[1] === undefined ? [] : [{ line: l.trim(), addr: m[1], after: m[2] ?? '' }];
  });
  const last = timeouts.at(-1);
  if (log === undefined || last === undefined) return [];
  const [ip = '', portText = ''] = [last.addr.replace(/:\d+$/, ''), /:(\d+)$/.exec(last.addr)?.[1] ?? ''];
  const port = Number(portText);
  const meshed = ev.pods.filter((p) => [...p.containers, ...p.initContainers].some(isLinkerdProxy));
  const meshedNames = new Set(meshed.map((p) => p.name));
  const greetings = ev.logs.filter((l) => meshedNames.has(l.pod) && !l.container.includes('linkerd')).flatMap((l) => l.lines.flatMap((line) => {
    const g = GREETING_LOST.find((x) => x.re.test(line));
    return g === undefined ? [] : [{ pod: l.pod, container: l.container, line: line.trim(), protocol: g.protocol }];
  }));
  const greeting = greetings.at(-1);
  // Without the client's own words of a lost greeting, the detection timeout may be an idle client.
  if (greeting === undefined) return [];
  const svc = serviceAt(ev, ip, port);
  const svcPort = svc?.ports.find((p) => p.port === port);
  const target = svc !== undefined ? `${svc.name}:${port}` : last.addr;
  const failing = meshed.filter((p) => greetings.some((g) => g.pod === p.name) || !p.ready);
  const names = failing.map((p) => p.name);
  const without = ev.pods.filter((p) => !meshedNames.has(p.name));
  const proxy = [...(meshed[0]?.containers ?? []), ...(meshed[0]?.initContainers ?? [])].find(isLinkerdProxy);
  const skipped = proxy === undefined ? undefined : envValue(proxy, 'LINKERD2_PROXY_INBOUND_PORTS_DISABLE_PROTOCOL_DETECTION');
  const revisions = [...new Set(meshed.flatMap((p) => ev.revisions.filter((r) => r.hash === p.revisionHash).map((r) => r.revision)))];
  const ns = (ev.namespaceObjects ?? []).find((o) => o.kind === 'Namespace' && o.meshInjection?.mesh === 'Linkerd');
  const setting = ns?.meshInjection?.setting;
  const since = ns?.changedAt !== undefined ? `; namespace changed ${formatAgo(ns.changedAt, ev.collectedAt)}` : '';
  const injected = setting !== undefined
    ? `, injected since namespace ${ns?.name ?? ''} asks for it (${setting}${since}),`
    : revisions.length > 0 ? ` of revision ${revisions.join(', ')}` : '';
  const fix = `mark port ${port} opaque (${OPAQUE}: "${port}" on ${svc !== undefined ? `Service ${svc.name} and its pods` : 'the server\'s Service and pods'}), or skip it with ${SKIP}: "${port}" on ${ev.target.name}'s pod template`;
  const what = greeting.protocol;
  return [{
    id: `mesh-proxy/protocol-detection/${target}`,
    kind: 'mesh-proxy',
    title: `Linkerd proxy${injected} holds ${what} connections to ${target} in protocol detection: port ${port} is not opaque and ${what}'s server speaks first, so the client times out waiting for its greeting (${formatPodShare(ev, names.length)})`,
    layer: 'network/routing',
    severity: severityForPods(ev, Math.max(names.length, 1)),
    confidence: 'high',
    evidence: [
      `log ${log.pod}/${log.container}: ${timeouts.length} outbound connection${timeouts.length === 1 ? '' : 's'} to ${last.addr} waited ${last.after} for protocol detection: ${last.line}`,
      `log ${greeting.pod}/${greeting.container}: ${greeting.line}`,
      ...(svc !== undefined ? [`Service ${svc.name} port ${port}${svcPort?.name ? ` (${svcPort.name})` : ''} is at ${last.addr}; no ${OPAQUE} marks it opaque, or the proxy would not detect`] : []),
      ...(skipped !== undefined ? [`the proxy skips detection by default only on ports ${skipped}: ${port} is not among them`] : []),
      ...(setting !== undefined ? [`Namespace ${ns?.name ?? ''}: ${setting}${since}`] : []),
      `${meshed.length} pod${meshed.length === 1 ? '' : 's'} run linkerd-proxy${revisions.length > 0 ? ` (revision ${revisions.join(', ')})` : ''}; ${without.length} do${without.length === 1 ? 'es' : ''} not`,
    ],
    decisive: greeting.line,
    likelyCause: `Linkerd's proxy reads the first bytes of each outbound connection to tell HTTP from other traffic, unless the port is marked opaque. ${what} is a server-speaks-first protocol: the client sends nothing until the server's greeting, and the proxy connects to the server only after detection — so each connection waits ${last.after} for a detection that cannot succeed, and the client gives up on the greeting first. ${target} is not at fault; the proxy came with the injection.`,
    nextAction: `${capitalize(fix)}; the proxy then passes the connections through at once. Rolling back will not help while the proxy is injected into every new pod.`,
    fix,
    ...(setting !== undefined ? { outsideWorkload: `any new pod, of any revision, gets linkerd-proxy while namespace ${ns?.name ?? ''} has ${setting}` } : {}),
    ...(setting !== undefined ? { datesChange: true as const } : {}),
    confirmCommands: [
      formatKubectl(ev.target, `logs ${log.pod} -c ${log.container} --tail=50`),
      ...(svc !== undefined ? [formatKubectl(ev.target, `get service ${svc.name} -o jsonpath='{.metadata.annotations}'`)] : []),
    ],
    affected: { pods: names, nodes: listNodesOf(failing), ...(svc !== undefined ? { services: [svc.name] } : {}) },
  }];
}
