/**
 * `npm run demo`: Rootcause against built-in stand-ins of Slack, PagerDuty and Kubernetes, shown
 * in a Slack-like page. Needs only a Redis (REDIS_URL, default redis://127.0.0.1:6379).
 *   DEMO_PORT    port of the page; default 4000
 *   DEMO_HOST    address the page listens on; default 127.0.0.1 (0.0.0.0 in a container)
 *   DEMO_SCRIPT  "off": do not play the story on start; default on
 *   DEMO_PACE    multiplies the story's pauses; default 1 (about a minute)
 *   LOG_LEVEL    the bot's log level; default warn
 */
import { pino } from 'pino';
import { startDemo } from './start-demo.js';

async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env.DEMO_PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`DEMO_PORT must be a port number, got ${JSON.stringify(env.DEMO_PORT)}`);
  const pace = Number(env.DEMO_PACE ?? 1);
  if (!Number.isFinite(pace) || pace < 0) throw new Error(`DEMO_PACE must be a number ≥ 0, got ${JSON.stringify(env.DEMO_PACE)}`);
  const log = pino({ level: env.LOG_LEVEL ?? 'warn' });
  const demo = await startDemo({
    port,
    host: env.DEMO_HOST ?? '127.0.0.1',
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisKeyPrefix: 'rootcause-demo',
    story: env.DEMO_SCRIPT !== 'off',
    pace,
    log,
  });
  process.stdout.write(`Rootcause demo: open ${demo.url}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    demo.stop().then(
      () => process.exit(0),
      (err: Error) => {
        process.stderr.write(`rootcause demo: shutdown failed: ${err.message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: Error) => {
  process.stderr.write(`rootcause demo: failed to start: ${err.message}\n`);
  process.exit(1);
});
