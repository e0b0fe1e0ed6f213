import { describe, expect, it } from 'vitest';
import { isErrorLine } from '../../../src/domain/triage/error-line.js';

// Redis' own log format: `pid:role dd Mon yyyy hh:mm:ss.mmm <level> message`, `#` the warning level.
describe('error lines in Redis\' own log format', () => {
  it('counts a Redis Cluster going to state fail and a warning that reports a failure', () => {
    expect(isErrorLine('1:M 21 Nov 2026 02:42:38.518 # Cluster state changed: fail')).toBe(true);
    expect(isErrorLine('1:S 21 Nov 2026 02:42:38.518 # Error condition on socket for SYNC: Connection refused')).toBe(true);
    expect(isErrorLine('1:M 21 Nov 2026 02:42:38.518 # Can\'t save in background: fork: Cannot allocate memory')).toBe(true);
  });

  it('counts a client told CLUSTERDOWN, whatever level it logs it at', () => {
    expect(isErrorLine('session lookup failed: CLUSTERDOWN The cluster is down')).toBe(true);
  });

  it('does not count the warning level\'s ordinary notes: state ok, boot advisories, other levels', () => {
    expect(isErrorLine('1:M 21 Nov 2026 02:42:38.518 # Cluster state changed: ok')).toBe(false);
    expect(isErrorLine('1:C 21 Nov 2026 02:42:38.518 # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition.')).toBe(false);
    expect(isErrorLine('1:M 21 Nov 2026 02:42:38.518 # WARNING: The TCP backlog setting of 511 cannot be enforced because /proc/sys/net/core/somaxconn is set to the lower value of 128.')).toBe(false);
    expect(isErrorLine('1:M 21 Nov 2026 02:42:38.518 * FAIL message received from 3f6a9c1d () about c91e7a3f ()')).toBe(false);
    expect(isErrorLine('1:M 21 Nov 2026 02:42:38.518 # Failover auth granted to 8b2e4d6f () for epoch 7')).toBe(false);
  });
});
