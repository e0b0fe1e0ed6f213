// A MongoDB member still in initial sync (STARTUP2) by its own log: it answers its probe but
// confirms no write until it becomes SECONDARY. Read from the 4.4+ JSON log and the older text log.
import { describe, expect, it } from 'vitest';
import { readInitialSync } from '../../../src/domain/triage/mongo-initial-sync.js';

const t = '{"t":{"$date":"2026-11-21T03:00:00.000+00:00"}';
const transition = (to: string, from: string) => `${t},"s":"I","c":"REPL","id":21358,"ctx":"ReplCoord-0","msg":"Replica set state transition","attr":{"newState":"${to}","oldState":"${from}"}}`;
const starting = `${t},"s":"I","c":"INITSYNC","id":21164,"ctx":"ReplCoordExtern-0","msg":"Starting initial sync attempt","attr":{"initialSyncAttempt":1,"initialSyncMaxAttempts":10}}`;
const progress = `${t},"s":"I","c":"INITSYNC","id":21192,"ctx":"ReplCoordExtern-2","msg":"Initial sync status and statistics","attr":{"status":"in progress","statistics":{"approxTotalDataSize":8000000000,"approxTotalBytesCopied":2000000000,"remainingInitialSyncEstimatedMillis":600000}}}`;
const accepted = `${t},"s":"I","c":"NETWORK","id":22943,"ctx":"listener","msg":"Connection accepted","attr":{"remote":"10.1.2.3:5000"}}`;

describe('a MongoDB member in initial sync, by its own log', () => {
  it('says it is still in STARTUP2, with how far along its last progress line is', () => {
    const s = readInitialSync([transition('STARTUP2', 'STARTUP'), starting, progress, accepted]);
    expect(s?.said).toBe('still in initial sync (STARTUP2, 2 of 8 GB copied, about 10 min left by its own estimate)');
    expect(s?.line).toMatch(/Initial sync status and statistics/);
  });

  it('says so from the transition alone, and from the older plain-text log', () => {
    expect(readInitialSync([transition('STARTUP2', 'STARTUP'), accepted])?.said).toBe('still in initial sync (STARTUP2)');
    expect(readInitialSync(['2020-01-01T03:00:00.000+0000 I REPL [replexec-0] transition to STARTUP2 from STARTUP', '2020-01-01T03:00:01.000+0000 I REPL [replication-0] Starting initial sync (attempt 1 of 10)'])?.said).toBe('still in initial sync (STARTUP2)');
  });

  it('is over once the member becomes SECONDARY, and says nothing of a member that never synced', () => {
    expect(readInitialSync([transition('STARTUP2', 'STARTUP'), starting, progress, transition('RECOVERING', 'STARTUP2'), transition('SECONDARY', 'RECOVERING')])).toBeUndefined();
    expect(readInitialSync(['2020-01-01T03:00:00.000+0000 I REPL [replexec-0] transition to STARTUP2 from STARTUP', '2020-01-01T03:10:00.000+0000 I REPL [replication-1] initial sync done; took 600s.', '2020-01-01T03:10:00.000+0000 I REPL [rsSync] transition to RECOVERING from STARTUP2', '2020-01-01T03:10:01.000+0000 I REPL [rsSync] transition to SECONDARY from RECOVERING'])).toBeUndefined();
    expect(readInitialSync([accepted, transition('SECONDARY', 'RECOVERING')])).toBeUndefined();
    expect(readInitialSync([accepted])).toBeUndefined();
  });
});
