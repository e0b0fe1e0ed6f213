/**
 * The demo as a visitor sees it: a headless Chromium opens the page of a demo started in this
 * process (real bot, local stand-ins, real Redis under a random prefix) and waits for what a
 * person would wait for — the story's channel, card, verdict and post-mortem; a typed /triage's
 * answer; a Resolve click's effect. Screenshots go to docs/screenshots for the README.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { pino } from 'pino';
import { startDemo } from '../../src/demo/start-demo.js';
import type { RunningDemo } from '../../src/demo/start-demo.js';
import { DEADLINE_MS } from '../helpers/deadline.js';
import { TEST_REDIS_URL, connectTestRedis, deleteKeys, randomPrefix } from '../helpers/redis.js';
import { launchChromium } from './browser.js';

const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname;

let browser: Browser;
const demos: Array<{ demo: RunningDemo; prefix: string }> = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  const redis = connectTestRedis();
  for (const { demo, prefix } of demos) {
    await demo.stop();
    await deleteKeys(redis, prefix);
  }
  await redis.quit();
});

async function openDemo(story: boolean): Promise<Page> {
  const prefix = randomPrefix();
  // Half the pauses: the same story, sooner.
  const demo = await startDemo({ port: 0, redisUrl: TEST_REDIS_URL, redisKeyPrefix: prefix, story, pace: 0.5, log: pino({ level: 'silent' }) });
  demos.push({ demo, prefix });
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, timezoneId: 'Europe/Berlin' });
  page.setDefaultTimeout(DEADLINE_MS);
  await page.goto(demo.url);
  return page;
}

const messages = (page: Page) => page.locator('#messages');

describe('the demo page', () => {
  it('plays the story: the incident channel, its card, the verdict, the resolution, the post-mortem, the reminder', async () => {
    const page = await openDemo(true);
    const channel = page.locator('a.conv', { hasText: /inc-\d{8}-\d+-checkout/ });
    await channel.waitFor();
    // The page follows the story into the new channel.
    await page.locator('#chan-name', { hasText: 'checkout' }).waitFor();
    await messages(page).getByText('checkout: 5xx rate above 20% for 5 minutes').first().waitFor();
    await messages(page).getByText(/exit 127/).first().waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}demo-triage-verdict.png` });
    // The evidence is in the verdict's thread: "N replies" opens it beside the channel.
    await messages(page).locator('a.replies').first().click();
    await page.locator('#thread').getByText(/kubectl/).first().waitFor();
    await page.locator('#close-thread').click();
    await page.locator('#thread-pane').waitFor({ state: 'hidden' });
    await messages(page).getByText(/Resolved by/).first().waitFor();
    const draft = messages(page).getByText(/Post-mortem draft/).first();
    await draft.waitFor();
    await draft.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${SCREENSHOTS}demo-postmortem.png` });
    // The action item's reminder comes to the visitor's DM with the bot.
    const dm = page.locator('a.conv', { hasText: 'rootcause' });
    await dm.waitFor({ timeout: 2 * DEADLINE_MS });
    await dm.click();
    await messages(page).getByText(/start\.sh/).first().waitFor();
    await page.locator('#story', { hasText: 'Your turn' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}demo-reminder.png` });
    // Done on the reminder closes the item; Slack answers the clicker alone.
    await messages(page).locator('button[data-action-id="rootcause_item_done"]').first().click();
    const closed = messages(page).locator('.message.is-ephemeral', { hasText: /Closed A\d+/ });
    await closed.waitFor();
    expect(await closed.textContent()).toContain('Only visible to you');
  });

  it('answers a typed /triage fraud-scorer with the OOM verdict', async () => {
    const page = await openDemo(false);
    await page.locator('#chan-name', { hasText: 'incidents' }).waitFor();
    await page.locator('#box').fill('/triage fraud-scorer');
    await page.locator('#box').press('Enter');
    // What Slack shows the person who typed it, then the bot's verdict in the channel.
    await messages(page).getByText('/triage fraud-scorer').waitFor();
    const verdict = messages(page).getByText(/OOM/).first();
    await verdict.waitFor();
    expect(await verdict.textContent()).toMatch(/OOM/);
    await page.screenshot({ path: `${SCREENSHOTS}demo-typed-triage.png` });
  });

  it('resolves a paged incident when its card\'s Resolve button is clicked', async () => {
    const page = await openDemo(false);
    await page.locator('.page-btn', { hasText: 'ledger' }).click();
    // The page follows the visitor's page into the channel the bot opens.
    await page.locator('#chan-name', { hasText: /inc-\d{8}-\d+-ledger/ }).waitFor();
    const resolve = messages(page).locator('button[data-action-id="rootcause_resolve"]');
    await resolve.click();
    await messages(page).getByText(/Resolved by/).first().waitFor();
    await messages(page).getByText(/Post-mortem draft/).first().waitFor();
  });
});
