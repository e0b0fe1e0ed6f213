/**
 * The proxy's own log says a route references an object that does not exist (a middleware, a
 * service, a TLS secret; proxy-missing-reference.ts): the router is dropped while the proxy's pods
 * stay Ready, so its requests get the proxy's 404 (or the default certificate). Told with the
 * router, the missing object and since when it is logged: the fix is in the routing objects —
 * create or restore the object, or point the route at the one that exists now — not in the proxy.
 */
import type { LogEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { readLogLineTime } from '../log-line-time.js';
import { isPodHealthy, listNodesOf, unique } from '../pod-status.js';
import { describeReferenceSource, parseMissingReference, type MissingReference } from '../proxy-missing-reference.js';
import { earliest, formatAgo } from '../time-span.js';
import { capitalize } from '../../text.js';

/** One line may be a reload's passing state; the proxy repeats it on every reload while it lasts. */
const MIN_LINES = 2;
/** An access-log line the proxy answered 404: `"GET /x HTTP/2.0" 404 19`. */
const ANSWERED_404 = /"[A-Z]+ \S+ HTTP\/[\d.]+" 404 \d+/;

interface Hit {
  log: LogEvidence;
  line: string;
  ref: MissingReference;
}

export function analyzeProxyMissingReference(ev: TriageEvidence): Finding[] {
  const hits: Hit[] = ev.logs.flatMap((log) => {
    if (log.previous || findPod(ev, log.pod) === undefined) return [];
    return log.lines.flatMap((line) => {
      const ref = parseMissingReference(line);
      return ref ? [{ log, line, ref }] : [];
    });
  });
  if (hits.length < MIN_LINES) return [];
  // The object most lines name; its routers.
  const byObject = new Map<string, Hit[]>();
  for (const h of hits) byObject.set(`${h.ref.kind}/${h.ref.name}`, [...(byObject.get(`${h.ref.kind}/${h.ref.name}`) ?? []), h]);
  const top = [...byObject.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  const first = top[0];
  if (first === undefined || top.length < MIN_LINES) return [];
  const { kind, name } = first.ref;
  const routers = unique(top.flatMap((h) => h.ref.router ?? []));
  const entryPoints = unique(top.flatMap((h) => h.ref.entryPoint ?? []));
  const pods = unique(top.map((h) => h.log.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const ready = podObjects.filter((p) => isPodHealthy(p, ev.collectedAt)).length;
  const onset = earliest(top.flatMap((h) => readLogLineTime(h.line, ev.collectedAt) ?? []));
  const answered404 = ev.logs.filter((l) => !l.previous && pods.includes(l.pod)).reduce((n, l) => n + l.lines.filter((x) => ANSWERED_404.test(x)).length, 0);
  const routerWord = first.ref.routerKind === 'Ingress' ? 'Ingress' : 'router';
  const plural = routerWord === 'Ingress' ? 'Ingresses' : 'routers';
  const named = routers.length === 0 ? 'a route' : routers.length === 1 ? `${routerWord} ${routers[0] ?? ''}` : `${routers.length} ${plural} (${routers[0] ?? ''}, …)`;
  const them = routers.length > 1 ? 'them' : 'it';
  const verb = routers.length > 1 ? 'reference' : 'references';
  const tls = kind === 'secret' || kind === 'certificate';
  const since = onset !== undefined ? `, logged since ${formatAgo(onset, ev.collectedAt)}` : '';
  const effect = tls
    ? 'the route is served with the default certificate'
    : `the proxy drops ${them}, so ${routers.length > 1 ? 'their' : 'its'} requests match no route and get 404${answered404 > 0 ? ` (${answered404} in the proxy's access log)` : ''}`;
  const source = describeReferenceSource(first.ref);
  const fix = `create (or restore) the ${kind} "${name}", or point ${source} at the ${kind} that exists now`;
  return [
    {
      id: `ingress-upstream/missing-reference/${kind}/${name}`,
      kind: 'ingress-upstream',
      title: `${named[0]?.toUpperCase() ?? ''}${named.slice(1)} ${verb} ${kind} "${name}", which does not exist${since}: ${effect}`,
      layer: 'network/routing',
      severity: 'warning',
      confidence: 'high',
      evidence: [
        `${top.length} "${first.ref.quote}" line${top.length === 1 ? '' : 's'} in ${pods.length} pod${pods.length === 1 ? '' : 's'} (${ready}/${podObjects.length} ready)${entryPoints.length > 0 ? `, entry point${entryPoints.length === 1 ? '' : 's'} ${entryPoints.join(', ')}` : ''}`,
        // The last line of each pod: the finding accounts for every pod's errors.
        ...pods.slice(0, 3).map((p) => {
          const last = top.filter((h) => h.log.pod === p).at(-1) ?? first;
          return `log ${p}/${last.log.container}: ${condenseStructuredLine(last.line.trim()).slice(0, 300)}`;
        }),
        ...(routers.length > 0 ? [`${routerWord === 'Ingress' ? 'Ingresses' : 'routers'} referencing it: ${routers.join(', ')}`] : []),
        ...(!tls && answered404 > 0 ? [`${answered404} request${answered404 === 1 ? '' : 's'} answered 404 in the access log of these pods`] : []),
      ],
      decisive: first.ref.quote,
      ...(onset !== undefined ? { onset } : {}),
      likelyCause: tls
        ? `The proxy cannot load the ${kind} "${name}" that ${named} ${routers.length > 1 ? 'name' : 'names'} for TLS, so it serves that host with its default certificate and clients refuse it. The ${kind} was deleted or renamed, or the reference has a typo; the proxy's pods are healthy.`
        : `A proxy builds no router whose ${kind} does not exist: ${named} ${verb} ${kind} "${name}", which is not there, so the proxy drops the router and the requests it would match fall through to no route (the proxy's own 404) or a lower-priority one. The ${kind} was renamed or deleted (often by a release of the app that owns the route) while the route still references the old name, or the reference has a typo. The proxy's pods are healthy; restarting them changes nothing.`,
      nextAction: `${capitalize(fix)}${onset !== undefined ? `; look for what changed around ${formatAgo(onset, ev.collectedAt)} in the namespace that owns the route (a release that renamed or removed the ${kind})` : ''}. Restarting the proxy will not help.`,
      fix,
      confirmCommands: [
        formatKubectl(ev.target, `logs ${first.log.pod} -c ${first.log.container} --tail=200 | grep 'does not exist\\|not found'`),
        ...(kind === 'middleware' ? ['kubectl get middlewares.traefik.io -A'] : []),
      ],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
