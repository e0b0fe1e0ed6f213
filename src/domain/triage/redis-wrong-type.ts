/**
 * Redis answers "WRONGTYPE Operation against a key holding the wrong kind of value" when a key
 * exists with another data type than the command expects (a GET on a hash, an HGET on a string).
 * Redis is healthy: the key layout is at fault — most often a release that changed how a key
 * family is stored (a hash → a JSON string) under the same key names, while keys the old version
 * wrote remain until they expire. Pure: reads the answered lines only.
 */
import { readKeys } from './cross-slot.js';

export const WRONG_TYPE = /WRONGTYPE Operation against a key holding the wrong kind of value/i;

/** The command answered, as the line gives it: ioredis' `"command":{"name":"get"`, or a `cmd=get` field. */
function readCommand(line: string): string | undefined {
  const name = /\\?"command\\?"\s*:\s*\{\s*\\?"name\\?"\s*:\s*\\?"(\w+)/i.exec(line)?.[1] ?? /\b(?:command|cmd)\\?["']?\s*[=:]\s*\\?["']?([a-z]+)\b/i.exec(line)?.[1];
  return name?.toUpperCase();
}

/** The keys a line names: the command's args, else a `key` field. */
function readAnsweredKeys(line: string): string[] {
  const args = readKeys(line);
  if (args.length > 0) return args.slice(0, 1);
  const key = /\bkey\\?["']?\s*[=:]\s*\\?["']?([\w:.{}/-]+)/i.exec(line)?.[1];
  return key ? [key] : [];
}

/**
 * The family of keys ("loyalty:balance"): the leading segments all the keys share, short of the
 * last, cut before the first that carries a digit (an id). Undefined when they share none.
 */
function keyFamily(keys: readonly string[]): string | undefined {
  const split = keys.map((k) => k.split(':')).filter((s) => s.length >= 2);
  const [first] = split;
  if (first === undefined) return undefined;
  const most = Math.min(...split.map((s) => s.length)) - 1;
  const shared = first.slice(0, most).findIndex((seg, i) => /\d/.test(seg) || split.some((s) => s[i] !== seg));
  const family = first.slice(0, shared < 0 ? most : shared);
  return family.length > 0 ? family.join(':') : undefined;
}

function readFamily(lines: readonly string[]): string | undefined {
  return keyFamily(lines.filter((l) => WRONG_TYPE.test(l)).flatMap(readAnsweredKeys).slice(-20));
}

/** " to GET on loyalty:balance:* keys: they hold another data type than it expects", after "answers WRONGTYPE". */
export function describeWrongType(line: string): string {
  const command = readCommand(line);
  const keys = readAnsweredKeys(line);
  const family = keyFamily(keys);
  const on = family ? `${family}:* keys` : keys[0] ? `key ${keys[0]}` : undefined;
  const to = [command, on].filter((x) => x !== undefined).join(' on ');
  return `${to ? ` to ${to}` : ''}: ${on ? 'they hold' : 'its keys hold'} another data type than ${command ?? 'the command'} expects`;
}

/** The fix, with the key family when the answered lines name it. */
export function fixWrongType(lines: readonly string[]): string | undefined {
  const family = readFamily(lines);
  if (family === undefined) return undefined;
  const head = family.split(':');
  const versioned = [...head.slice(0, -1), 'v2', ...head.slice(-1)].join(':');
  return `give the new data type its own key prefix (e.g. ${versioned}:…) so keys of the old type are never read as the new, or migrate or delete the old ${family}:* keys (SCAN with TYPE, then UNLINK)`;
}
