import { describe, expect, it } from 'vitest';
import { listReplacedPods, pickReplacedPods } from '../../../src/domain/triage/replaced-pods.js';
import { NOW, event, minutesAgo, pod } from './scenarios/builders.js';

const RS = { kind: 'ReplicaSet', name: 'orders-api-5b6c7d8e9f', namespace: 'payments' };

function created(name: string, ago: number) {
  return event({ object: RS, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${name}`, firstSeen: minutesAgo(ago), lastSeen: minutesAgo(ago), source: 'replicaset-controller' });
}

describe('replaced pods', () => {
  const live = [pod(0, { name: 'orders-api-5b6c7d8e9f-live1' })];

  it('lists the pods the ReplicaSet created in the last hour that are gone, newest first', () => {
    const events = [created('orders-api-5b6c7d8e9f-aaaaa', 40), created('orders-api-5b6c7d8e9f-bbbbb', 20), created('orders-api-5b6c7d8e9f-live1', 5), created('orders-api-5b6c7d8e9f-old00', 300)];
    expect(listReplacedPods(events, live, NOW).map((p) => p.name)).toEqual(['orders-api-5b6c7d8e9f-bbbbb', 'orders-api-5b6c7d8e9f-aaaaa']);
    expect(pickReplacedPods(events, live, NOW, 1)).toEqual(['orders-api-5b6c7d8e9f-bbbbb']);
  });

  it('leaves out pods the ReplicaSet deleted itself (a scale-down, a rollout): the controller took them, nothing else did', () => {
    const deleted = (name: string, ago: number) => event({ object: RS, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${name}`, firstSeen: minutesAgo(ago), lastSeen: minutesAgo(ago), source: 'replicaset-controller' });
    const events = [created('orders-api-5b6c7d8e9f-aaaaa', 40), created('orders-api-5b6c7d8e9f-bbbbb', 35), created('orders-api-5b6c7d8e9f-ccccc', 20), deleted('orders-api-5b6c7d8e9f-aaaaa', 25), deleted('orders-api-5b6c7d8e9f-bbbbb', 25)];
    expect(listReplacedPods(events, live, NOW).map((p) => p.name)).toEqual(['orders-api-5b6c7d8e9f-ccccc']);
    expect(pickReplacedPods(events, live, NOW)).toEqual([]);
  });

  it('picks none for a single replacement: a pod deleted once is no churn', () => {
    expect(pickReplacedPods([created('orders-api-5b6c7d8e9f-aaaaa', 40)], live, NOW)).toEqual([]);
  });
});
