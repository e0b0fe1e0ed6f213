// The first run of the real entry point (src/main.ts), as someone trying the bot meets it: it reads
// .env, refuses the placeholders it ships with, says which workspace its token belongs to or why
// Slack refused it, and says at once when there is no kubeconfig.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitForLine } from '../helpers/child-output.js';
import { DEADLINE_MS, PROCESS_START_MS } from '../helpers/deadline.js';
import { TEST_REDIS_URL } from '../helpers/redis.js';
import { useWire } from '../helpers/wire-harness.js';

const MAIN = join(import.meta.dirname, '../../src/main.ts');
// tsx from this repository, whatever the child's working directory.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

const wire = useWire();
let dir: string;
let child: ChildProcess | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rootcause-first-run-'));
});
afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  child = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `npm start`'s entry point in `dir` (where its .env is), with HOME there too: no ~/.kube. */
function start(env: Record<string, string> = {}): ChildProcess {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SLACK_|PAGERDUTY_|KUBECONFIG|KUBERNETES_|REDIS_|SERVICE_CATALOG|PORT)/.test(k)));
  child = spawn(process.execPath, ['--import', TSX, MAIN], { cwd: dir, env: { ...clean, HOME: dir, PORT: '0', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return child;
}

function exitWithStderr(c: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  c.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still running after ${PROCESS_START_MS} ms; stderr: ${stderr}`)), PROCESS_START_MS);
    c.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('first run', () => {
  it('reads .env and names the placeholder it still holds, instead of failing later at Slack', async () => {
    writeFileSync(join(dir, '.env'), 'SLACK_BOT_TOKEN=xoxb-your-bot-token\nSLACK_SIGNING_SECRET=your-signing-secret\n');
    const { code, stderr } = await exitWithStderr(start());
    expect(code).toBe(1);
    expect(stderr).toContain('configuration error: SLACK_BOT_TOKEN is still the placeholder "xoxb-your-bot-token"');
    expect(stderr).toContain('OAuth & Permissions');
  });

  it('lets the environment win over .env', async () => {
    writeFileSync(join(dir, '.env'), 'SLACK_BOT_TOKEN=xoxb-your-bot-token\nSLACK_SIGNING_SECRET=s\n');
    const { code, stderr } = await exitWithStderr(start({ SLACK_BOT_TOKEN: 'xoxb-set-in-env', REDIS_URL: 'not a url' }));
    expect(code).toBe(1);
    expect(stderr).not.toContain('placeholder');
    expect(stderr).toContain('REDIS_URL is not a URL');
  });

  it('says which workspace its token belongs to, and that there is no kubeconfig', async () => {
    writeFileSync(join(dir, '.env'), `SLACK_BOT_TOKEN=xoxb-test\nSLACK_SIGNING_SECRET=s\nSLACK_API_URL=${wire.slack.url}\nREDIS_URL=${TEST_REDIS_URL}\nREDIS_KEY_PREFIX=${wire.prefix}\n`);
    const c = start();
    const [noKube, connected] = await Promise.all([waitForLine(c, /No kubeconfig found/), waitForLine(c, /connected to Slack workspace/)]);
    expect(noKube.input).toContain('set KUBECONFIG');
    expect(connected.input).toContain('connected to Slack workspace \\"Rootcause Test\\"');
  });

  it('says plainly when Slack refuses the token', async () => {
    writeFileSync(join(dir, '.env'), `SLACK_BOT_TOKEN=xoxb-revoked-long-ago\nSLACK_SIGNING_SECRET=s\nSLACK_API_URL=${wire.slack.url}\nREDIS_URL=${TEST_REDIS_URL}\nREDIS_KEY_PREFIX=${wire.prefix}\n`);
    const { input: line } = await waitForLine(start(), /Slack refused SLACK_BOT_TOKEN/);
    expect(line).toContain('invalid_auth');
    expect(line).toContain('Bot User OAuth Token');
  });
});
