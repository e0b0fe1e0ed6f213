import { describe, expect, it } from 'vitest';
import { clipAround, clipMiddle, collapseEvents, formatEventLine, toMessageShape } from '../../../src/domain/triage/collapse-events.js';
import { NS, event, minutesAgo } from './scenarios/builders.js';
import { INSUFFICIENT_MEMORY_AND_TAINT } from './scenarios/scheduling.js';

const pending = (name: string, count: number, from: number, to: number, message = INSUFFICIENT_MEMORY_AND_TAINT) =>
  event({ object: { kind: 'Pod', name, namespace: NS }, reason: 'FailedScheduling', message, count, firstSeen: minutesAgo(from), lastSeen: minutesAgo(to), source: 'default-scheduler' });

describe('collapseEvents', () => {
  it('folds repeats of one object into a total count and span, keeping the latest message', () => {
    const later = INSUFFICIENT_MEMORY_AND_TAINT.replaceAll('0/6', '0/7');
    const [c, ...rest] = collapseEvents([pending('p-1', 300, 12, 5), pending('p-1', 150, 5, 0, later)]);
    expect(rest).toHaveLength(0);
    expect(c).toMatchObject({ count: 450, firstSeen: minutesAgo(12), lastSeen: minutesAgo(0), message: later, objectNames: ['p-1'] });
    expect(formatEventLine(c!, { maxLength: 60 })).toBe(`FailedScheduling ×450 over 12m: ${later.slice(0, 59)}…`);
  });

  it('keeps different objects, reasons and message shapes apart unless asked to fold across objects', () => {
    const events = [pending('p-1', 10, 10, 1), pending('p-2', 20, 8, 1), pending('p-1', 1, 3, 3, 'running PreBind plugin "VolumeBinding": binding volumes: timed out waiting for the condition')];
    expect(collapseEvents(events)).toHaveLength(3);
    const across = collapseEvents(events, { acrossObjects: true });
    expect(across).toHaveLength(2);
    expect(across[0]).toMatchObject({ count: 30, objectNames: ['p-1', 'p-2'] });
    expect(formatEventLine(across[0]!, { withObject: true })).toMatch(/^\[2 pods\] FailedScheduling ×30 over 9m: /);
  });

  it('treats pod names, IPs and counters as volatile parts of the message shape', () => {
    expect(toMessageShape('Back-off restarting failed container app in pod payment-service-7c9d8f6b5d-x2kqj_payments(3f0c2a4e-8d1b-4c8e-9a57-0b7f2d6e1c93)', 'payment-service-7c9d8f6b5d-x2kqj')).toBe(
      'back-off restarting failed container app in pod <obj>_payments(<uid>)',
    );
    expect(toMessageShape('Readiness probe failed: Get "http://10.0.1.104:8080/ready": dial tcp 10.0.1.104:8080: connect: connection refused')).toBe(
      toMessageShape('Readiness probe failed: Get "http://10.0.2.7:8080/ready": dial tcp 10.0.2.7:8080: connect: connection refused'),
    );
    expect(toMessageShape('Readiness probe failed: HTTP probe failed with statuscode: 503')).not.toBe(toMessageShape('Liveness probe failed: HTTP probe failed with statuscode: 503'));
  });

  it('formats a single event without a count or span, and without the scheduler\'s preemption clause', () => {
    expect(formatEventLine(pending('p-1', 1, 2, 2))).toBe('FailedScheduling: 0/6 nodes are available: 3 Insufficient memory, 3 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }.');
  });

  it('cuts a long message in the middle, keeping the reason at its end', () => {
    const pull = {
      ...pending('p-1', 1, 2, 2),
      reason: 'Failed',
      message: 'Failed to pull image "123456789012.dkr.ecr.eu-west-1.amazonaws.com/analytics/event-enricher:3.2.0": rpc error: code = Unknown desc = failed to pull and unpack image "123456789012.dkr.ecr.eu-west-1.amazonaws.com/analytics/event-enricher:3.2.0": failed to extract layer sha256:4c1d…: write /var/lib/containerd/tmpmounts/x/usr/lib/libicudata.so.72: no space left on device',
    };
    const line = formatEventLine(pull, { maxLength: 200 });
    expect(line).toMatch(/^Failed: Failed to pull image "123456789012\.dkr\.ecr.{20,} … .*no space left on device$/);
    expect(line.length).toBeLessThanOrEqual('Failed: '.length + 200);
  });
});

describe('clipAround', () => {
  const EXPIRED =
    'quote refresh failed: Get "https://rates.partner-bank.eu/v2/quotes?base=EUR&symbols=USD,GBP,CHF,JPY,SEK,NOK,DKK,PLN,CZK,HUF": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-11-21T03:13:58Z is after 2026-11-21T00:00:00Z (attempt 41, next retry in 30s, circuit breaker half-open, request_id=9f1c2b7e-4a3d-4f6b-8e21-5c0d7a9b3e14)';

  it('keeps the head and the stretch around the TLS failure that a middle cut would lose', () => {
    const clipped = clipAround(EXPIRED, 170);
    expect(clipped).toBe('quote refresh failed: … OK,DKK,PLN,CZK,HUF": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-11-21T03:13:58Z is a…');
    expect(clipped).toHaveLength(170);
    expect(clipMiddle(EXPIRED, 170)).not.toContain('x509');
  });

  it('keeps 40 characters of head when the first colon comes late, and the stretch around an exception', () => {
    // The Secrets Store CSI driver's FailedMount: the reason is an AWS exception deep in the message.
    const mount =
      'MountVolume.SetUp failed for volume "secrets-store-inline" : rpc error: code = Unknown desc = failed to mount secrets store objects for pod payments/payment-service-7c9d8f6b5d-x2kqj, err: rpc error: code = Unknown desc = failed to mount objects, error: failed to get objectType:secret, objectName:payments/db-password, objectVersion:: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/payment-service-irsa/1700000000 is not authorized to perform: secretsmanager:GetSecretValue on resource: payments/db-password because no identity-based policy allows the secretsmanager:GetSecretValue action status code: 400, request id: 5a3e9f7c-1b2d-4e8f-9a6c-0d7e2f4b8c1a';
    expect(clipAround(mount, 200)).toBe(
      'MountVolume.SetUp failed for volume "sec … sword, objectVersion:: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/payment-service-irsa/1700000000 is not authorized to perform: sec…',
    );
    expect(clipMiddle(mount, 200)).not.toContain('AccessDenied');
  });

  it('cuts in the middle when the deciding word already shows at the head or the tail, or there is none', () => {
    const webhook = 'Error creating: Internal error occurred: failed calling webhook "namespace.sidecar-injector.istio.io": failed to call webhook: Post "https://istiod.istio-system.svc:443/inject?timeout=10s": no endpoints available for service "istiod"';
    expect(clipAround(webhook, 170)).toBe(clipMiddle(webhook, 170));
    const pull = 'Failed to pull image "123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments/payment-service:2.15.0": rpc error: code = Unknown desc = failed to pull and unpack image: failed to extract layer: write /var/lib/containerd/tmpmounts/x/usr/lib/libicudata.so.72: no space left on device';
    expect(clipAround(pull, 170)).toBe(clipMiddle(pull, 170));
    const plain = `started worker ${'processed batch, '.repeat(20)}done`;
    expect(clipAround(plain, 170)).toBe(clipMiddle(plain, 170));
  });

  it('returns a short text whole and clips below 120 characters like clipMiddle', () => {
    expect(clipAround('x509: certificate signed by unknown authority', 170)).toBe('x509: certificate signed by unknown authority');
    expect(clipAround(EXPIRED, 100)).toBe(`${EXPIRED.slice(0, 99)}…`);
  });
});

describe('clipAround: deciding words are words', () => {
  it('does not take "room" or "zoom" for OOM', () => {
    const text = `reconcile loop for tenant zoom-video-3 in room 14 failed after ${'x'.repeat(150)}: webhook "quota.acme.io" denied the request`;
    expect(clipAround(text, 170)).toContain('webhook "quota.acme.io" denied');
  });
});
