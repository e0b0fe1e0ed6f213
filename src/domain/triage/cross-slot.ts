/**
 * A Redis Cluster spreads keys over 16384 hash slots held by different masters, and serves a
 * multi-key command (MGET, MSET, DEL of several keys, SUNION, a transaction, a script over several
 * keys) only when every key hashes to the same slot: otherwise it answers "CROSSSLOT Keys in
 * request don't hash to the same slot", and cluster-aware clients refuse such a command before
 * sending it (redis-py "all keys must map to the same key slot", Jedis "keys have different
 * slots"). The cluster is healthy and serves every single-key command; the command the client
 * sends is at fault — typically a release that batched reads into one call. Keys share a slot when
 * they share a hash tag: only the part between { and } is hashed. Pure: reads the refused lines only.
 */

/** The server's answer and the client libraries' own refusals. */
export const CROSS_SLOT = /CROSSSLOT Keys in request don't hash to the same slot|all keys must map to the same key slot|keys have different slots/i;

/** Commands that take several keys: a name read from a line must be one of them to be named. */
const MULTI_KEY = new Set([
  'MGET', 'MSET', 'MSETNX', 'DEL', 'UNLINK', 'EXISTS', 'TOUCH', 'COPY', 'RENAME', 'RENAMENX',
  'SUNION', 'SINTER', 'SDIFF', 'SUNIONSTORE', 'SINTERSTORE', 'SDIFFSTORE', 'SMOVE', 'SINTERCARD',
  'ZUNION', 'ZINTER', 'ZDIFF', 'ZUNIONSTORE', 'ZINTERSTORE', 'ZDIFFSTORE', 'ZINTERCARD', 'ZMPOP', 'BZMPOP',
  'RPOPLPUSH', 'LMOVE', 'BLMOVE', 'BLPOP', 'BRPOP', 'LMPOP', 'BLMPOP', 'PFCOUNT', 'PFMERGE',
  'WATCH', 'EXEC', 'EVAL', 'EVALSHA', 'FCALL', 'XREAD', 'XREADGROUP',
]);

/**
 * The command refused, as the line gives it: ioredis' `"command":{"name":"mget"`, a `cmd=mget`
 * field, redis-py's "MGET - all keys…", or a multi-key command word in capitals.
 */
export function readCrossSlotCommand(line: string): string | undefined {
  const candidates = [
    /\\?"command\\?"\s*:\s*\{\s*\\?"name\\?"\s*:\s*\\?"(\w+)/i.exec(line)?.[1],
    /\b(?:command|cmd)\\?["']?\s*[=:]\s*\\?["']?(\w+)/i.exec(line)?.[1],
    /\b([A-Z]+) - all keys must map/.exec(line)?.[1],
    ...[...line.matchAll(/\b[A-Z]{3,}\b/g)].map((m) => m[0]),
  ];
  return candidates.map((c) => c?.toUpperCase()).find((c) => c !== undefined && MULTI_KEY.has(c));
}

/** The keys an ioredis-style `"args":[…]` field lists, when the line carries them. */
export function readKeys(line: string): string[] {
  const args = /\\?"args\\?"\s*:\s*\[([^\]]*)\]/.exec(line)?.[1];
  return args ? [...args.matchAll(/\\?"([^"\\]+)\\?"/g)].map((m) => m[1] ?? '').filter((k) => k !== '') : [];
}

/** " (CROSSSLOT: its MGET of cart:u-1:items, cart:u-1:coupon, price:SKU-1)", after what it refuses. */
export function describeCrossSlot(line: string): string {
  const command = readCrossSlotCommand(line);
  const keys = readKeys(line);
  if (command === undefined) return ' (CROSSSLOT)';
  const shown = keys.slice(0, 3).join(', ');
  return ` (CROSSSLOT: its ${command}${shown ? ` of ${shown}${keys.length > 3 ? ', …' : ''}` : ''})`;
}

/**
 * Two of the keys with the segment they share in braces ("cart:{u-1}:items, cart:{u-1}:coupon"),
 * when two of them share a segment: how a hash tag puts them in one slot.
 */
function exampleHashTag(keys: readonly string[]): string | undefined {
  for (const [i, a] of keys.entries()) {
    for (const b of keys.slice(i + 1)) {
      // Not the leading segment (cart:…): a tag on it would put every key of that kind in one slot.
      const shared = a.split(':').find((s) => s !== '' && !a.startsWith(`${s}:`) && b.split(':').includes(s));
      if (shared) return [a, b].map((k) => k.replace(`:${shared}`, `:{${shared}}`)).join(', ');
    }
  }
  return undefined;
}

/** The client-side fix, with the command and an example tag from the lines when they give them. */
export function fixCrossSlot(lines: readonly string[]): string | undefined {
  // The newest refusal, the one the title quotes.
  const line = lines.findLast((l) => CROSS_SLOT.test(l) && readCrossSlotCommand(l) !== undefined) ?? lines.findLast((l) => CROSS_SLOT.test(l));
  if (line === undefined) return undefined;
  const command = readCrossSlotCommand(line) ?? 'multi-key command';
  const tag = exampleHashTag(readKeys(line));
  return `put the keys one ${command} reads under one hash tag (only the part in {…} is hashed${tag ? `: ${tag}` : ''}), or split the ${command} into per-key or per-slot calls (a pipeline)`;
}
