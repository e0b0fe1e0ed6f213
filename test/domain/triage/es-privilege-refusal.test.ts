import { describe, expect, it } from 'vitest';
import { explainEsPrivilegeRefusal } from '../../../src/domain/triage/es-privilege-refusal.js';
import { isErrorLine } from '../../../src/domain/triage/error-line.js';

const REFUSED = '2026-11-21 03:10:24 +0000 [warn]: #0 failed to flush the buffer. retry_times=3 error_class=Fluent::Plugin::ElasticsearchOutput::RecoverableRequestFailure error="could not push logs to Elasticsearch cluster: [403] {\\"error\\":{\\"type\\":\\"security_exception\\",\\"reason\\":\\"action [indices:data/write/bulk[s]] is unauthorized for user [shipper] with effective roles [shipper_role] on indices [events-2026.11.21], this action is granted by the index privileges [create_doc,create,index,write,all]\\"},\\"status\\":403}"';

describe('a search write refused for the user\'s privileges', () => {
  it('counts the refused write as an error though the shipper logs it at WARN', () => {
    expect(isErrorLine(REFUSED)).toBe(true);
    expect(isErrorLine('2026-11-21 03:10:24 +0000 [warn]: #0 action [cluster:monitor/health] is unauthorized for user [shipper]')).toBe(false);
  });

  it('names the action, the user, the role and the index, and fixes the role\'s index privileges', () => {
    const told = explainEsPrivilegeRefusal([REFUSED], [REFUSED]);
    expect(told?.summary).toBe('every bulk write is refused with 403 security_exception "action [indices:data/write/bulk[s]] is unauthorized for user [shipper]" with roles [shipper_role] on indices [events-2026.11.21], so nothing is indexed');
    expect(told?.fix).toBe('grant role [shipper_role] the write privileges (create_doc/index) on the index pattern the writer uses (events-*)');
    expect(explainEsPrivilegeRefusal(['ERROR other failure'], [])).toBeUndefined();
  });
});
