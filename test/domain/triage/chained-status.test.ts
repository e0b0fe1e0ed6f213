import { describe, expect, it } from 'vitest';
import { findChainedStatus } from '../../../src/domain/triage/chained-status.js';
import { pickDecisiveLine } from '../../../src/domain/triage/evidence-lookup.js';

const URL = 'https://hub.example.com/org/model/resolve/main/config.json';
const CHAIN = [
  'INFO:     Waiting for application startup.',
  `2026-11-21 03:12:40,101 WARNING hub.http: HTTP Error 429 thrown while requesting HEAD ${URL}`,
  'ERROR:    Traceback (most recent call last):',
  '  File "/usr/lib/python3.11/site-packages/requests/models.py", line 1024, in raise_for_status',
  '    raise HTTPError(http_error_msg, response=self)',
  `requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: ${URL}`,
  '',
  'The above exception was the direct cause of the following exception:',
  '',
  'Traceback (most recent call last):',
  '  File "/usr/lib/python3.11/site-packages/hub/file_download.py", line 1647, in _raise_on_head_call_error',
  '    raise LocalEntryNotFoundError(',
  'hub.errors.LocalEntryNotFoundError: An error happened while trying to locate the file on the Hub.',
  '',
  'The above exception was the direct cause of the following exception:',
  '',
  'Traceback (most recent call last):',
  '  File "/app/model.py", line 27, in load_model',
  '    tokenizer = AutoTokenizer.from_pretrained(model_id)',
  "OSError: We couldn't connect to 'https://hub.example.com' to load this file.",
  '',
  'ERROR:    Application startup failed. Exiting.',
];

describe('findChainedStatus', () => {
  it('finds the HTTP status an earlier exception of the chain states', () => {
    expect(findChainedStatus("OSError: We couldn't connect to 'https://hub.example.com' to load this file.", CHAIN)).toBe(
      `requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: ${URL}`,
    );
  });

  it('says nothing when the last exception states its own status', () => {
    const lines = [...CHAIN.slice(0, -3), 'OSError: 403 Forbidden for the model', ''];
    expect(findChainedStatus('OSError: 403 Forbidden for the model', lines)).toBeUndefined();
  });

  it('says nothing for a traceback that is not chained', () => {
    expect(findChainedStatus("OSError: We couldn't connect to 'https://hub.example.com' to load this file.", CHAIN.slice(15))).toBeUndefined();
  });

  it('makes the crash quote the status the chain carries', () => {
    expect(pickDecisiveLine(CHAIN)).toContain('429 Client Error: Too Many Requests');
  });
});
