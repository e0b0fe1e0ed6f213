import { describe, expect, it } from 'vitest';
import type { PoolConfigEvidence } from '../../../src/domain/triage/evidence-pool-config.js';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';
import { readPoolAgainstThreads } from '../../../src/domain/triage/pool-threads.js';
import { container } from './scenarios/builders.js';

const yml = (...lines: string[]): PoolConfigEvidence => ({ configMap: 'orders-db-config', key: 'database.yml', via: '/app/config/database.yml', lines });
const log = (...lines: string[]): LogEvidence => ({ pod: 'p', container: 'app', previous: false, lines });
const threads = (value: string) => container({ env: [{ name: 'RAILS_MAX_THREADS', value }] });

describe('readPoolAgainstThreads', () => {
  it('reads the pool of a mounted database.yml against the threads the env sets', () => {
    expect(readPoolAgainstThreads(threads('16'), [yml('pool: 5', 'checkout_timeout: 5')], [])).toEqual({
      pool: 5, poolSaid: 'pool: 5 in database.yml of ConfigMap orders-db-config', configMap: 'orders-db-config',
      threads: 16, threadsSaid: 'RAILS_MAX_THREADS=16', threadsVar: 'RAILS_MAX_THREADS',
    });
  });

  it('reads nothing when the pool follows the threads, or holds as many connections', () => {
    expect(readPoolAgainstThreads(threads('16'), [yml('pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>')], [])).toBeUndefined();
    expect(readPoolAgainstThreads(threads('5'), [yml('pool: 5')], [])).toBeUndefined();
    expect(readPoolAgainstThreads(threads('16'), [], [])).toBeUndefined();
  });

  it('resolves a pool read from another variable, with its default', () => {
    const pooled = (v?: string) => container({ env: [{ name: 'RAILS_MAX_THREADS', value: '12' }, ...(v ? [{ name: 'DB_POOL', value: v }] : [])] });
    const erb = yml('pool: <%= ENV.fetch("DB_POOL") { 4 } %>');
    expect(readPoolAgainstThreads(pooled('20'), [erb], [])).toBeUndefined();
    expect(readPoolAgainstThreads(pooled(), [erb], [])?.pool).toBe(4);
  });

  it("takes SQLAlchemy's own size and overflow over any setting, and Gunicorn's --threads", () => {
    const c = container({ command: ['gunicorn', 'app:app', '--workers', '2', '--threads', '32', '-t', '60'] });
    const read = readPoolAgainstThreads(c, [], [log('sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00')]);
    expect(read).toMatchObject({ pool: 15, threads: 32, threadsSaid: '--threads 32 in its command' });
  });

  it("takes the threads from Puma's startup line when no setting names them", () => {
    const read = readPoolAgainstThreads(container({ env: [{ name: 'DB_POOL', value: '5' }] }), [], [log('[1] *  Max threads: 16')]);
    expect(read).toMatchObject({ pool: 5, poolSaid: 'DB_POOL=5', threads: 16 });
  });
});
