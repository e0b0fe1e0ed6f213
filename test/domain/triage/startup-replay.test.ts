import { describe, expect, it } from 'vitest';
import { describeReplayProgress, findStartupReplay } from '../../../src/domain/triage/startup-replay.js';

const PROM = [
  'ts=2026-11-21T03:05:12.118Z caller=main.go:1160 level=info msg="Starting TSDB ..."',
  'ts=2026-11-21T03:05:12.121Z caller=head.go:626 level=info component=tsdb msg="Replaying on-disk memory mappable chunks if any"',
  'ts=2026-11-21T03:05:23.408Z caller=head.go:713 level=info component=tsdb msg="On-disk memory mappable chunks replay completed" duration=11.287s',
  'ts=2026-11-21T03:05:23.408Z caller=head.go:721 level=info component=tsdb msg="Replaying WAL, this may take a while"',
  'ts=2026-11-21T03:05:38.902Z caller=head.go:758 level=info component=tsdb msg="WAL checkpoint loaded"',
  'ts=2026-11-21T03:05:40.117Z caller=head.go:793 level=info component=tsdb msg="WAL segment loaded" segment=4412 maxSegment=4597',
  'ts=2026-11-21T03:06:41.530Z caller=head.go:793 level=info component=tsdb msg="WAL segment loaded" segment=4523 maxSegment=4597',
];

describe('findStartupReplay', () => {
  it('reads a Prometheus log cut off in the WAL replay, with the segment it reached', () => {
    const r = findStartupReplay(PROM);
    expect(r).toMatchObject({ what: 'WAL', segment: 4523, maxSegment: 4597, discardable: true });
    expect(r && describeReplayProgress(r)).toBe('segment 4523 of 4597');
  });

  it('leaves a replay that finished (the server went on to serve) alone', () => {
    const done = [
      ...PROM,
      'ts=2026-11-21T03:07:02.004Z caller=head.go:830 level=info component=tsdb msg="WAL replay completed" checkpoint_replay_duration=15.4s wal_replay_duration=83.2s total_replay_duration=110.0s',
      'ts=2026-11-21T03:07:02.611Z caller=main.go:1181 level=info msg="TSDB started"',
      'ts=2026-11-21T03:07:02.930Z caller=main.go:1408 level=info msg="Server is ready to receive web requests."',
      'ts=2026-11-21T03:41:10.101Z caller=compact.go:576 level=info component=tsdb msg="write block" mint=1763690400000 maxt=1763697600000',
    ];
    expect(findStartupReplay(done)).toBeUndefined();
  });

  it('leaves a log whose replay lies far behind its last lines alone', () => {
    const later = [...PROM, ...Array.from({ length: 6 }, (_, i) => `ts=2026-11-21T03:1${i}:00.000Z caller=scrape.go:1400 level=warn component="scrape manager" msg="Error on ingesting samples" num_dropped=${i + 3}`)];
    expect(findStartupReplay(later)).toBeUndefined();
  });

  it("reads Postgres crash-recovery redo as a database's log that must not be moved aside", () => {
    const pg = [
      '2026-11-21 03:05:12.118 UTC [1] LOG:  database system was interrupted; last known up at 2026-11-21 02:58:01 UTC',
      '2026-11-21 03:05:12.301 UTC [27] LOG:  database system was not properly shut down; automatic recovery in progress',
      '2026-11-21 03:05:12.340 UTC [27] LOG:  redo starts at 3A/1F0B1C8',
      '2026-11-21 03:05:22.340 UTC [27] LOG:  redo in progress, elapsed time: 10.00 s, current LSN: 3A/9B2C0D8',
    ];
    expect(findStartupReplay(pg)).toMatchObject({ what: 'WAL (crash-recovery redo)', discardable: false });
    expect(findStartupReplay([...pg, '2026-11-21 03:05:31.002 UTC [27] LOG:  redo done at 3A/C01D2E8', '2026-11-21 03:05:31.410 UTC [1] LOG:  database system is ready to accept connections'])).toBeUndefined();
  });

  it('ignores an app log that never replays anything', () => {
    expect(findStartupReplay(['2026-11-21T03:11:02.114Z INFO  [main] Started Application in 11.2 seconds', 'loading 184223 pending settlements into memory'])).toBeUndefined();
  });
});
