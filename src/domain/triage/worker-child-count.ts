/**
 * How many worker children a pre-forking server runs, read where the template sets it: the
 * command or args (Celery's --concurrency / -c, gunicorn's --workers / -w, uWSGI's --processes /
 * -p) or a literal env var the server reads (WEB_CONCURRENCY, CELERY_WORKER_CONCURRENCY…), and,
 * failing those, what the server printed at start (Celery's banner "concurrency: 8 (prefork)").
 * All children share the container's memory limit: their count sizes the memory they need.
 */
import type { EnvVarEvidence } from './evidence.js';
import type { PreforkServer } from './worker-child-kill.js';

export interface ChildCount {
  count: number;
  /** The setting as written: "--concurrency=8", "env WEB_CONCURRENCY=8", "the start banner". */
  setting: string;
  /** The flag or variable's name, to say "--concurrency 2 → 8". */
  name: string;
}

interface SpecLike {
  command?: readonly string[];
  args?: readonly string[];
  env?: readonly EnvVarEvidence[];
}

/** The flags that set the child count, by server; a server not told apart gets the long flags only. */
const FLAGS: Record<PreforkServer | 'unknown', string[]> = {
  celery: ['--concurrency', '-c'],
  gunicorn: ['--workers', '-w'],
  uwsgi: ['--processes', '--workers', '-p'],
  'php-fpm': [],
  'process-pool': ['--concurrency', '--workers', '--processes'],
  unknown: ['--concurrency', '--workers', '--processes'],
};

const ENV: Record<PreforkServer | 'unknown', string[]> = {
  celery: ['CELERY_WORKER_CONCURRENCY', 'CELERYD_CONCURRENCY'],
  gunicorn: ['WEB_CONCURRENCY', 'GUNICORN_WORKERS'],
  uwsgi: ['UWSGI_PROCESSES', 'UWSGI_WORKERS'],
  'php-fpm': [],
  'process-pool': ['WEB_CONCURRENCY'],
  unknown: ['WEB_CONCURRENCY'],
};

/** Celery's start banner: "- *** --- * --- .> concurrency: 8 (prefork)". */
const CELERY_BANNER = /\.> concurrency: (\d+) \(prefork\)/;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

/** The server the command runs, when it names one. */
export function serverOf(spec: SpecLike): PreforkServer | undefined {
  const text = [...(spec.command ?? []), ...(spec.args ?? [])].join(' ');
  if (/\bcelery\b/.test(text)) return 'celery';
  if (/\bgunicorn\b/.test(text)) return 'gunicorn';
  if (/\buwsgi\b/.test(text)) return 'uwsgi';
  return undefined;
}

/** The child count the template sets, if it sets one. */
export function readChildCount(spec: SpecLike, server: PreforkServer | undefined): ChildCount | undefined {
  const kind = server ?? serverOf(spec) ?? 'unknown';
  // Tokens as the process gets them, and split again for a shell string ("sh -c 'celery … -c 8'").
  const text = ` ${[...(spec.command ?? []), ...(spec.args ?? [])].join(' ')} `;
  for (const flag of FLAGS[kind]) {
    const m = new RegExp(`\\s(${escape(flag)})(=|\\s+)(\\d+)(?=[\\s'"]|$)`).exec(text);
    if (m !== null) return { count: Number(m[3]), setting: `${m[1] ?? flag}${m[2] === '=' ? '=' : ' '}${m[3] ?? ''}`, name: flag };
  }
  for (const name of [...ENV[kind], ...(kind === 'gunicorn' ? ['GUNICORN_CMD_ARGS'] : [])]) {
    const e = spec.env?.find((x) => x.name === name);
    if (e === undefined || !('value' in e)) continue;
    if (name === 'GUNICORN_CMD_ARGS') {
      const m = /(?:--workers|-w)(?:=|\s+)(\d+)/.exec(e.value);
      if (m !== null) return { count: Number(m[1]), setting: `env GUNICORN_CMD_ARGS ${m[0]}`, name: '--workers' };
      continue;
    }
    if (/^\d+$/.test(e.value.trim())) return { count: Number(e.value.trim()), setting: `env ${name}=${e.value.trim()}`, name };
  }
  return undefined;
}

/** What the server printed at start about its child count, when it did (Celery's banner). */
export function readLoggedChildCount(lines: readonly string[]): ChildCount | undefined {
  for (const line of lines) {
    const m = CELERY_BANNER.exec(line);
    if (m !== null) return { count: Number(m[1]), setting: `concurrency: ${m[1] ?? ''} (prefork) in the start banner`, name: 'concurrency' };
  }
  return undefined;
}
