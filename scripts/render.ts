/**
 * `npm run render -- <dump.json> [out.html] [--tz Europe/Berlin] [--channel name]…`
 * Turns what the Slack fake recorded (FakeSlack.dump()) into one static HTML page laid out as
 * Slack lays it out. Times are drawn in --tz (default: this machine's zone).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderWorkspace } from '../src/demo/slack-html/render-page.js';
import type { SlackDump } from '../src/demo/slack-html/slack-dump.js';

function main(argv: string[]): void {
  const positional: string[] = [];
  const channels: string[] = [];
  let timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--tz') timeZone = argv[++i] ?? timeZone;
    else if (arg === '--channel') channels.push(argv[++i] ?? '');
    else if (arg === '--help' || arg === '-h') return usage(0);
    else positional.push(arg);
  }
  const [input, output = input?.replace(/\.json$/, '') + '.html'] = positional;
  if (input === undefined) return usage(1);
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    console.error(`Unknown time zone "${timeZone}" (use an IANA name such as Europe/Berlin).`);
    process.exit(1);
  }
  const dump = JSON.parse(readFileSync(input, 'utf8')) as SlackDump;
  writeFileSync(output, renderWorkspace(dump, { timeZone, ...(channels.length > 0 ? { channels } : {}) }));
  console.log(`${output}: ${dump.messages.length} messages in ${new Set(dump.messages.map((m) => m.channel)).size} channels, times in ${timeZone}`);
}

function usage(code: number): void {
  console.log('usage: npm run render -- <dump.json> [out.html] [--tz <IANA zone>] [--channel <name>]…');
  process.exit(code);
}

main(process.argv.slice(2));
