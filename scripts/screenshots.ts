/**
 * `npm run screenshots [-- <dump.json>] [--tz Europe/Berlin]`: PNGs of the card, a triage, the
 * timeline and the post-mortem (from `npm run render:demo`'s dump) for the README, in
 * docs/screenshots/. Drives headless Chromium (/usr/bin/chromium, or CHROMIUM) over the DevTools
 * protocol with the `ws` dev dependency: each section is rendered as its own page and captured at
 * its own height.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WebSocket } from 'ws';
import { renderWorkspace } from '../src/demo/slack-html/render-page.js';
import type { DumpMessage, SlackDump } from '../src/demo/slack-html/slack-dump.js';

const OUT_DIR = 'docs/screenshots';
const WIDTH = 960;
/** Tall threads are cut here: the README shows the first screen, the HTML has the rest. */
const MAX_HEIGHT = 1500;

interface Section {
  file: string;
  title: string;
  /** The conversation: the incident channel unless named. */
  channel?: string;
  keep: (m: DumpMessage) => boolean;
  /** Cut lower than MAX_HEIGHT (dense pages make large PNGs; the README keeps each ≤ 300 KB). */
  maxHeight?: number;
}

const SECTIONS: Section[] = [
  { file: 'card.png', title: 'The incident channel: card first', keep: (m) => /^(Incident #|Acknowledged|.*is now the incident lead)/.test(m.text) },
  { file: 'announcement.png', title: '#incidents', channel: 'incidents', keep: () => true },
  { file: 'triage.png', title: 'A triage and its thread', keep: (m) => m.text.startsWith('Triage of') },
  { file: 'timeline.png', title: 'People and the timeline', keep: (m) => m.user === 'U0ALICE' || m.user === 'U0BOB' || m.text.startsWith(':pushpin:') },
  { file: 'postmortem.png', title: 'Resolve and the post-mortem', keep: (m) => /^(:white_check_mark: Resolved|:memo: Post-mortem|Post-mortem:)/.test(m.text) || (m.files ?? []).length > 0, maxHeight: 1300 },
];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const tzAt = args.indexOf('--tz');
  const timeZone = tzAt >= 0 ? (args[tzAt + 1] ?? 'UTC') : Intl.DateTimeFormat().resolvedOptions().timeZone;
  const input = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--tz') ?? 'docs/render/demo-dump.json';
  const dump = JSON.parse(readFileSync(input, 'utf8')) as SlackDump;
  const incident = dump.channels.find((c) => c.name.startsWith('inc-'));
  if (incident === undefined) throw new Error(`${input} has no incident channel; run npm run render:demo first`);
  const pages = mkdtempSync(join(tmpdir(), 'rootcause-shots-'));
  mkdirSync(OUT_DIR, { recursive: true });

  const chrome = await launchChromium();
  try {
    for (const s of SECTIONS) {
      const html = renderWorkspace(dump, { timeZone, channels: [s.channel ?? incident.id], keep: s.keep, sidebar: false, title: s.title });
      const page = join(pages, s.file.replace(/\.png$/, '.html'));
      writeFileSync(page, html);
      const png = await chrome.capture(`file://${resolve(page)}`, s.maxHeight ?? MAX_HEIGHT);
      writeFileSync(join(OUT_DIR, s.file), png);
      console.log(`${OUT_DIR}/${s.file}: ${Math.round(statSync(join(OUT_DIR, s.file)).size / 1024)} KB`);
    }
  } finally {
    chrome.close();
  }
}

interface Chromium {
  capture(url: string, maxHeight: number): Promise<Buffer>;
  close(): void;
}

async function launchChromium(): Promise<Chromium> {
  const binary = process.env.CHROMIUM ?? '/usr/bin/chromium';
  const profile = mkdtempSync(join(tmpdir(), 'rootcause-chromium-'));
  const proc = spawn(binary, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--hide-scrollbars', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = await new Promise<string>((ok, fail) => {
    let seen = '';
    proc.stderr.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (m?.[1]) ok(m[1]);
    });
    proc.on('exit', (code) => fail(new Error(`chromium exited (${code}): ${seen.slice(-500)}`)));
  });
  const port = new URL(endpoint).port;
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { type: string; webSocketDebuggerUrl: string }[];
  const target = targets.find((t) => t.type === 'page');
  if (target === undefined) throw new Error('chromium has no page to drive');
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((ok, fail) => ws.once('open', ok).once('error', fail));
  let id = 0;
  const pending = new Map<number, (msg: { result?: Record<string, unknown>; error?: unknown }) => void>();
  const waiters: Array<{ method: string; done: () => void }> = [];
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as { id?: number; method?: string; result?: Record<string, unknown>; error?: unknown };
    if (msg.id !== undefined) pending.get(msg.id)?.(msg);
    for (const w of waiters.filter((x) => x.method === msg.method)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.done();
    }
  });
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<Record<string, unknown>>((ok, fail) => {
      const n = ++id;
      pending.set(n, (msg) => (msg.error !== undefined ? fail(new Error(`${method}: ${JSON.stringify(msg.error)}`)) : ok(msg.result ?? {})));
      ws.send(JSON.stringify({ id: n, method, params }));
    });
  const next = (method: string) => new Promise<void>((done) => waiters.push({ method, done }));
  await send('Page.enable');
  return {
    async capture(url, maxHeight) {
      await send('Emulation.setDeviceMetricsOverride', { width: WIDTH, height: 600, deviceScaleFactor: 1, mobile: false });
      const loaded = next('Page.loadEventFired');
      await send('Page.navigate', { url });
      await loaded;
      const measured = await send('Runtime.evaluate', { expression: 'document.documentElement.scrollHeight', returnByValue: true });
      const height = Math.min(maxHeight, Number((measured.result as { value?: number } | undefined)?.value ?? 1200));
      await send('Emulation.setDeviceMetricsOverride', { width: WIDTH, height, deviceScaleFactor: 1, mobile: false });
      const shot = await send('Page.captureScreenshot', { format: 'png', clip: { x: 0, y: 0, width: WIDTH, height, scale: 1 } });
      return Buffer.from(String(shot.data), 'base64');
    },
    close() {
      ws.close();
      proc.kill();
    },
  };
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
