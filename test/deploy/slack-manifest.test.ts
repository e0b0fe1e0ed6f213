// The Slack app manifest asks for exactly the scopes the code needs: every Web API method the
// Slack adapter calls and every event the app subscribes to, and nothing else (an unused scope is
// a permission a workspace admin is asked to grant for nothing).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repo = join(import.meta.dirname, '../..');
const manifest = parse(readFileSync(join(repo, 'slack-app-manifest.yml'), 'utf8')) as {
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] } };
  features: { slash_commands: unknown[] };
};

/** Scopes per Web API method (Slack's method reference), for the channels the bot uses: public ones and DMs. */
const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'conversations.create': ['channels:manage'],
  'conversations.invite': ['channels:manage'],
  'conversations.setTopic': ['channels:manage'],
  'conversations.join': ['channels:join'],
  'conversations.list': ['channels:read'],
  // Recovery looks for keyed posts in channels and in DMs (reminders): both histories.
  'conversations.history': ['channels:history', 'im:history'],
  'conversations.replies': ['channels:history'],
  'conversations.open': ['im:write'],
  'users.info': ['users:read'],
  'users.lookupByEmail': ['users:read.email'],
  'files.uploadV2': ['files:write'],
};
const EVENT_SCOPES: Record<string, string> = {
  'message.channels': 'channels:history',
  reaction_added: 'reactions:read',
  pin_added: 'pins:read',
};

/** Web API methods named in src/adapters/slack: `call('method'` and the client's own helpers. */
function methodsCalled(): string[] {
  const dir = join(repo, 'src/adapters/slack');
  const found = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/\bcall\('([a-z]+\.[A-Za-z.]+)'/g)) found.add(m[1]!);
    for (const m of text.matchAll(/\bclient\.([a-z]+)\.([A-Za-z0-9]+)\(/g)) found.add(`${m[1]}.${m[2]}`);
  }
  return [...found].sort();
}

describe('slack-app-manifest.yml', () => {
  it('knows the scope of every method the adapter calls', () => {
    const called = methodsCalled();
    expect(called.length).toBeGreaterThan(10);
    for (const method of called) expect(METHOD_SCOPES, `scope of ${method}: add it here and to the manifest`).toHaveProperty([method]);
  });

  it('asks for exactly the scopes of the methods called, the events subscribed and the slash commands', () => {
    const needed = new Set<string>(['commands']);
    for (const method of methodsCalled()) for (const s of METHOD_SCOPES[method] ?? []) needed.add(s);
    for (const event of manifest.settings.event_subscriptions.bot_events) {
      expect(EVENT_SCOPES, `scope of event ${event}`).toHaveProperty([event]);
      needed.add(EVENT_SCOPES[event]!);
    }
    expect(manifest.features.slash_commands.length).toBeGreaterThan(0);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });
});
