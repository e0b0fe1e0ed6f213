import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import { terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

const REFUSED = [
  'INFO loading model org/model@main',
  'Traceback (most recent call last):',
  '  File "/usr/lib/python3.11/site-packages/requests/models.py", line 1024, in raise_for_status',
  '    raise HTTPError(http_error_msg, response=self)',
  'requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: https://hub.example.com/org/model/resolve/main/config.json',
];

describe('analyzeExitCodes: a start refused for its rate', () => {
  it('grows with the replicas: a scale-up just before it is its trigger', () => {
    const [f] = analyzeExitCodes(crashScenario(3, (i) => terminated(1, 'Error', 2 + i), { logs: REFUSED }));
    expect(f?.decisive).toContain('429 Client Error: Too Many Requests');
    expect(f?.scalesWithReplicas).toBe(true);
  });

  it('does not for a crash on anything else', () => {
    const [f] = analyzeExitCodes(crashScenario(3, (i) => terminated(1, 'Error', 2 + i), { logs: ['Traceback (most recent call last):', '  File "/app/main.py", line 3, in <module>', "KeyError: 'DATABASE_URL'"] }));
    expect(f?.scalesWithReplicas).toBeUndefined();
  });
});
