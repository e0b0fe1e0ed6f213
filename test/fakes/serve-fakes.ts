/**
 * Runs the Slack and PagerDuty fakes as standalone servers, for trying the built bot by hand:
 *   npx tsx test/fakes/serve-fakes.ts            # prints the env to start the bot with
 * Every Slack call and every message is printed as it arrives.
 */
import { FakePagerDuty } from './fake-pagerduty.js';
import { FakeSlack } from './fake-slack.js';

const slack = await FakeSlack.start();
const pd = await FakePagerDuty.start();
slack.addUser({ id: 'U0ALICE', name: 'alice', email: 'alice@example.com' });
pd.addUser({ id: 'PJ0LVEB', name: 'PIG 208', email: 'alice@example.com' });
pd.addUser({ id: 'PBOT001', name: 'Rootcause', email: 'rootcause@example.com' });
pd.addIncident({ id: 'PFQZPSY', number: 9, title: 'Test Incident 3' } as never);
const announce = slack.addChannel('incidents');

console.log(`SLACK_API_URL=${slack.url} PAGERDUTY_API_URL=${pd.url} PAGERDUTY_API_TOKEN=pd-test-token PAGERDUTY_FROM_EMAIL=rootcause@example.com INCIDENT_ANNOUNCE_CHANNEL=${announce.id} SLACK_BOT_TOKEN=xoxb-test`);

let seen = 0;
setInterval(() => {
  for (const call of slack.calls.slice(seen)) {
    const text = typeof call.args.text === 'string' ? ` text=${JSON.stringify(call.args.text).slice(0, 160)}` : '';
    const name = typeof call.args.name === 'string' ? ` name=${call.args.name}` : '';
    console.log(`slack ${call.method}${call.failed ? ' (failed)' : ''}${name}${text}`);
  }
  seen = slack.calls.length;
}, 100);
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
