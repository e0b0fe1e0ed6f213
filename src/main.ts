/** The process: read config (one line and exit 1 if wrong), start, stop cleanly on SIGTERM/SIGINT. */
import { existsSync } from 'node:fs';
import { loadConfig } from './config.js';
import { RootcauseError } from './errors.js';
import { createLogger } from './logger.js';
import { startRootcause } from './rootcause.js';

async function main(): Promise<void> {
  // `npm start` reads .env as docker compose does; variables already in the environment win.
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof RootcauseError && (err.code === 'CONFIG_INVALID' || err.code === 'CATALOG_INVALID')) {
      process.stderr.write(`rootcause: configuration error: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  const bot = await startRootcause(config, { log });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    bot.stop().then(
      () => process.exit(0),
      (err: Error) => {
        log.error({ err: err.message }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: Error) => {
  process.stderr.write(`rootcause: failed to start: ${err.message}\n`);
  process.exit(1);
});
