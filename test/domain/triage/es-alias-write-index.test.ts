import { describe, expect, it } from 'vitest';
import { explainAliasWithoutWriteIndex } from '../../../src/domain/triage/es-alias-write-index.js';
import { isErrorLine } from '../../../src/domain/triage/error-line.js';

const REFUSED = '[2026-11-21T03:10:24,000][WARN ][logstash.outputs.elasticsearch][main][5c0b1f7e] Could not index event to Elasticsearch. status: 400, action: ["index", {:_id=>nil, :_index=>"events-write"}], response: {"index"=>{"status"=>400, "error"=>{"type"=>"illegal_argument_exception", "reason"=>"no write index is defined for alias [events-write]. The write index may be explicitly disabled using is_write_index=false or the alias points to multiple indices without one being designated as a write index"}}}';

describe('an alias without a write index', () => {
  it('counts the refused write as an error though the shipper logs it at WARN', () => {
    expect(isErrorLine(REFUSED)).toBe(true);
    expect(isErrorLine('[2026-11-21T03:10:24,000][WARN ][logstash.outputs.elasticsearch][main] Restored connection to ES instance')).toBe(false);
  });

  it('names the alias, the 400 and the dropped events, and fixes the alias with is_write_index', () => {
    const told = explainAliasWithoutWriteIndex([REFUSED], [REFUSED]);
    expect(told?.summary).toBe('every write to alias [events-write] is refused with 400 illegal_argument_exception "no write index is defined for alias [events-write]" and the events are dropped');
    expect(told?.fix).toContain('"alias":"events-write","is_write_index":true');
    expect(explainAliasWithoutWriteIndex(['ERROR other failure'], [])).toBeUndefined();
  });
});
