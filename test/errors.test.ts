/** The one wording of errors for people: names the dependency only when a coded error says which. */
import { describe, expect, it } from 'vitest';
import { RootcauseError, dependencyRejected, dependencyUnavailable, userErrorText } from '../src/errors.js';

describe('userErrorText', () => {
  it.each<[unknown, string]>([
    [dependencyUnavailable('Redis', 'connect ECONNREFUSED 127.0.0.1:1'), 'Could not do that now: Redis is unavailable (connect ECONNREFUSED 127.0.0.1:1). Nothing changed; try again in a minute.'],
    [dependencyUnavailable('Slack', 'HTTP 503'), 'Could not do that now: Slack is unavailable (HTTP 503). Nothing changed; try again in a minute.'],
    [dependencyRejected('PagerDuty', 'HTTP 403'), 'Could not do that now: PagerDuty refused (HTTP 403). Nothing changed.'],
    [new RootcauseError('INCIDENT_BUSY', 'another worker holds pd-P1', { retryable: true }), 'Could not do that now: the incident is busy (another worker holds pd-P1). Nothing changed; try again in a minute.'],
    [new RootcauseError('INCIDENT_NOT_FOUND', 'no incident pd-P1'), 'Could not do that now: no incident pd-P1. Nothing changed.'],
    [new Error('boom'), 'Could not do that now: something went wrong (boom). Nothing changed; try again in a minute.'],
  ])('%s', (err, text) => {
    expect(userErrorText(err, 'do that now', { unchanged: 'Nothing changed' })).toBe(text);
  });

  it('advises without a sentence of what is unchanged when none is given', () => {
    expect(userErrorText(dependencyUnavailable('Redis', 'no answer within 1500 ms'), 'start the triage')).toBe('Could not start the triage: Redis is unavailable (no answer within 1500 ms). Try again in a minute.');
    expect(userErrorText(dependencyRejected('Slack', 'channel_not_found'), 'start the triage')).toBe('Could not start the triage: Slack refused (channel_not_found).');
  });
});
