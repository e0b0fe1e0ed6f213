/**
 * Redis answering BUSY: a Lua script (EVAL/EVALSHA) or a function (FCALL) has run past its time
 * limit (lua-time-limit / busy-reply-threshold, 5 s), and since Redis serves one command at a time
 * every other command of every client is answered `BUSY Redis is busy running a script. You can
 * only call SCRIPT KILL or SHUTDOWN NOSCRIPT.` until it ends. Redis logs it itself ("Slow script
 * detected: still in execution after 5000 milliseconds … Script name is: f_<sha>"). The clients are
 * the victims: what runs the script (often a maintenance Job) is the trigger.
 */
import type { ServerExplanation } from './server-explanation.js';

export const REDIS_BUSY_SCRIPT = /\bBUSY Redis is busy running a (script|function)\b/i;

/** Redis 7 and older (`Lua slow script detected`) say it alike; the script's name is there since 7. */
export const SLOW_SCRIPT: ServerExplanation = {
  pattern: /(?:Lua )?slow script detected: still in execution after (\d+) milliseconds/i,
  describe: (m) => ({ said: `its own log says a script still ran after ${m[1] ?? '?'} ms` }),
};

export const BUSY_SCRIPT_WHY =
  'Redis runs one command at a time, and a Lua script (EVAL/EVALSHA) or function (FCALL) runs to its end with nothing else served: past its time limit (lua-time-limit / busy-reply-threshold, 5 s) Redis answers every other command of every client BUSY until the script ends or is killed. A script that walks the keyspace (KEYS, or a whole SCAN inside one call) blocks it for minutes, so these pods\' calls fail and their readiness checks that touch Redis fail, while Redis itself stays Running and Ready.';

export const BUSY_SCRIPT_FIX =
  'end the script now with redis-cli SCRIPT KILL (FUNCTION KILL for a function; one that already wrote ends only with SHUTDOWN NOSCRIPT), stop what runs it, and rewrite it to work from the client in small batches (SCAN with COUNT) — no KEYS or keyspace walks inside a script';

export const BUSY_SCRIPT_OUTLASTS = 'the script runs inside Redis, whatever revision of these pods calls it: a rollback or a restart of them changes nothing';

/** Changes of another client's revision that bear on a script it runs: listed first. */
export const BUSY_SCRIPT_BEARING = /image|script|lua|eval|fcall|redis/i;

/**
 * The fix, naming what runs the script (a CronJob: suspend it until the script is rewritten; a
 * Deployment whose release began to run it: roll it back to `back`, its revision before).
 */
export function fixBusyScript(runner: string, back?: number): string {
  const cron = /^CronJob (\S+)$/.exec(runner)?.[1];
  const stop = cron ? `suspend CronJob ${cron}` : back !== undefined && runner.startsWith('Deployment ') ? `roll ${runner} back to revision ${back} (or turn off the script its release runs)` : `stop ${runner}`;
  return `end the script with redis-cli SCRIPT KILL, ${stop}, and rewrite its script to work from the client in small batches (SCAN with COUNT, no KEYS inside a script)`;
}

/** The reply up to "running a script": what follows is Redis's hint of what an operator may run, which the fix says. */
export function quoteBusy(line: string): string {
  const m = /^(.*?\bBUSY Redis is busy running a (?:script|function))\b[^\n]*$/i.exec(line);
  return m?.[1] ?? line;
}
