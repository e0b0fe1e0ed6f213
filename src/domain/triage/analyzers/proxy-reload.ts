/**
 * A proxy whose reloads fail its config test (proxy-reload.ts): nginx rejects the config its
 * controller rendered (`[emerg] unknown directive …`), so the reload is skipped and the running
 * nginx keeps the last config it accepted. Nothing restarts and the pods stay Ready; old routes
 * work, but nothing changed since is applied. The rejected directive is looked for in the
 * ConfigMap the controller renders from (its --configmap argument), which says what to correct
 * and, with its last write, when the fault came in. A restart is no fix: a fresh controller
 * renders the same config and fails the same test.
 */
import { collapseEvents, formatEventLine } from '../collapse-events.js';
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { RECENT_MS, listNodesOf } from '../pod-status.js';
import { findControllerConfigMap, findReloadFailure, type ReloadFailure } from '../proxy-reload.js';
import { formatAgo, formatSpan, isWithin, msBetween } from '../time-span.js';
import { capitalize } from '../../text.js';
import { isInTriggerWindow } from '../trigger-window.js';

/** The ConfigMap keys a controller pastes into its proxy's config as they are (ingress-nginx's snippets, HAProxy Ingress's config-*). */
const SNIPPET_KEYS: Record<ReloadFailure['proxy'], string> = { nginx: 'http-snippet, server-snippet, location-snippet, main-snippet', HAProxy: 'config-global, config-defaults, config-frontend, config-backend' };
/** Where else a directive comes from when the controller's ConfigMap does not hold it. */
const ELSEWHERE: Record<ReloadFailure['proxy'], string> = {
  nginx: 'an Ingress\'s snippet annotation (nginx.ingress.kubernetes.io/configuration-snippet, server-snippet) or the controller\'s template',
  HAProxy: 'an Ingress\'s config-backend annotation or the controller\'s template',
};

/** The event's message without its rules of dashes and blank lines: `Error reloading NGINX: Error: exit status 1 · … [emerg] …`. */
function condense(message: string): string {
  return message
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^-{5,}$/.test(l))
    .join(' · ');
}

/** Where the controller's config comes from, as far as the evidence says. */
interface Source {
  ref?: { namespace: string; name: string };
  /** Its data was read for the directive (read-reload-config.ts). */
  read: boolean;
  lines: { key: string; line: string }[];
  changedAt?: string;
  changedBy?: string;
}

function findSource(ev: TriageEvidence, failure: ReloadFailure): Source {
  const ref = findControllerConfigMap(ev.pods, ev.target.namespace);
  const read = ev.reloadConfig;
  if (read !== undefined && ref !== undefined && read.configMap === ref.name && read.namespace === ref.namespace && read.directive === failure.directive) {
    return { ref, read: true, lines: read.lines, ...(read.changedAt ? { changedAt: read.changedAt } : {}), ...(read.changedBy ? { changedBy: read.changedBy } : {}) };
  }
  // Not read (or no directive): the namespace's list still dates the ConfigMap's last change.
  const listed = ref !== undefined && ref.namespace === ev.target.namespace ? ev.namespaceObjects?.find((o) => o.kind === 'ConfigMap' && o.name === ref.name) : undefined;
  return { ...(ref ? { ref } : {}), read: false, lines: [], ...(listed?.changedAt ? { changedAt: listed.changedAt } : {}) };
}

export function analyzeProxyReload(ev: TriageEvidence): Finding[] {
  const failure = findReloadFailure(ev);
  if (failure === undefined || !isWithin(failure.lastSeen ?? ev.collectedAt, ev.collectedAt, RECENT_MS)) return [];
  const now = ev.collectedAt;
  const podObjects = ev.pods.filter((p) => failure.pods.includes(p.name));
  const ready = podObjects.filter((p) => p.ready).length;
  const restarts = podObjects.reduce((n, p) => n + p.containers.reduce((m, c) => m + c.restartCount, 0), 0);
  const source = findSource(ev, failure);
  const cm = source.ref ? `ConfigMap ${source.ref.namespace}/${source.ref.name}` : undefined;
  const keys = [...new Set(source.lines.map((l) => l.key))];
  const line = source.lines[0]?.line;
  const test = failure.proxy === 'nginx' ? 'nginx -t' : 'haproxy -c';
  const ingress = ev.pods.some((p) => p.containers.some((c) => /ingress/i.test([c.image, ...(c.args ?? []), ...(c.command ?? [])].join(' '))));
  const unapplied = ingress ? 'new Ingresses and changes are not applied' : 'changes since are not applied';
  const changed = source.changedAt !== undefined ? `, changed ${formatAgo(source.changedAt, now)}${source.changedBy ? ` by ${source.changedBy}` : ''}` : '';
  const before = isInTriggerWindow(source.changedAt, failure.firstSeen) ? ', just before the first failure' : '';
  // The message without its temporary file (`in /tmp/nginx/nginx-cfg2988479454:312`), which changes with every render; the evidence has it whole.
  const message = failure.message.replace(/\s+in \/tmp\/\S+$/, '');
  const directive = failure.directive ?? 'the rejected line';
  const origin =
    line !== undefined && cm !== undefined
      ? `"${line}" comes from key${keys.length === 1 ? '' : 's'} ${keys.join(', ')} of ${cm}${changed}${before}`
      : cm !== undefined && source.read
        ? `${directive} is in no key of ${cm}${changed}: look in ${ELSEWHERE[failure.proxy]}`
        : `find where ${directive} comes from: ${cm ?? 'the controller\'s ConfigMap'} (${SNIPPET_KEYS[failure.proxy]})${changed} or ${ELSEWHERE[failure.proxy]}`;
  const since = failure.firstSeen !== undefined && failure.lastSeen !== undefined ? ` in ${formatSpan(msBetween(failure.firstSeen, failure.lastSeen))}` : '';
  const title = `${failure.proxy} cannot reload on ${failure.pods.length} pod${failure.pods.length === 1 ? '' : 's'}: ${test} rejects the generated config — ${message} — so it keeps serving the last good configuration (${unapplied}; ${failure.count} failed reload${failure.count === 1 ? '' : 's'}${since}); ${origin}`;
  const [collapsed] = collapseEvents(failure.events.map((e) => ({ ...e, message: condense(e.message) })), { acrossObjects: true });
  const where = line !== undefined && cm !== undefined ? `"${line}" in key ${keys.join(', ')} of ${cm}` : `${directive} in ${cm ?? 'the controller\'s ConfigMap'} (or ${ELSEWHERE[failure.proxy]})`;
  const fix = `correct or remove ${where}; a restart would not help (a fresh controller renders and fails the same config)`;
  const firstPod = failure.pods[0] ?? '';
  const container = failure.logLines[0]?.container ?? podObjects[0]?.containers[0]?.name;
  return [
    {
      id: `container-config/proxy-reload/${failure.proxy}`,
      kind: 'container-config',
      title,
      layer: 'network/routing',
      severity: ready > 0 && failure.pods.length * 2 >= Math.max(ev.pods.length, 1) ? 'critical' : 'warning',
      confidence: 'high',
      evidence: [
        ...(collapsed ? [formatEventLine(collapsed, { withObject: true, maxLength: 400 })] : []),
        ...failure.logLines.slice(0, 2).map((l) => `log ${l.pod}/${l.container}: ${l.line}`),
        ...source.lines.slice(0, 3).map((l) => `${cm ?? 'ConfigMap'} key ${l.key}: ${l.line}`),
        ...(cm !== undefined && source.changedAt !== undefined ? [`${cm} data last written ${formatAgo(source.changedAt, now)}${source.changedBy ? ` by ${source.changedBy}` : ''}`] : []),
        `${ready}/${podObjects.length} of these pods Ready, ${restarts} restart${restarts === 1 ? '' : 's'}: the running ${failure.proxy} keeps the configuration it last accepted`,
      ],
      decisive: message,
      ...(failure.firstSeen !== undefined ? { onset: failure.firstSeen } : {}),
      ...(source.changedAt !== undefined && line !== undefined ? { datesChange: true as const } : {}),
      ...(line !== undefined && cm !== undefined ? { outsideWorkload: `the rejected line comes from ${cm}, not the controller's revision: pods of any revision render the same config` } : {}),
      likelyCause:
        `The controller renders ${failure.proxy}'s config from its Ingresses and its ConfigMap on every change and tests it (${test}) before reloading; the test rejects it (${failure.message}), so the reload is skipped and the running ${failure.proxy} keeps serving the last configuration it accepted. ` +
        `Routes that existed before keep working, so the pods stay Ready, but nothing changed since is applied (${unapplied}) until the rejected line is fixed.`,
      nextAction: `${capitalize(fix)}; the controller reloads on its own once ${test} passes.`,
      fix,
      confirmCommands: [
        ...(container !== undefined ? [formatKubectl(ev.target, `logs ${firstPod} -c ${container} --tail=200`)] : []),
        ...(source.ref ? [formatKubectl({ ...ev.target, namespace: source.ref.namespace }, `get configmap ${source.ref.name} -o yaml`)] : []),
        formatKubectl(ev.target, `get events --field-selector reason=RELOAD`),
      ],
      affected: { pods: failure.pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
