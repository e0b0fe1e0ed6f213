/** publishPostmortem through the in-memory ports: the draft and its file reach the channel once, whatever fails. */
import { describe, expect, it } from 'vitest';
import { resolveIncidentFromChat } from '../../../src/domain/incident/resolve-incident.js';
import { publishPostmortem } from '../../../src/domain/postmortem/publish-postmortem.js';
import { openedIncident } from '../../support/opened-incident.js';

async function resolvedIncident() {
  const world = await openedIncident();
  const incident = { ...world.incident, status: 'resolved' as const, resolvedAt: '2026-11-21T10:40:00.000Z', resolvedBy: 'U0ALICE' };
  await world.deps.incidents.save(incident);
  return { ...world, incident };
}

describe('publishPostmortem', () => {
  it('posts the owner line, then the draft, then shares the Markdown file named after the incident', async () => {
    const { deps, incident, channel } = await resolvedIncident();
    const before = deps.chat.texts(channel).length;
    await publishPostmortem(deps, incident, 'U0ALICE');
    const said = deps.chat.texts(channel).slice(before);
    expect(said[0]).toMatch(/^:memo: Post-mortem draft — owner <@U0ALICE>, due 2026-11-2\d \(`\/incident done A1` when it is written\)\.$/);
    expect(said.length).toBeGreaterThan(1);
    expect(said.slice(1).every((t) => t.startsWith('[document] '))).toBe(true);
    expect(deps.chat.files).toHaveLength(1);
    expect(deps.chat.files[0]?.filename).toMatch(/\.md$/);
    expect(deps.chat.files[0]?.content).toContain('Payment API: 5xx rate above 5%');
  });

  it('shares the file once when Slack shared it but the answer was lost, and the retried resolve finds it', async () => {
    const { deps, incident, channel } = await openedIncident();
    deps.chat.failNext('uploadFile', { afterActing: true });
    await expect(resolveIncidentFromChat(deps, incident.id, 'U0ALICE', { requestId: 'req-1' })).rejects.toMatchObject({ retryable: true });
    expect(deps.chat.files).toHaveLength(1);
    const afterFirst = deps.chat.texts(channel);

    await resolveIncidentFromChat(deps, incident.id, 'U0ALICE', { requestId: 'req-1' });
    expect(deps.chat.files).toHaveLength(1);
    expect(deps.chat.texts(channel)).toEqual(afterFirst);
    expect(deps.chat.calls.filter((c) => c === 'findSharedFile')).toHaveLength(1);
  });

  it('shares the file on the retry when the first share never happened, still once', async () => {
    const { deps, incident } = await resolvedIncident();
    deps.chat.failNext('uploadFile');
    await expect(publishPostmortem(deps, incident, 'U0ALICE')).rejects.toMatchObject({ retryable: true });
    expect(deps.chat.files).toHaveLength(0);
    await publishPostmortem(deps, (await deps.incidents.get(incident.id)) ?? incident, 'U0ALICE');
    await publishPostmortem(deps, (await deps.incidents.get(incident.id)) ?? incident, 'U0ALICE');
    expect(deps.chat.files).toHaveLength(1);
    // One post-mortem item whatever the retries.
    expect(await deps.items.forIncident(incident.id)).toHaveLength(1);
  });

  it('says nobody owns the post-mortem when nobody could be found to own it', async () => {
    const { deps, incident, channel } = await resolvedIncident();
    const unowned = { ...incident, resolvedBy: undefined, assigneeSlackIds: {} };
    await publishPostmortem(deps, unowned, undefined);
    expect(deps.chat.texts(channel)).toContain(':warning: Nobody owns this post-mortem yet: name a lead with `/incident lead @user`.');
    expect(await deps.items.forIncident(incident.id)).toEqual([]);
    expect(deps.reminders.scheduled).toEqual([]);
  });
});
