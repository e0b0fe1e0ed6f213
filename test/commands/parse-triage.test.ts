import { describe, expect, it } from 'vitest';
import { parseTriageCommand } from '../../commands/triage.js';

const contexts = ['prod-us-east-1', 'staging'];

describe('/triage arguments', () => {
  it.each([
    ['payment-service', { service: 'payment-service', namespace: undefined, context: undefined }],
    ['payment-service --namespace payments', { service: 'payment-service', namespace: 'payments', context: undefined }],
    ['  payment-service   -n payments  ', { service: 'payment-service', namespace: 'payments', context: undefined }],
    ['payment-service --namespace=payments --context staging', { service: 'payment-service', namespace: 'payments', context: 'staging' }],
    ['--context prod-us-east-1 payment-service', { service: 'payment-service', namespace: undefined, context: 'prod-us-east-1' }],
  ])('accepts %j', (text, expected) => {
    expect(parseTriageCommand(text, contexts)).toEqual({ ok: expected });
  });

  it.each([
    ['', 'service name is missing'],
    ['../x', 'not a valid Kubernetes name'],
    ['Payment-Service', 'not a valid Kubernetes name'],
    ['payment_service', 'not a valid Kubernetes name'],
    ['a'.repeat(64), 'longer than 63 characters'],
    ['payment-service extra', 'One service at a time'],
    ['payment-service --namespace', '--namespace needs a value'],
    ['payment-service --namespace ../etc', 'Namespace "../etc" is not a valid Kubernetes name'],
    ['payment-service --namespace --context staging', '--namespace needs a value'],
    ['payment-service --force', 'Unknown option --force'],
    ['payment-service --context prod', 'Unknown context "prod"'],
    ['payment-service --context "$(rm -rf /)"', 'Unknown option -rf'],
    ['payment-service --context $(reboot)', 'not a valid context name'],
    ['<@U024BE7LH|alice>', 'is a mention'],
    ['payment-service; kubectl delete ns payments', 'One service at a time'],
  ])('refuses %j, saying what was wrong and the right form', (text, why) => {
    const result = parseTriageCommand(text, contexts);
    expect('error' in result && result.error).toContain(why);
    expect('error' in result && result.error).toContain('Usage: `/triage <service> [--namespace NS] [--context CTX]`');
  });
});
