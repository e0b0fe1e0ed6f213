/**
 * A bot in its own process, for tests that kill it with SIGKILL mid-job. Config comes
 * from the environment like the real entry point; the worker lock is short so another
 * bot picks up the job of a killed one within seconds. Prints "ready <port>" when up.
 */
import { pino } from 'pino';
import { loadConfig } from '../../src/config.js';
import { startRootcause } from '../../src/rootcause.js';

const bot = await startRootcause(loadConfig(process.env), {
  log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  processMetrics: false,
  workerTimings: { lockDurationMs: 2000, stalledIntervalMs: 1000 },
});
process.stdout.write(`ready ${bot.port}\n`);
