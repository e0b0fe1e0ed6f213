/**
 * An exec liveness probe that checks a marker file (`cat /tmp/healthy`, `test -f …`) and one day
 * finds it gone ("No such file or directory") although each run passed the probe for hours: the
 * file was written and later deleted — by a tmp cleaner (often the app's own sweep of old files in
 * /tmp, or a cron in the image). The kills then come at the cleaner's age limit after each start,
 * with no change anywhere. The fix is a check that does not depend on a file in a swept
 * directory, not the probe's timing.
 */
import type { ContainerSpecEvidence, LogEvidence, ProbeEvidence } from './evidence.js';
import { condenseStructuredLine } from './evidence-lookup.js';
import type { ProbeMiss } from './probe-miss.js';
import { formatSpan } from './time-span.js';
import { truncate } from '../text.js';

/** Commands that only look at a file: the probe passes exactly while the file exists. */
const FILE_CHECK = /^(?:cat|test -[efsr]|\[ -[efsr]|ls|stat|head -\S+|tail -\S+)\s+(\/\S+)/;
/** A run this much longer than the probe's failure window passed the probe all along: the file was there. */
const LONG_RUN_SECONDS = 30 * 60;
/** A line that reports deleting files: a sweep, a clean-up, a purge of old entries. */
const REMOVAL = /\b(swe(?:e|p)t|sweep\w*|clean(?:ed|ing|up)?|purg\w*|prun\w*|remov\w*|delet\w*|expir\w*|janitor|tmpreaper|tmpwatch)\b/i;
/** Env names that configure such a clean-up (its age limit, its interval, its directory). */
const CLEANER_ENV = /SWEEP|CLEAN|PURGE|PRUNE|REAP|JANITOR|(TMP|TEMP)_.*(AGE|TTL|RETENTION)|(AGE|TTL|RETENTION).*(TMP|TEMP)/i;

/** The file an exec probe checks for, when its command only looks at one. */
export function findCheckedFile(probe: ProbeEvidence | undefined): string | undefined {
  if (probe?.type !== 'exec' || probe.command === undefined) return undefined;
  const command = probe.command.replace(/^(?:\/bin\/)?(?:ba)?sh -c /, '').trim();
  return FILE_CHECK.exec(command)?.[1]?.replace(/[;'"\]]+$/, '');
}

/**
 * Why a liveness probe that checks `file` finds it gone after hours of passing: the deleter the
 * log or the env names, and the time between kills. Undefined unless the probe checks a file, the
 * kubelet says it is missing, and the killed runs lived long past the probe's window.
 */
export function explainSweptMarker(
  probe: ProbeEvidence | undefined,
  spec: Pick<ContainerSpecEvidence, 'env'>,
  messages: string,
  logs: readonly LogEvidence[],
  runs: readonly number[],
): ProbeMiss | undefined {
  const file = findCheckedFile(probe);
  if (file === undefined || !/no such file or directory/i.test(messages) || runs.length === 0) return undefined;
  const sorted = [...runs].sort((a, b) => a - b);
  const typical = sorted[Math.floor(sorted.length / 2)] ?? 0;
  if (sorted[0] === undefined || sorted[0] < LONG_RUN_SECONDS) return undefined;
  const dir = file.slice(0, file.lastIndexOf('/')) || '/';
  const lines = logs.flatMap((l) => l.lines);
  // A line that names the file itself among what it removed beats one that names only its directory.
  const removal = lines.filter((l) => REMOVAL.test(l) && l.includes(file)).at(-1) ?? lines.filter((l) => REMOVAL.test(l) && new RegExp(`(^|[\\s'"=:(\\[])${dir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\b`).test(l)).at(-1);
  const env = (spec.env ?? []).flatMap((e) => ('value' in e && CLEANER_ENV.test(e.name) ? [`${e.name}=${e.value}`] : []));
  const interval = formatSpan(typical * 1000);
  const quoted = removal === undefined ? undefined : truncate(condenseStructuredLine(removal.trim()), 160);
  const deleter = quoted !== undefined ? `the app's own clean-up of ${dir}` : env.length > 0 ? `a clean-up of ${dir}` : `something that cleans ${dir}`;
  // The age limit says when the file goes; the other settings (the interval) only how often it is looked at.
  const age = env.filter((e) => /AGE|TTL|RETENTION/i.test(e));
  const settings = env.length > 0 ? ` (${(age.length > 0 ? age : env).join(', ')})` : '';
  const said = quoted !== undefined ? ` — its log: "${quoted}"` : '';
  const fix = `make the liveness check not depend on a file in ${dir}: write the marker outside ${dir} (or exclude it from the clean-up), refresh it from the work loop, or probe an HTTP health endpoint`;
  return {
    scope: `it checks that ${file} exists, and the file is deleted ~${interval} after each start by ${deleter}${settings}`,
    why: `the probe (\`${probe?.command ?? ''}\`) passes only while ${file} exists: the file was there (each killed run passed the probe for ~${interval}) and then disappeared, deleted by ${deleter}${settings}${said}. So every ~${interval} after a start the probe fails and the kubelet kills a working app; the probe's timing is not the problem`,
    fix,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; until then every pod is killed ~${interval} after it starts. Restarting pods will not help.`,
    evidence: [
      `each killed run lasted ~${interval} (${sorted.length} ${sorted.length === 1 ? 'run' : 'runs'} read), long past the probe's window: ${file} existed, then was gone`,
      ...(quoted !== undefined ? [`log: ${quoted}`] : []),
      ...(env.length > 0 ? [`env ${env.join(', ')}`] : []),
    ],
  };
}
