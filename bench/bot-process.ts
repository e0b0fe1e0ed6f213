/**
 * A bot in its own process with the production worker timings (no overrides), for the fault
 * benchmark to kill with SIGKILL. Config from the environment like src/main.ts. Prints
 * "ready <port>" when it serves.
 */
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { startRootcause } from '../src/rootcause.js';

const bot = await startRootcause(loadConfig(process.env), { log: pino({ level: 'silent' }), processMetrics: false });
process.stdout.write(`ready ${bot.port}\n`);
