/**
 * A Redis Cluster that moves hash slots between masters (a resharding: `redis-cli --cluster
 * rebalance` or `reshard` after masters were added or before one is removed, or an operator doing
 * the same) holds each slot it moves open on both sides while its keys are copied: a single-key
 * command on a key already moved is redirected (ASK) and succeeds, but a multi-key command (MGET,
 * MSET, a transaction or a script over several keys) whose keys are split between source and
 * target is answered "TRYAGAIN Multiple keys request during rehashing of slot" until that slot has
 * moved. The cluster and its clients are healthy and the commands are right: what moves the slots
 * is the trigger, and the errors stop when the resharding ends. Pure: the refused lines only.
 */
import { readCrossSlotCommand } from './cross-slot.js';

/** The server's reply, and redis-py's TryAgainError, which drops the TRYAGAIN code from the message. */
export const REDIS_TRYAGAIN = /\bTRYAGAIN\b|Multiple keys request during rehashing of slot|\bTryAgainError\b/;

export const TRYAGAIN_REFUSES = 'multi-key commands whose keys are split by a slot migration (TRYAGAIN)';

export const TRYAGAIN_WHY =
  'A Redis Cluster moving hash slots between masters (a resharding or rebalance after masters were added, or before one is removed) keeps each slot it moves open on both sides while its keys are copied: single-key commands on moved keys are redirected (ASK) and succeed, but a multi-key command (MGET, a script or transaction over several keys) whose keys are then split between source and target is answered TRYAGAIN until that slot has moved, so those calls fail while single-key reads keep working and the pods stay Ready.';

/** What holds the cluster, in the likely cause, after "<server> and these pods are healthy: ". */
export const TRYAGAIN_HOLDS = 'a resharding moves its slots between masters, and the multi-key commands meet the slots being moved';

/** What a Job that talks to the cluster does there, after "… just before the first TRYAGAIN: ". */
export const TRYAGAIN_DOES = 'the slots it moves are the ones the multi-key commands meet (its log says how far it got)';

export const TRYAGAIN_OUTLASTS = 'the slots move inside the Redis Cluster, whatever revision of these pods sends the commands: a rollback or a restart of them changes nothing';

/** The client's side of it: retry the command, as cluster clients do for a moving slot. */
const RETRY = 'have the client retry TRYAGAIN after a short delay (ioredis Cluster does, by retryDelayOnTryAgain) so a slot move is never a failed request';

/** Without a resharding read: its end, and a slot a stopped resharding left open, which TRYAGAIN never outlives. */
export const TRYAGAIN_FIX = `let the resharding finish — TRYAGAIN stops once each slot has moved — and run further resharding off-peak; ${RETRY}; if it lasts, look for a slot left open (redis-cli --cluster check) and close it with redis-cli --cluster fix`;

/** The fix, naming what moves the slots: let it finish rather than kill it, which would leave a slot open. */
export function fixSlotMigration(runner: string): string {
  return `let ${runner} finish moving the slots — TRYAGAIN stops once the last slot has moved; killing it mid-slot leaves that slot open (redis-cli --cluster fix closes it) — and run further resharding off-peak; ${RETRY}`;
}

/** "its MGET and EVALSHA calls": the multi-key commands the refused lines name, at most three. */
export function describeSplitCommands(lines: readonly string[]): string {
  const commands = [...new Set(lines.flatMap((l) => readCrossSlotCommand(l) ?? []))].slice(0, 3);
  const last = commands.pop();
  if (last === undefined) return '';
  return `its ${commands.length > 0 ? `${commands.join(', ')} and ${last}` : last} calls`;
}
