import type { LogEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findPod, formatProbe } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodHealthy, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { findScrapeStalls, formatBytes, type ScrapeStalls } from '../metrics-scrape-stall.js';

/**
 * The process itself cannot answer: its own event loop (Node.js, Vert.x, Python asyncio) reports
 * being blocked for seconds by one piece of work. While it is blocked nothing is served, health
 * checks included, so probes time out and every call the pod handles "times out" too: the fault
 * is inside the process (a CPU-bound handler), not in a dependency that does not answer.
 */

/** A stall this long outlasts the default probe timeout (1 s): shorter lag is load, not a block. */
const MIN_STALL_MS = 1000;

interface Stall {
  log: LogEvidence;
  index: number;
  ms: number;
  /** The frames the runtime logged with it, innermost first: what held the loop. */
  frames: string[];
}

/** Node.js (blocked-at, under-pressure, own monitors) and asyncio say "event loop"; Vert.x names its event-loop thread. */
const MESSAGE = /event[ _-]?loop\b[^\n]{0,40}\b(blocked|lag|delay|stall)|\b(blocked|lag|delay|stall(ed)?)\b[^\n]{0,40}\bevent[ _-]?loop\b/i;
const VERTX = /Thread Thread\[[^\]]*eventloop[^\]]*\] has been blocked for (\d+) ms/i;
const ASYNCIO = /Executing <[^\n]*> took (\d+(?:\.\d+)?) seconds/;
const DURATION_FIELD = /^(blocked|lag|delay|duration|elapsed)(_?ms)?$/i;
const DURATION_TEXT = /\b(\d+(?:\.\d+)?) ?(ms|milliseconds|s|seconds)\b/i;

function parseJson(line: string): Record<string, unknown> | undefined {
  if (!line.trim().startsWith('{')) return undefined;
  try {
    const v: unknown = JSON.parse(line.trim());
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** "at highlight (/app/dist/lib/highlight.js:27:31)" → "highlight (/app/dist/lib/highlight.js:27)"; Java's "at a.b.C.m(C.java:12)" too. */
function readFrames(text: string): string[] {
  return [...text.matchAll(/\bat (?:([\w.$<>[\]]+(?: \[as \w+\])?) )?\(?([^()\s]+?)(?::(\d+))?(?::\d+)?\)?(?=\s|$)/g)].map((m) => (m[1] ? `${m[1]} (${m[2] ?? ''}${m[3] ? `:${m[3]}` : ''})` : `${m[2] ?? ''}${m[3] ? `:${m[3]}` : ''}`));
}

/** One log line → the stall it reports (how long, where), if it reports one. */
export function parseStall(line: string, following: readonly string[] = []): { ms: number; frames: string[] } | undefined {
  const fields = parseJson(line);
  const message = fields ? condenseStructuredLine(line) : line;
  let ms: number | undefined;
  const vertx = VERTX.exec(line);
  const asyncio = ASYNCIO.exec(line);
  if (vertx) ms = Number(vertx[1]);
  else if (asyncio) ms = Number(asyncio[1]) * 1000;
  else if (MESSAGE.test(message)) {
    const field = Object.entries(fields ?? {}).find(([k, v]) => DURATION_FIELD.test(k.replace(/^(eventLoop|event_loop_?)/i, '')) && typeof v === 'number');
    const text = DURATION_TEXT.exec(message);
    if (field) ms = Number(field[1]) * (/ms$/i.test(field[0]) || !/^(duration|elapsed)$/i.test(field[0]) ? 1 : 1000);
    else if (text) ms = Number(text[1]) * (/^m/i.test(text[2] ?? '') ? 1 : 1000);
  }
  if (ms === undefined) return undefined;
  // The stack comes in the line (a JSON field) or on the lines after it (Vert.x, blocked-at).
  const stack = typeof fields?.['stack'] === 'string' ? fields['stack'] : following.slice(0, 8).filter((l) => /^\s*(at |\tat )/.test(l) || /^\S*Exception/.test(l)).join('\n');
  const asyncioFrame = asyncio ? /running at ([^\s>]+)/.exec(line)?.[1] : undefined;
  return { ms, frames: asyncioFrame ? [asyncioFrame] : readFrames(stack) };
}

/** What the innermost frames say holds the loop, in the words an SRE would use. */
function describeCulprit(frames: readonly string[]): { where: string; short: string; site: string; what?: string } | undefined {
  if (frames.length === 0) return undefined;
  const own = frames.find((f) => /[/\\]|\.(js|ts|py|java|kt):/.test(f) && !/node_modules|node:internal|<anonymous>/.test(f));
  const top = frames[0] ?? '';
  const where = own && own !== top ? `${top.replace(/ \(.*\)$/, '')} called from ${own}` : top;
  // "highlight.js:27": the file and line of the application's own frame, without its directories.
  const site = (own ?? top).replace(/^.*\(|\)$/g, '').replace(/^.*[/\\]/, '');
  const fn = top.replace(/ \(.*\)$/, '');
  const short = own && own !== top ? `${fn} (${site})` : site;
  const text = frames.slice(0, 3).join(' ');
  let what: string | undefined;
  if (/RegExp|String\.prototype\.(match|replace|split)|Pattern\.matcher|Matcher\.|\bre\.(match|search|sub|fullmatch)/.test(text)) what = 'a regular expression: one that backtracks catastrophically on some input holds the CPU for seconds (ReDoS)';
  else if (/JSON\.(parse|stringify)|ObjectMapper|json\.(loads|dumps)/.test(text)) what = 'JSON (de)serialisation of a very large payload';
  else if (/\w+Sync\b/.test(text)) what = 'a synchronous call on the event loop';
  return { where, short, site, ...(what ? { what } : {}) };
}

function formatMs(ms: number): string {
  return ms >= 10_000 ? `${Math.round(ms / 1000)}s` : `${(ms / 1000).toFixed(1)}s`;
}

/** The probe timeouts a stall outlasts, and a TCP liveness probe the kernel answers for a blocked process. */
function describeProbes(pods: readonly PodEvidence[], container: string, worst: number): string[] {
  const c = pods.flatMap((p) => p.containers).find((x) => x.name === container);
  if (c === undefined) return [];
  const out: string[] = [];
  const { readiness, liveness } = c.probes;
  if (readiness && worst > (readiness.timeoutSeconds ?? 1) * 1000) out.push(`readiness probe: ${formatProbe(readiness)}: a ${formatMs(worst)} stall outlasts its timeout, so the pods drop out of the Service while blocked`);
  if (liveness?.type === 'tcp') out.push(`liveness probe: ${formatProbe(liveness)}: the kernel accepts the connection for a blocked process, so nothing restarts it`);
  return out;
}

/** What the process logged just before its first stall: the input that arrived, often. */
function describeBefore(stall: Stall): string | undefined {
  const before = stall.log.lines.slice(0, stall.index).reverse().find((l) => l.trim() !== '' && parseStall(l) === undefined && !/^\s*at /.test(l));
  if (before === undefined) return undefined;
  const fields = parseJson(before);
  if (fields === undefined) return before.trim().slice(0, 200);
  const skip = new Set(['level', 'time', 'ts', 'timestamp', 'pid', 'hostname', 'msg', 'message', 'v', 'reqId', 'req', 'res']);
  const extra = Object.entries(fields).filter(([k, v]) => !skip.has(k) && (typeof v === 'string' || typeof v === 'number')).map(([k, v]) => `${k} ${String(v)}`);
  return `${condenseStructuredLine(before)}${extra.length > 0 ? ` (${extra.slice(0, 4).join(', ')})` : ''}`.slice(0, 200);
}

export function analyzeEventLoopBlocked(ev: TriageEvidence): Finding[] {
  const stalls: Stall[] = [];
  for (const log of ev.logs) {
    if (findPod(ev, log.pod) === undefined) continue;
    log.lines.forEach((line, index) => {
      const s = parseStall(line, log.lines.slice(index + 1));
      if (s && s.ms >= MIN_STALL_MS) stalls.push({ log, index, ...s });
    });
  }
  const pods = unique(stalls.map((s) => s.log.pod));
  // One long stall in one pod is a blip; in several pods, or again and again, it is the incident.
  if (pods.length < 2 && stalls.length < 2) return [];
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const unhealthy = podObjects.filter((p) => !isPodHealthy(p, ev.collectedAt));
  const worst = Math.max(...stalls.map((s) => s.ms));
  const located = stalls.find((s) => s.frames.length > 0);
  const culprit = describeCulprit(located?.frames ?? []);
  const first = [...stalls].sort((a, b) => a.index - b.index)[0] as Stall;
  const example = located ?? stalls.find((s) => s.ms === worst) ?? first;
  const before = describeBefore(first);
  const container = example.log.container;
  // Stalls that follow scrapes of /metrics: the registry the scrape renders is the work.
  const scrape = findScrapeStalls(stalls, ev.logs, ev.revisions);
  if (scrape) return [describeScrapeStall(ev, scrape, stalls, pods, podObjects, unhealthy, worst, container)];
  const decisive = `${condenseStructuredLine(example.log.lines[example.index]?.trim() ?? '').slice(0, 160)}${located ? `: ${located.frames.slice(0, 2).join(' ← ')}` : ''}`;
  return [
    {
      id: `event-loop-blocked/${container}`,
      kind: 'event-loop-blocked',
      title: `${ev.target.name}'s own event loop is blocked for up to ${formatMs(worst)}${culprit ? ` in ${culprit.short}` : ''}: it answers nothing meanwhile, probes included (logs of ${pods.length} pod${pods.length === 1 ? '' : 's'})`,
      layer: 'container/process',
      severity: unhealthy.length > 0 ? severityForPods(ev, unhealthy.length) : 'warning',
      confidence: pods.length >= 2 ? 'high' : 'medium',
      evidence: [
        `${stalls.length} stall line${stalls.length === 1 ? '' : 's'} of ${formatMs(MIN_STALL_MS)} or more in ${pods.length} pod${pods.length === 1 ? '' : 's'}, the longest ${formatMs(worst)}`,
        `log ${example.log.pod}: ${example.log.lines[example.index]?.trim().slice(0, 300) ?? ''}`,
        ...(located ? [`stack of the stall: ${located.frames.slice(0, 3).join(' ← ')}`] : []),
        ...(before ? [`logged just before the first stall: ${before}`] : []),
        ...describeProbes(podObjects, container, worst),
        `${unhealthy.length}/${podObjects.length} of these pods not ready or restarting now`,
      ],
      decisive,
      likelyCause: `The process blocks its own event loop for seconds at a time${culprit?.what ? ` in ${culprit.what}` : ' with CPU-bound work'}${culprit ? ` (${culprit.where})` : ''}. While it is blocked it answers nothing — requests, readiness probes — so they time out though every dependency is fine; the timeouts are this process's, not a dependency's. New input (data, a request pattern) reaching that code is the usual trigger when the code did not change.`,
      nextAction: `Find the input that reaches ${culprit ? culprit.site : 'the blocking code'} and keep it out (quarantine the data, reject the request); then bound that work (limit the input size, move it off the event loop). A restart or more replicas do not help while the input keeps coming.`,
      fix: culprit?.what?.startsWith('a regular expression')
        ? `replace the regular expression at ${culprit.site} (or cap its input) and keep out the input it chokes on`
        : `move the work at ${culprit?.site ?? 'the blocking code'} off the event loop (or bound its input)`,
      confirmCommands: [formatKubectl(ev.target, `logs ${example.log.pod} -c ${container} --tail=200`), formatKubectl(ev.target, 'top pods --containers')],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}

/** The label and where it is set: "label user_id (HTTP_METRICS_LABELS, added in revision 27)". */
function describeLabel(label: NonNullable<ScrapeStalls['label']>): string {
  const where = [label.where, label.addedIn !== undefined ? `added in revision ${label.addedIn}` : undefined].filter((x) => x !== undefined);
  return `label ${label.name}${where.length > 0 ? ` (${where.join(', ')})` : ''}`;
}

function describeScrapeStall(ev: TriageEvidence, scrape: ScrapeStalls, stalls: readonly Stall[], pods: string[], podObjects: PodEvidence[], unhealthy: PodEvidence[], worst: number, container: string): Finding {
  const example = stalls.find((s) => s.ms === worst) ?? (stalls[0] as Stall);
  const size = scrape.worstBytes !== undefined ? ` (responses up to ${formatBytes(scrape.worstBytes)})` : '';
  const label = scrape.label ? `; ${describeLabel(scrape.label)} makes a series per value` : '';
  const liveness = podObjects.flatMap((p) => p.containers).find((c) => c.name === container)?.probes.liveness;
  return {
    id: `event-loop-blocked/${container}`,
    kind: 'event-loop-blocked',
    title: `${ev.target.name}'s event loop is blocked for up to ${formatMs(worst)} by each scrape of its /metrics${size}${label}: it answers nothing meanwhile, probes included (logs of ${pods.length} pod${pods.length === 1 ? '' : 's'})`,
    layer: 'container/process',
    severity: unhealthy.length > 0 ? severityForPods(ev, unhealthy.length) : 'warning',
    confidence: pods.length >= 2 ? 'high' : 'medium',
    evidence: [
      `${scrape.near} of ${scrape.of} stall lines of ${formatMs(MIN_STALL_MS)} or more come right after a request for /metrics${scrape.scraper ? ` by ${scrape.scraper}` : ''}, the longest ${formatMs(worst)}`,
      `log ${example.log.pod}: ${example.log.lines[example.index]?.trim().slice(0, 300) ?? ''}`,
      ...(scrape.label ? [`metric ${describeLabel(scrape.label)}: a label whose values are per entity (high cardinality)`] : []),
      ...(liveness ? [`liveness probe: ${formatProbe(liveness)}, served by the same process`] : []),
      ...describeProbes(podObjects, container, worst),
      `${unhealthy.length}/${podObjects.length} of these pods not ready or restarting now`,
    ],
    decisive: `GET /metrics${scrape.scraper ? ` by ${scrape.scraper}` : ''}${scrape.worstBytes !== undefined ? ` (${formatBytes(scrape.worstBytes)})` : ''}, then ${condenseStructuredLine(example.log.lines[example.index]?.trim() ?? '').slice(0, 80)} ${formatMs(worst)}`,
    likelyCause: `Each scrape of /metrics renders every series on the event loop${scrape.label ? `, and ${describeLabel(scrape.label)} creates a new series for every distinct value (high cardinality), so the registry grows with traffic` : ': the registry holds so many series (a high-cardinality label) that rendering it'} blocks the process for seconds. While it is blocked it answers nothing — requests, liveness and readiness probes on the same port — so the kubelet restarts it and the registry starts small again.`,
    nextAction: `Drop ${scrape.label ? `the ${scrape.label.name} label` : 'the high-cardinality label'} from the metrics${scrape.label?.where ? ` (${scrape.label.where})` : ''} and keep per-entity detail in logs or traces; restarts and more replicas do not help.`,
    fix: `drop ${scrape.label ? `the ${scrape.label.name} label` : 'the high-cardinality label'} from the metrics${scrape.label?.where ? ` (${scrape.label.where})` : ''}`,
    confirmCommands: [formatKubectl(ev.target, `logs ${example.log.pod} -c ${container} --tail=200`), formatKubectl(ev.target, 'top pods --containers')],
    affected: { pods, nodes: listNodesOf(podObjects) },
  };
}
