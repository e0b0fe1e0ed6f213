import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import { minutesAgo, REV6, revision, revisionContainer, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

// A Node amqplib consumer whose new revision asks for a message TTL on a queue created without one.
const CRASHED = [
  '{"level":30,"time":1795230000000,"msg":"connecting to amqp://rabbit.shop.svc:5672/orders"}',
  '{"level":60,"time":1795230000100,"msg":"fatal: could not set up consumer","err":{"type":"Error","message":"Operation failed: QueueDeclare; 406 (PRECONDITION-FAILED) with message \\"PRECONDITION_FAILED - inequivalent arg \'x-message-ttl\' for queue \'shipments.created\' in vhost \'orders\': received the value \'600000\' of type \'signedint\' but current is none\\"","code":406}}',
];

const withTtl = (ttl?: string) => [revisionContainer({ env: [{ name: 'AMQP_QUEUE', value: 'shipments.created' }, ...(ttl ? [{ name: 'QUEUE_MESSAGE_TTL_MS', value: ttl }] : [])] })];

describe('analyzeExitCodes: a consumer whose queue declaration the broker refuses as inequivalent (406)', () => {
  it('names the queue, the argument sent and held, the revision that changed it, and reverting or migrating the queue as the fix', () => {
    const ev = crashScenario(2, () => terminated(1, 'Error', 1), { logs: CRASHED });
    ev.revisions = [
      revision({ revision: 5, hash: '6b8c7d5f9a' }, minutesAgo(30 * 24 * 60), { containers: withTtl() }),
      revision(REV6, minutesAgo(12), { containers: withTtl('600000') }),
    ];
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).toContain(": the broker refuses its declaration of queue 'shipments.created' (406 PRECONDITION_FAILED): it declares x-message-ttl '600000', the existing queue has none");
    expect(f?.likelyCause).toMatch(/fixed when it is created/);
    expect(f?.likelyCause).toMatch(/Revision 6 changed what it declares \(.*QUEUE_MESSAGE_TTL_MS/);
    expect(f?.nextAction).toMatch(/^Revert what revision 6 changed/);
    expect(f?.fix).toMatch(/^to keep x-message-ttl=600000, migrate/);
    expect(f?.fix).toMatch(/new name|drain, delete and redeclare 'shipments\.created'/);
    expect(f?.fix).not.toMatch(/what the log names/);
    expect(f?.confidence).toBe('high');
  });

  it('without a bearing revision change, says to declare it as the broker holds it', () => {
    const [f] = analyzeExitCodes(crashScenario(2, () => terminated(1, 'Error', 1), { logs: CRASHED }));
    expect(f?.fix).toMatch(/^declare queue 'shipments\.created' with the arguments it has on the broker/);
  });
});
