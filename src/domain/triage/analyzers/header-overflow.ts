/**
 * The workload's HTTP server refusing requests whose headers pass its size limit, again and again
 * (Node's HPE_HEADER_OVERFLOW answered 431, Tomcat's "Request header is too large": header-overflow.ts).
 * Each refusal is a 4xx and the pods stay ready, yet the requests never reach a handler: the limit
 * is named (set in the container, or the server's default), and so is the caller whose log shows
 * the refusals, when one was read (service-callers.ts), for it is what sends the grown headers.
 */
import type { TriageEvidence } from '../evidence.js';
import type { ServiceCallerEvidence } from '../evidence-callers.js';
import type { Finding } from '../finding.js';
import { findHeaderOverflow } from '../header-overflow.js';
import type { HeaderOverflow } from '../header-overflow.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { formatBytes } from '../quantity.js';
import { sortRevisions } from '../revision-diff.js';
import { earliest, formatAgo } from '../time-span.js';

/** A caller's line about a refusal for header size: the status or the words, or a cookie or header size it logs with it. */
const CALLER_REFUSED = /\b431\b|Request Header Fields Too Large|HPE_HEADER_OVERFLOW|header(?:s)? (?:is |are )?too large/i;
/** A size the caller logs of what it sent: `"cookieBytes":15192`, `header_bytes=17000`. */
const SENT_SIZE = /"?(cookie|header)[\w-]*?(?:bytes|size|len(?:gth)?)"?\s*[:=]\s*(\d+)/i;

interface CallerRefusal {
  caller: ServiceCallerEvidence;
  lines: string[];
  /** What it logs of its own headers' size, with the word it uses ("cookie"). */
  sent?: { what: string; bytes: number };
}

function listCallerRefusals(ev: TriageEvidence): CallerRefusal[] {
  return (ev.serviceCallers ?? []).flatMap((caller) => {
    const lines = (caller.log?.lines ?? []).filter((l) => CALLER_REFUSED.test(l));
    if (lines.length === 0) return [];
    const sizes = lines.flatMap((l) => {
      const m = SENT_SIZE.exec(l);
      return m ? [{ what: (m[1] ?? '').toLowerCase(), bytes: Number(m[2]) }] : [];
    });
    const sent = sizes.reduce<{ what: string; bytes: number } | undefined>((a, b) => (a === undefined || b.bytes > a.bytes ? b : a), undefined);
    return [{ caller, lines, ...(sent ? { sent } : {}) }];
  });
}

const ownerName = (c: ServiceCallerEvidence): string => c.owner?.replace(/^\w+ /, '') ?? c.pod;

function describeLimit(o: HeaderOverflow): string {
  const { limit } = o;
  if (limit.flag !== undefined) return `${limit.flag} (${limit.where ?? 'its command'})${limit.bytes !== undefined ? `, ${formatBytes(limit.bytes)}B` : ''}`;
  const unset = o.server === 'node' ? `no ${o.settingName} in its command, args or NODE_OPTIONS` : `no ${o.settingName} in its command, args or env`;
  return `${limit.defaultText}: ${unset}`;
}

export function analyzeHeaderOverflow(ev: TriageEvidence): Finding[] {
  const o = findHeaderOverflow(ev.logs, ev.pods);
  if (o === undefined) return [];
  const podObjects = ev.pods.filter((p) => o.pods.includes(p.name));
  const ready = podObjects.filter((p) => p.ready).length;
  const sizes = o.hits.flatMap((h) => (h.bytes === undefined ? [] : [h.bytes]));
  const largest = sizes.length > 0 ? Math.max(...sizes) : undefined;
  const smallest = sizes.length > 0 ? Math.min(...sizes) : undefined;
  const grown = largest === undefined ? '' : `, headers of ${smallest === largest ? '' : `${formatBytes(smallest ?? largest)}B to `}${formatBytes(largest)}B`;
  const answer = o.server === 'node' ? '431 Request Header Fields Too Large' : '400 Bad Request';
  const code = o.server === 'node' ? 'HPE_HEADER_OVERFLOW' : '"Request header is too large"';
  const callers = listCallerRefusals(ev);
  const [first] = callers;
  const sender = first === undefined ? undefined : `${ownerName(first.caller)}${first.sent ? ` (its ${first.sent.what} alone ${formatBytes(first.sent.bytes)}B)` : ''}`;
  const limitShort = o.limit.flag ?? o.limit.defaultText;
  const title = `${o.container} refuses requests whose headers pass ${limitShort}: ${o.hits.length} ${code}${o.answered431 > 0 && o.server === 'node' ? ' answered 431' : ''} in ${o.pods.length} ${ready === o.pods.length ? 'ready ' : ''}pod${o.pods.length === 1 ? '' : 's'}${grown}${sender ? `, sent by ${sender}` : ''}`;
  const [newest] = sortRevisions(ev.revisions);
  const oldest = earliest(o.hits.flatMap((h) => (h.at ? [h.at] : [])));
  // The refusals need the callers' headers to grow, not the server to change: an old revision is no suspect.
  const predates = newest !== undefined && oldest !== undefined && Date.parse(newest.createdAt) < Date.parse(oldest);
  const own = newest === undefined ? '' : ` Its own revision ${newest.revision} (rolled out ${formatAgo(newest.createdAt, ev.collectedAt)})${predates ? ' predates the refusals and' : ''} did not change the limit.`;
  const raise = o.server === 'node' ? `NODE_OPTIONS=--max-http-header-size=${Math.max(32768, 2 ** Math.ceil(Math.log2((largest ?? 16384) + 1)))}` : `${o.settingName}=${Math.max(16, Math.ceil((largest ?? 8192) / 1024) * 2)}KB`;
  const shrink = sender !== undefined
    ? `shrink what ${ownerName(first!.caller)} sends (${first?.sent?.what === 'cookie' ? 'the cookie; keep an id in it and the data server-side' : 'its headers'}), or roll back the release of ${ownerName(first!.caller)} that grew it`
    : 'shrink the headers the callers send (usually a cookie grown by a caller\'s release; keep an id in it and the data server-side)';
  return [
    {
      id: `container-config/header-overflow/${o.container}`,
      kind: 'container-config',
      title,
      layer: 'network/routing',
      severity: 'warning',
      confidence: 'high',
      evidence: [
        `${o.hits.length} ${code} line${o.hits.length === 1 ? '' : 's'} of container ${o.container} in ${o.pods.slice(0, 3).join(', ')}${o.pods.length > 3 ? ', …' : ''}${largest !== undefined ? `; largest header block ${largest} bytes` : ''}`,
        `log ${o.hits.at(-1)?.pod ?? ''}/${o.container}: ${(o.hits.at(-1)?.line ?? '').slice(0, 400)}`,
        `header limit: ${describeLimit(o)}`,
        ...callers.map((c) => `caller ${c.caller.owner ?? `pod ${c.caller.pod}`} (pod ${c.caller.pod}, ${c.caller.via}) logged ${c.lines.length} refusal${c.lines.length === 1 ? '' : 's'} of ${c.caller.service}${c.sent ? `, its ${c.sent.what} up to ${c.sent.bytes} bytes` : ''}; newest: "${(c.lines.at(-1) ?? '').trim().slice(0, 300)}"`),
        `${ready}/${podObjects.length} of these pods Ready: their probes send small headers`,
      ],
      decisive: condenseStructuredLine(o.hits.at(-1)?.line ?? ''),
      ...(oldest !== undefined ? { onset: oldest } : {}),
      outsideWorkload: `the requests' headers grew past the server's limit; the server did not change`,
      likelyCause:
        `${o.server === 'node' ? "Node's HTTP parser" : 'Tomcat'} refuses any request whose header block is larger than its limit, ${describeLimit(o)}, before any handler runs, and answers ${answer}. ` +
        `It does so again and again${grown ? ` (${grown.slice(2)})` : ''}, so what the callers send grew past the limit: usually a cookie, new or grown by a caller's release, forwarded with every request${sender ? `; ${ownerName(first!.caller)} logs the refusals` : ''}.${own}`,
      nextAction: `Mitigate: ${shrink}; as a stop-gap raise the server's limit: ${raise} on container ${o.container}.`,
      fix: `${shrink.replace(/, or roll back .*$/, '')}, or raise the limit (${raise})`,
      confirmCommands: [formatKubectl(ev.target, `logs ${o.pods[0] ?? ''} -c ${o.container} --tail=200`)],
      affected: { pods: o.pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
