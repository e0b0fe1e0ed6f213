import type { IsoTime, LogEvidence, TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodHealthy, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { readLogLineTime } from '../log-line-time.js';
import { findErrorsSinceStart } from '../errors-since-start.js';
import { earliest } from '../time-span.js';
import { iniConfigMap } from './php-memory-limit.js';
import { VENDOR_CODE, readRelayedRequest } from '../php-fatal-line.js';
import { capitalize } from '../../text.js';

/**
 * "PHP Fatal error: Maximum execution time of 30 seconds exceeded" is PHP's own per-request time
 * limit, max_execution_time (php.ini, often a mounted ConfigMap; set_time_limit() in the code can
 * override it): PHP aborts the script that ran past it and the request fails (500 through the
 * proxy relaying php-fpm's stderr), while the worker and every short request live on. Only the
 * long requests — exports, reports, imports — meet it, so a lowered value (an edited php.ini taken
 * at the pods' restart) or a request that became slower is the trigger; the proxy's own read
 * deadline plays no part when PHP stops the script first.
 */

/** `Maximum execution time of 30 seconds exceeded in /x/Report.php on line 88` (php 5–8; "second" when 1). */
const EXCEEDED = /Maximum execution time of (\d+) seconds? exceeded(?: in (\S+?) on line (\d+))?/;

export interface ExecutionTimeHit {
  seconds: number;
  file?: string;
  line?: number;
  /** `GET /reports/summary.csv`, when the line is the proxy's relay of the request. */
  request?: string;
  /** The line from "PHP Fatal error" on, up to PHP's own words' end. */
  quote: string;
}

export function parseExecutionTimeHit(line: string): ExecutionTimeHit | undefined {
  const m = EXCEEDED.exec(line);
  if (m === null) return undefined;
  const request = readRelayedRequest(line);
  const from = line.indexOf('PHP Fatal error');
  // PHP's words end at the line number: what follows is the relay's quote mark and context.
  const end = m.index + m[0].length;
  const quote = (from >= 0 && from < m.index ? line.slice(from, end) : m[0]).slice(0, 240);
  return {
    seconds: Number(m[1]),
    ...(m[2] !== undefined ? { file: m[2], line: Number(m[3]) } : {}),
    ...(request !== undefined ? { request } : {}),
    quote,
  };
}

interface Seen {
  log: LogEvidence;
  line: string;
  hit: ExecutionTimeHit;
  at?: IsoTime;
}

/** A relayed line: the proxy in front of php-fpm quoting its stderr. */
const RELAYED = /FastCGI sent in stderr/;

export function analyzePhpExecutionTime(ev: TriageEvidence): Finding[] {
  const seen: Seen[] = ev.logs.flatMap((log) => {
    if (log.previous || findPod(ev, log.pod) === undefined) return [];
    return log.lines.flatMap((line) => {
      const hit = parseExecutionTimeHit(line);
      if (hit === undefined) return [];
      const at = readLogLineTime(line, ev.collectedAt);
      return [{ log, line, hit, ...(at !== undefined ? { at } : {}) }];
    });
  });
  const first = seen[0];
  if (first === undefined) return [];
  // The limit the newest line states: a value changed since is the one the pods run with now.
  const seconds = seen.at(-1)?.hit.seconds ?? first.hit.seconds;
  const pods = unique(seen.map((x) => x.log.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  // The container that runs PHP: one logging the error itself, else one whose name or image says php.
  const own = seen.find((x) => !RELAYED.test(x.line));
  const php = own?.log.container ?? podObjects[0]?.containers.find((c) => /php|fpm/i.test(`${c.name} ${c.image}`))?.name;
  const relay = seen.find((x) => x.hit.request !== undefined)?.log.container;
  const ini = iniConfigMap(podObjects[0], php, ev.namespaceObjects ?? []);
  const requests = unique(seen.flatMap((x) => x.hit.request ?? []));
  const appFile = seen.find((x) => x.hit.file !== undefined && !VENDOR_CODE.test(x.hit.file));
  const setBy = ini !== undefined ? ` (php.ini from ConfigMap ${ini.name})` : '';
  const on = requests.length > 0 ? ` on ${requests.slice(0, 2).join(', ')}${requests.length > 2 ? ` and ${requests.length - 2} more` : ''}` : '';
  const unhealthy = podObjects.filter((p) => !isPodHealthy(p, ev.collectedAt));
  const onset = findErrorsSinceStart(ev, podObjects) ?? earliest(seen.map((x) => x.at));
  const decisive = (appFile ?? seen.at(-1) ?? first).hit.quote;
  const where = ini !== undefined ? ` in ConfigMap ${ini.name} (key ${ini.key})` : ' in the php.ini';
  const fix = `raise max_execution_time (now ${seconds}s)${where} above what the longest requests need — back to its former value when an edit lowered it — and restart the pods so PHP reads it; or let those requests set their own limit (set_time_limit()) or move them to a background job`;
  return [
    {
      id: 'resource-exhaustion/php-max-execution-time',
      kind: 'resource-exhaustion',
      title: `PHP's max_execution_time of ${seconds}s${setBy} aborts long requests${on} before they finish: each fails with a PHP fatal error`,
      layer: 'container/process',
      severity: unhealthy.length > 0 ? severityForPods(ev, unhealthy.length) : 'warning',
      confidence: 'high',
      evidence: [
        `${seen.length} "Maximum execution time of … exceeded" line${seen.length === 1 ? '' : 's'} in ${pods.length} pod${pods.length === 1 ? '' : 's'}: PHP aborts the script at max_execution_time ${seconds}s, the worker lives on`,
        `log ${first.log.pod}/${first.log.container}: ${first.hit.quote}`,
        ...(own !== undefined && own !== first ? [`log ${own.log.pod}/${own.log.container}: ${own.hit.quote}`] : []),
        ...(requests.length > 0 ? [`request${requests.length === 1 ? '' : 's'} that ran past it${relay ? ` (${relay} relays PHP's error)` : ''}: ${requests.slice(0, 4).join(', ')}`] : []),
        ...(ini !== undefined ? [`${php ?? 'the PHP container'} mounts ConfigMap ${ini.name} (key ${ini.key}) at ${ini.path}: the php.ini that sets max_execution_time`] : []),
      ],
      decisive,
      ...(onset !== undefined ? { onset } : {}),
      likelyCause: `PHP stops any script that runs longer than max_execution_time (${seconds}s)${setBy} with a fatal error, and the request fails${on}; short requests still pass, and the pods stay Ready. Requests that used to finish in time now meet the limit: a lowered value (a php.ini edit, taken when the pods restarted) or requests that became slower (more data to export, a slower query).`,
      nextAction: `${capitalize(fix)}.`,
      fix,
      confirmCommands: [
        formatKubectl(ev.target, `logs ${first.log.pod} -c ${first.log.container} --tail=200`),
        ...(ini !== undefined ? [formatKubectl(ev.target, `get configmap ${ini.name} -o yaml`)] : []),
      ],
      affected: { pods, nodes: listNodesOf(podObjects), ...(ini !== undefined ? { configMaps: [ini.name] } : {}) },
    },
  ];
}
