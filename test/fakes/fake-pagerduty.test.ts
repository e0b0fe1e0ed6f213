// Drives FakePagerDuty with Node's fetch, the way the bot's REST client does.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakePagerDuty } from '../../src/demo/fakes/fake-pagerduty.js';
import type { PagerDutyIncident } from '../../src/demo/fakes/fake-pagerduty.js';

let pd: FakePagerDuty;
let incident: PagerDutyIncident;

const AUTH = { Authorization: 'Token token=pd-test-token', Accept: 'application/vnd.pagerduty+json;version=2' };

function call(path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) {
  return fetch(`${pd.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...AUTH, 'Content-Type': 'application/json', ...init.headers },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
}

beforeAll(async () => {
  pd = await FakePagerDuty.start();
  const fixture = JSON.parse(
    await readFile(new URL('../../src/demo/wire/pagerduty-incident-triggered.json', import.meta.url), 'utf8'),
  ) as { event: { data: PagerDutyIncident } };
  incident = fixture.event.data;
  pd.addIncident(incident);
  pd.addUser({ id: 'PJ0LVEB', name: 'PIG 208', email: 'pig@example.com', time_zone: 'Europe/Paris' });
  pd.addUser({ id: 'PBOT', name: 'Rootcause', email: 'rootcause@example.com' });
});

afterAll(async () => {
  await pd.close();
});

describe('FakePagerDuty', () => {
  it('requires the API token', async () => {
    const missing = await fetch(`${pd.url}/users/PJ0LVEB`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: { message: 'Unauthorized', code: 2006 } });
    const wrong = await fetch(`${pd.url}/users/PJ0LVEB`, { headers: { Authorization: 'Token token=nope' } });
    expect(wrong.status).toBe(401);
  });

  it('returns users and 404 for unknown ones', async () => {
    const res = await call('/users/PJ0LVEB');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      user: { id: 'PJ0LVEB', type: 'user', email: 'pig@example.com', time_zone: 'Europe/Paris', summary: 'PIG 208' },
    });
    const unknown = await call('/users/PNOPE');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { message: 'Not Found', code: 2100 } });
  });

  it('returns incidents added from the webhook fixture', async () => {
    const res = await call(`/incidents/${incident.id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ incident });
    expect((await call('/incidents/PNOPE')).status).toBe(404);
  });

  it('requires a From header naming a user to add a note', async () => {
    const note = { note: { content: 'Slack channel: https://slack/archives/C1' } };
    const noFrom = await call(`/incidents/${incident.id}/notes`, { method: 'POST', body: note });
    expect(noFrom.status).toBe(400);
    expect(await noFrom.json()).toEqual({
      error: {
        message: 'Invalid Input Provided',
        code: 2001,
        errors: ['A valid user making the request must be provided in the From header'],
      },
    });
    const stranger = await call(`/incidents/${incident.id}/notes`, {
      method: 'POST',
      body: note,
      headers: { From: 'stranger@example.com' },
    });
    expect(stranger.status).toBe(400);
    expect(pd.notesFor(incident.id)).toEqual([]);

    const created = await call(`/incidents/${incident.id}/notes`, {
      method: 'POST',
      body: note,
      headers: { From: 'rootcause@example.com' },
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { note: { id: string; content: string; user: { id: string } } };
    expect(body.note).toMatchObject({ content: note.note.content, user: { id: 'PBOT' } });
    expect(pd.notesFor(incident.id).map((n) => n.id)).toEqual([body.note.id]);

    const listed = await call(`/incidents/${incident.id}/notes`);
    expect(((await listed.json()) as { notes: unknown[] }).notes).toHaveLength(1);
    expect(pd.callsTo('POST /incidents').at(-1)).toMatchObject({ from: 'rootcause@example.com' });
  });

  it('injects failures by method and path prefix, then recovers', async () => {
    pd.failNext('POST /incidents', { status: 429, retryAfterSec: 2 });
    const limited = await call(`/incidents/${incident.id}/notes`, {
      method: 'POST',
      body: { note: { content: 'x' } },
      headers: { From: 'rootcause@example.com' },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    // A GET on the same path is not matched by a POST failure.
    expect((await call(`/incidents/${incident.id}`)).status).toBe(200);

    pd.failNext('/users', { status: 503, times: 2 });
    expect((await call('/users/PJ0LVEB')).status).toBe(503);
    expect((await call('/users/PJ0LVEB')).status).toBe(503);
    expect((await call('/users/PJ0LVEB')).status).toBe(200);
    expect(pd.callsTo('GET /users').filter((c) => c.failed)).toHaveLength(2);
  });

  it('waitFor polls until the condition holds', async () => {
    setTimeout(() => void call('/users/PBOT'), 30);
    const seen = await pd.waitFor(() => pd.callsTo('GET /users/PBOT')[0]);
    expect(seen.path).toBe('/users/PBOT');
    await expect(pd.waitFor(() => undefined, 30)).rejects.toThrow(/timed out after 30 ms/);
  });
});
