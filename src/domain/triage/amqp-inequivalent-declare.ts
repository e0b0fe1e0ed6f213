/**
 * An AMQP client whose declaration of a queue (or exchange) that already exists carries other
 * arguments than the broker holds for it: RabbitMQ answers 406 PRECONDITION_FAILED ("inequivalent
 * arg 'x-queue-type' for queue 'q' in vhost 'v': received the value 'quorum' … but current is
 * none"), closes the channel, and a client that declares at start-up exits on every start. A
 * queue's type and its x-arguments are fixed when it is created: redeclaring cannot change them.
 * The revision that changed what the client declares (its env or image) is the trigger; the fix
 * reverts that argument, or migrates to a queue created with it (a new name, or the old one
 * drained, deleted and redeclared). Pure: reads the crashed log and the revisions' diff only.
 */
import type { RevisionEvidence } from './evidence.js';
import { diffRevisions, sortRevisions } from './revision-diff.js';

const INEQUIVALENT = /inequivalent arg '(?<arg>[^']+)' for (?<kind>queue|exchange) '(?<name>[^']+)' in vhost '(?<vhost>[^']*)': received (?:the value '(?<sent>[^']*)'[^:]*?|none) but current is (?:the value '(?<held>[^']*)'|none)/;

export interface InequivalentDeclare {
  line: string;
  arg: string;
  kind: 'queue' | 'exchange';
  name: string;
  vhost: string;
  /** What the client declared, and what the broker holds; undefined for "none". */
  sent?: string;
  held?: string;
  /** The change of the crashed pods' revision that bears on the argument: an env line of its diff. */
  changed?: { revision: number; change: string };
}

/** The words of the argument as an env var or a setting may carry them: 'x-queue-type' → queue_type, queuetype. */
function argWords(arg: string): RegExp {
  const core = arg.replace(/^x-/, '').split(/[-_.]/).filter((w) => w !== '');
  return new RegExp(core.join('[-_.]?'), 'i');
}

/** The refusal in the last lines of a crashed log, and the revision change that made the client declare it so. */
export function findInequivalentDeclare(lines: readonly string[], revisions: readonly RevisionEvidence[], podHash: string | undefined): InequivalentDeclare | undefined {
  const line = [...lines].reverse().find((l) => INEQUIVALENT.test(l));
  const g = line === undefined ? undefined : INEQUIVALENT.exec(line)?.groups;
  if (line === undefined || g === undefined) return undefined;
  const arg = g['arg'] ?? '';
  const sent = g['sent'];
  const sorted = sortRevisions(revisions);
  const at = sorted.findIndex((r) => r.hash === podHash);
  const revision = sorted[at];
  const previous = at >= 0 ? sorted[at + 1] : undefined;
  const words = argWords(arg);
  const bearing = (l: string) => / env /.test(l) && (words.test(l) || (sent !== undefined && sent !== '' && l.toLowerCase().includes(sent.toLowerCase())));
  const change = revision && previous ? diffRevisions(previous, revision).find(bearing) : undefined;
  return {
    line: line.trim(),
    arg,
    kind: g['kind'] === 'exchange' ? 'exchange' : 'queue',
    name: g['name'] ?? '',
    vhost: g['vhost'] ?? '',
    ...(sent !== undefined ? { sent } : {}),
    ...(g['held'] !== undefined ? { held: g['held'] } : {}),
    ...(revision && change ? { changed: { revision: revision.revision, change: change.trim() } } : {}),
  };
}

/** The finding's words. */
export function tellInequivalentDeclare(found: InequivalentDeclare): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const what = `${found.kind} '${found.name}'`;
  const sent = found.sent === undefined ? 'without it' : `with ${found.arg}=${found.sent}`;
  const held = found.held === undefined ? `none` : `${found.arg}=${found.held}`;
  const revert = found.changed ? `revert what revision ${found.changed.revision} changed (${found.changed.change})` : `declare ${what} with the arguments it has on the broker (${held})`;
  const migrate = found.kind === 'queue'
    ? `migrate: declare a new queue with ${found.arg}=${found.sent ?? '…'} under a new name and move producers and consumers to it, or drain, delete and redeclare '${found.name}'`
    : `migrate: declare a new exchange under a new name and rebind its queues, or delete and redeclare '${found.name}'`;
  // A rollback already reverts what the revision changed: the fix then says how to keep the new argument.
  const fix = found.changed ? `to keep ${found.arg}=${found.sent ?? 'none'}, ${migrate}` : `${revert}, or ${migrate}`;
  const action = found.changed ? `${revert.charAt(0).toUpperCase()}${revert.slice(1)}; ${fix}.` : `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`;
  return {
    title: `: the broker refuses its declaration of ${what} (406 PRECONDITION_FAILED): it declares ${found.arg} ${found.sent === undefined ? 'none' : `'${found.sent}'`}, the existing ${found.kind} has ${found.held === undefined ? 'none' : `'${found.held}'`}`,
    cause: `An AMQP declaration of a ${found.kind} that already exists must carry the same arguments; a ${found.kind}'s ${found.kind === 'queue' ? 'type and ' : ''}x-arguments are fixed when it is created and a redeclaration cannot change them. The client declares ${what} in vhost '${found.vhost}' ${sent}, the broker holds it with ${held}, so it answers 406 PRECONDITION_FAILED, closes the channel, and the client exits on every start.${found.changed ? ` Revision ${found.changed.revision} changed what it declares (${found.changed.change}).` : ''} The broker is healthy; restarting the pods will not help.`,
    action,
    fix,
    evidence: [`log: ${found.line}`, ...(found.changed ? [`revision ${found.changed.revision}: ${found.changed.change}`] : [])],
  };
}
