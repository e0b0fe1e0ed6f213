/** PostLedger in memory, with RedisPostLedger's semantics (claim once, reclaim only an unchanged claim). */
import type { PostLedger } from '../../src/domain/ports.js';

export class MemoryPostLedger implements PostLedger {
  readonly entries = new Map<string, { posted: string } | { postingSince: number }>();

  async read(key: string): Promise<{ posted: string } | { postingSince: number } | undefined> {
    const entry = this.entries.get(key);
    return entry === undefined ? undefined : { ...entry };
  }

  async claim(key: string, now: number): Promise<boolean> {
    if (this.entries.has(key)) return false;
    this.entries.set(key, { postingSince: now });
    return true;
  }

  async reclaim(key: string, since: number, now: number): Promise<boolean> {
    const entry = this.entries.get(key);
    if (entry === undefined || !('postingSince' in entry) || entry.postingSince !== since) return false;
    this.entries.set(key, { postingSince: now });
    return true;
  }

  async markPosted(key: string, ts: string): Promise<void> {
    this.entries.set(key, { posted: ts });
  }
}
