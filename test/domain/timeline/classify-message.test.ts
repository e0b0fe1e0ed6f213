import { describe, expect, it } from 'vitest';
import { classifyMessage, normalizeMessage } from '../../../src/domain/timeline/classify-message.js';
import type { MessageKind } from '../../../src/domain/timeline/classify-message.js';

/** Key messages as Slack sends them, with their kind. */
const KEY: [string, MessageKind][] = [
  // actions: done, under way, announced by the speaker
  ['rolled back to 46', 'action'],
  ['cordoned node-worker-3', 'action'],
  ['scaled to 8', 'action'],
  ['restarted the pods', 'action'],
  ['bumped memory limit to 1Gi', 'action'],
  ['drained node-7', 'action'],
  ['disabled the feature flag', 'action'],
  ['paused the rollout', 'action'],
  ['<@U024BE7LH|alice> rolled back checkout to v2.14.1', 'action'],
  ['ok rolling back now', 'action'],
  ["I'm draining ip-10-0-3-17.ec2.internal", 'action'],
  ["I'll restart the payment-service pods", 'action'],
  ['just bounced the api gateway', 'action'],
  ['flushed the redis cache &amp; restarted the workers', 'action'],
  ['reverted <https://github.com/acme/shop/pull/812|#812>, deploy going out', 'action'],
  ['ran `kubectl rollout undo deployment/checkout -n shop`', 'action'],
  ['```$ kubectl -n shop scale deploy/checkout --replicas=12\ndeployment.apps/checkout scaled```', 'action'],
  ['rollback done, pods are coming up', 'action'],
  ['we increased the connection pool to 50', 'action'],
  ['killed the long-running migration query on the primary', 'action'],
  ['deleted the stuck pod checkout-7c9d8f6b5d-x2kqj', 'action'],
  ['rotated the expired cert on the ingress', 'action'],
  ['paged the DB on-call', 'action'],
  ['pushed a hotfix for the null check', 'action'],
  ['added 3 more nodes to the pool', 'action'],
  ['*rolled back* :white_check_mark:', 'action'],
  ['tried restarting, no luck', 'action'],
  ['update: rolled back, monitoring', 'action'],
  // mitigations
  ['mitigated', 'mitigation'],
  ['failing over to us-west-2', 'mitigation'],
  ['shifted 50% of traffic to the canary-free pool', 'mitigation'],
  ['mitigation is in place, watching error rates', 'mitigation'],
  ["we're rate limiting the /search endpoint", 'mitigation'],
  ['failover complete', 'mitigation'],
  ['put up the maintenance page', 'mitigation'],
  ['blocked the abusive IPs at the WAF', 'mitigation'],
  ['switched reads to the replica', 'mitigation'],
  // decisions
  ["let's roll back", 'decision'],
  ['we decided to freeze deploys', 'decision'],
  ['decision: no more deploys until Monday', 'decision'],
  ["we're going to fail over to the secondary", 'decision'],
  ['<@U024BE7LH> please restart the pods', 'decision'],
  ['roll back to 46', 'decision'],
  ['go ahead', 'decision'],
  ['deploy freeze in effect for checkout', 'decision'],
  ["let's not roll back yet, we need the heap dump", 'decision'],
  ['plan is to fail over at 14:30 if errors persist', 'decision'],
  ["I'm IC for this one", 'decision'],
  ['bumping this to SEV1', 'decision'],
  ['we decided not to roll back', 'decision'],
  ['agreed, rolling back', 'decision'],
  ['<@U024BE7LH> is IC', 'decision'],
  ["I'll roll back if errors persist", 'decision'],
  // hypotheses and proposals
  ["I think it's the new cache", 'hypothesis'],
  ['hypothesis: DNS', 'hypothesis'],
  ['I think we should roll back', 'hypothesis'],
  ['we should roll back', 'hypothesis'],
  ['probably the connection pool again', 'hypothesis'],
  ['could be the node pool upgrade from this morning', 'hypothesis'],
  ['looks like the new sidecar is eating memory', 'hypothesis'],
  ['my guess is a bad config push', 'hypothesis'],
  ['I suspect the 14:02 deploy', 'hypothesis'],
  ['ruled out DNS, resolution is fine from all pods', 'hypothesis'],
  ['might want to consider scaling up the consumers', 'hypothesis'],
  ['I think the root cause is the connection pool', 'hypothesis'],
  // root causes
  ['root cause is the connection pool', 'root-cause'],
  ['root cause: a missing index on orders.created_at', 'root-cause'],
  ['found it: the cronjob was deleting the lock table', 'root-cause'],
  ['the outage was caused by the expired intermediate cert', 'root-cause'],
  ['rolled back to 46. root cause was the new retry policy', 'root-cause'],
];

/** Observations of the system: named, but not key (PRODUCT.md §6 keys decisions, actions and hypotheses). */
const STATUS: string[] = [
  'error rate back to normal',
  'recovered',
  'status: still degraded, ~20% of checkouts failing',
  '5xx dropped to 0.1% after the rollback',
  'customers are impacted in eu-west-1',
  'all clear',
  'marking as resolved',
  'error rate back to baseline',
];

const NOT_KEY: string[] = [
  'anyone looking?',
  'ack',
  'joining',
  'brb',
  'what do you see on the dashboard?',
  'thanks',
  '+1',
  'lol',
  'should we roll back?',
  'should we roll back',
  'has anyone restarted the pods',
  "didn't restart",
  'not rolled back yet',
  "we haven't cordoned anything",
  "don't restart the pods, we need the heap dump first",
  'no need to roll back',
  'if we roll back we lose the migration',
  'checkout-7c9d8f6b5d-x2kqj restarted 14 times in the last hour',
  'pods keep restarting',
  'the pods are restarting',
  'HPA scaled to 12 on its own',
  'latency increased by 300ms',
  'we got paged at 14:02',
  'I think so',
  'probably not',
  'looking',
  'on it',
  'eyes on <#C024BE91L|inc-checkout>',
  'see <https://grafana.acme.io/d/abc?rollback=1|rollback dashboard>',
  '<!here> incident channel for checkout latency',
  'rolled back? :thinking_face:',
  'can you restart the pods?',
  'root cause TBD',
  'root cause is still unknown',
  '&gt; rolled back to 46\nnice',
  '~rolled back to 46~ wrong channel',
  'seeing 500s on /checkout',
  'latency p99 is 800ms',
  'errors are back',
  'who is IC?',
  'I restarted it? not sure',
  'pods kept restarting overnight',
  'the configmap was deleted at 13:58',
  'DNS resolved to the old IP',
  'restart did nothing',
  'rollback is stuck',
  "I'll write the postmortem",
];

describe('classifyMessage', () => {
  it.each(KEY)('%j is key: %s', (text, kind) => {
    expect(classifyMessage(text)).toEqual({ important: true, kind });
  });

  it.each(STATUS)('%j is a status, not key', (text) => {
    expect(classifyMessage(text)).toEqual({ important: false, kind: 'status' });
  });

  it.each(NOT_KEY)('%j is not key', (text) => {
    expect(classifyMessage(text)).toEqual({ important: false });
  });

  it('has at least 60 table rows, both ways', () => {
    expect(KEY.length + STATUS.length + NOT_KEY.length).toBeGreaterThanOrEqual(60);
    expect(new Set(KEY.map(([, kind]) => kind)).size).toBe(5);
  });

  it('marks a :pushpin: message key even when nothing else in it is', () => {
    expect(classifyMessage(':pushpin: customer list in the thread')).toEqual({ important: true });
    expect(classifyMessage('customer list in the thread')).toEqual({ important: false });
    expect(classifyMessage(':pushpin: error rate back to normal')).toEqual({ important: true, kind: 'status' });
  });

  it('keeps the weightiest kind of a message with several clauses', () => {
    expect(classifyMessage("rolled back to 46, I think it's the new cache")).toEqual({ important: true, kind: 'action' });
    expect(classifyMessage("I think it's the new cache; let's roll back")).toEqual({ important: true, kind: 'decision' });
  });

  it('reads past a long pasted log to what was done after it', () => {
    const log = '```' + 'E0304 21:02:11 connection refused, restarting worker\n'.repeat(3000) + '```';
    expect(classifyMessage(`${log}\nrolled back to 46`)).toEqual({ important: true, kind: 'action' });
    expect(classifyMessage(log)).toEqual({ important: false });
  });

  it('voids only the negated clause', () => {
    expect(classifyMessage("didn't restart, rolled back instead")).toEqual({ important: true, kind: 'action' });
    expect(classifyMessage('restarted the workers but not rolled back yet')).toEqual({ important: true, kind: 'action' });
  });
});

describe('normalizeMessage', () => {
  it('strips mentions, channels, links and emoji, and decodes entities', () => {
    expect(normalizeMessage('<@U024BE7LH|alice> see <#C1|inc> <https://x.io/a|Restarted dashboard> &amp; &lt;3 :fire:').replace(/\s+/g, ' ').trim()).toBe('@person see & <3');
  });

  it('keeps only the cluster commands of a pasted block', () => {
    expect(normalizeMessage('```NAME READY\ncheckout-1 0/1\nkubectl delete pod checkout-1```').trim()).toBe('kubectl delete pod checkout-1');
  });
});
