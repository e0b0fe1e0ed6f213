/** loadConfig (PRODUCT §2, §4) and what the process does with a bad configuration. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { PAGERDUTY_API_DEFAULT, SLACK_API_DEFAULT, loadConfig } from '../src/config.js';
import type { Config } from '../src/config.js';
import { RootcauseError } from '../src/errors.js';
import { PROCESS_START_MS } from './helpers/deadline.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The smallest valid environment. */
const minimal = { SLACK_BOT_TOKEN: 'xoxb-1111-2222-minimal', SLACK_SIGNING_SECRET: 'minimal-signing-secret' };

/** Every secret set to a value we can look for in error text. */
const secrets = {
  SLACK_BOT_TOKEN: 'xoxb-SECRET-bot-token-7f3a',
  SLACK_SIGNING_SECRET: 'SECRET-signing-9b21',
  SLACK_APP_TOKEN: 'xapp-SECRET-app-token-44c0',
  PAGERDUTY_WEBHOOK_SECRETS: 'SECRET-webhook-old-1d9e,SECRET-webhook-new-5a6b',
  PAGERDUTY_API_TOKEN: 'SECRET-pd-api-token-c3e8',
  REDIS_URL: 'redis://:SECRET-redis-password-0e41@redis.internal:6379/0',
};
const secretValues = [
  ...Object.values(secrets).flatMap((v) => v.split(',')),
  'SECRET-redis-password-0e41',
  'SECRET-bot-token-7f3a',
  'SECRET-app-token-44c0',
];

/** The error loadConfig throws for `env`; fails the test if it does not throw a CONFIG_INVALID RootcauseError. */
function configError(env: Record<string, string | undefined>): RootcauseError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(RootcauseError);
    expect((err as RootcauseError).code).toBe('CONFIG_INVALID');
    return err as RootcauseError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

function expectOneLineNaming(err: RootcauseError, variable: string): void {
  expect(err.message).not.toContain('\n');
  expect(err.message.startsWith(variable)).toBe(true);
  expect(err.message.length).toBeLessThan(300);
}

describe('required variables', () => {
  it.each(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET'])('%s missing: the error names it', (name) => {
    const env: Record<string, string | undefined> = { ...minimal };
    delete env[name];
    const err = configError(env);
    expectOneLineNaming(err, name);
    expect(err.message).toMatch(/required/);
  });

  it.each(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET'])('%s empty or blank counts as missing', (name) => {
    expectOneLineNaming(configError({ ...minimal, [name]: '' }), name);
    expectOneLineNaming(configError({ ...minimal, [name]: '   ' }), name);
  });

  it('an empty environment names the first required variable', () => {
    expectOneLineNaming(configError({}), 'SLACK_BOT_TOKEN');
  });
});

describe('malformed values', () => {
  it.each([
    ['SLACK_BOT_TOKEN', 'xoxp-1234-user-token', /xoxb-/],
    ['SLACK_BOT_TOKEN', 'not-a-token', /xoxb-/],
    ['SLACK_APP_TOKEN', 'xoxb-not-an-app-token', /xapp-/],
    ['SLACK_API_URL', 'slack.example.com/api', /not a URL/],
    ['SLACK_API_URL', 'ftp://slack.example.com/api/', /https: or http:/],
    ['REDIS_URL', 'http://127.0.0.1:6379', /redis: or rediss:/],
    ['REDIS_URL', '127.0.0.1:6379', /redis: or rediss:|not a URL/],
    ['PAGERDUTY_API_URL', 'api.pagerduty.com', /not a URL/],
    ['PORT', 'http', /port number/],
    ['PORT', '3000abc', /port number/],
    ['PORT', '-1', /port number/],
    ['PORT', '65536', /port number/],
    ['PORT', '30.5', /port number/],
    ['LOG_LEVEL', 'verbose', /one of/],
    ['ROLE', 'api', /web, worker or all/],
    ['INCIDENT_ANNOUNCE_CHANNEL', '#incidents', /channel ID/],
    ['INCIDENT_ANNOUNCE_CHANNEL', 'incidents', /channel ID/],
    ['PAGERDUTY_FROM_EMAIL', 'rootcause', /e-mail/],
    ['PAGERDUTY_FROM_EMAIL', 'rootcause@', /e-mail/],
    ['REDIS_KEY_PREFIX', 'root:cause', /letters, digits/],
    ['KUBECONFIG', '/nonexistent/rootcause/kubeconfig', /does not exist/],
  ])('%s=%s: one line naming the variable and what is wrong', (name, value, what) => {
    const err = configError({ ...minimal, [name]: value });
    expectOneLineNaming(err, name);
    expect(err.message).toMatch(what);
  });
});

describe('secrets never appear in error text', () => {
  const broken: Array<[string, Record<string, string | undefined>]> = [
    ['a bot token of the wrong kind', { SLACK_BOT_TOKEN: 'xoxp-SECRET-bot-token-7f3a' }],
    ['an app token of the wrong kind', { SLACK_APP_TOKEN: 'xoxb-SECRET-app-token-44c0' }],
    ['a Redis URL with a password and the wrong scheme', { REDIS_URL: 'http://:SECRET-redis-password-0e41@redis.internal:6379' }],
    ['a Redis URL with a password that does not parse', { REDIS_URL: 'redis://:SECRET-redis-password-0e41@[redis.internal:6379' }],
    ['a Redis URL with a password and no scheme', { REDIS_URL: 'default:SECRET-redis-password-0e41@redis internal:6379' }],
    ['a missing signing secret', { SLACK_SIGNING_SECRET: undefined }],
    ['a bad port', { PORT: 'eighty' }],
    ['a bad log level', { LOG_LEVEL: 'loud' }],
    ['a bad role', { ROLE: 'both' }],
    ['a bad announce channel', { INCIDENT_ANNOUNCE_CHANNEL: '#general' }],
    ['a bad from address', { PAGERDUTY_FROM_EMAIL: 'nobody' }],
    ['a missing catalog', { SERVICE_CATALOG: '/nonexistent/rootcause-catalog.yaml' }],
  ];
  it.each(broken)('%s', (_what, change) => {
    const err = configError({ ...secrets, ...change });
    for (const secret of secretValues) expect(err.message).not.toContain(secret);
    expect(String(err.stack)).not.toContain('SECRET-');
  });
});

describe('defaults (PRODUCT §2)', () => {
  it('points at the vendors\' public APIs over HTTPS, in the form each client expects', () => {
    // Named by constant, so no test names a real host; the bot never calls them in tests.
    expect(new URL(SLACK_API_DEFAULT)).toMatchObject({ protocol: 'https:', pathname: '/api/' });
    expect(new URL(PAGERDUTY_API_DEFAULT)).toMatchObject({ protocol: 'https:', pathname: '/' });
    expect(PAGERDUTY_API_DEFAULT.endsWith('/')).toBe(false);
  });

  it('fills every optional setting', () => {
    const config = loadConfig(minimal);
    expect(config).toMatchObject({
      slack: { botToken: minimal.SLACK_BOT_TOKEN, signingSecret: minimal.SLACK_SIGNING_SECRET, appToken: undefined, apiUrl: SLACK_API_DEFAULT },
      redisUrl: 'redis://127.0.0.1:6379',
      redisKeyPrefix: 'rootcause',
      pagerduty: { webhookSecrets: [], apiToken: undefined, apiUrl: PAGERDUTY_API_DEFAULT, fromEmail: undefined },
      kubeconfig: undefined,
      announceChannel: undefined,
      port: 3000,
      logLevel: 'info',
      role: 'all',
    } satisfies Partial<Record<keyof Config, unknown>>);
    expect(config.catalog.size).toBe(0);
  });

  it('treats empty values (NAME= in .env) as unset', () => {
    const config = loadConfig({ ...minimal, PORT: '', LOG_LEVEL: '', ROLE: '', SLACK_API_URL: '', REDIS_URL: '', SLACK_APP_TOKEN: '', SERVICE_CATALOG: '' });
    expect(config).toMatchObject({ port: 3000, logLevel: 'info', role: 'all', redisUrl: 'redis://127.0.0.1:6379', slack: { apiUrl: SLACK_API_DEFAULT, appToken: undefined } });
    expect(config.catalog.size).toBe(0);
  });

  it('reads every setting it is given', () => {
    const kubeDir = mkdtempSync(join(tmpdir(), 'rootcause-kube-'));
    const kubeconfig = join(kubeDir, 'kubeconfig');
    writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\n');
    onTestFinished(() => rmSync(kubeDir, { recursive: true, force: true }));
    const config = loadConfig({
      ...secrets,
      SLACK_API_URL: 'http://127.0.0.1:9999/api/',
      PAGERDUTY_API_URL: 'http://127.0.0.1:9998/',
      PAGERDUTY_FROM_EMAIL: 'rootcause@example.com',
      INCIDENT_ANNOUNCE_CHANNEL: 'C024BE91L',
      KUBECONFIG: kubeconfig,
      PORT: '8080',
      LOG_LEVEL: 'DEBUG',
      ROLE: 'worker',
      REDIS_KEY_PREFIX: 'rc-staging',
    });
    expect(config).toMatchObject({
      slack: { appToken: secrets.SLACK_APP_TOKEN, apiUrl: 'http://127.0.0.1:9999/api/' },
      redisUrl: secrets.REDIS_URL,
      redisKeyPrefix: 'rc-staging',
      pagerduty: {
        webhookSecrets: ['SECRET-webhook-old-1d9e', 'SECRET-webhook-new-5a6b'],
        apiToken: secrets.PAGERDUTY_API_TOKEN,
        apiUrl: 'http://127.0.0.1:9998',
        fromEmail: 'rootcause@example.com',
      },
      kubeconfig,
      announceChannel: 'C024BE91L',
      port: 8080,
      logLevel: 'debug',
      role: 'worker',
    });
  });

  it('splits PAGERDUTY_WEBHOOK_SECRETS on commas, trimming blanks', () => {
    expect(loadConfig({ ...minimal, PAGERDUTY_WEBHOOK_SECRETS: ' old , new ,, ' }).pagerduty.webhookSecrets).toEqual(['old', 'new']);
    expect(loadConfig({ ...minimal, PAGERDUTY_WEBHOOK_SECRETS: 'only' }).pagerduty.webhookSecrets).toEqual(['only']);
  });

  it('accepts rediss: and PORT=0', () => {
    expect(loadConfig({ ...minimal, REDIS_URL: 'rediss://redis.internal:6380' }).redisUrl).toBe('rediss://redis.internal:6380');
    expect(loadConfig({ ...minimal, PORT: '0' }).port).toBe(0);
  });

  it('gives SLACK_API_URL a trailing slash, as the WebClient needs', () => {
    expect(loadConfig({ ...minimal, SLACK_API_URL: 'http://127.0.0.1:9999/api' }).slack.apiUrl).toBe('http://127.0.0.1:9999/api/');
    expect(loadConfig({ ...minimal, SLACK_API_URL: 'http://127.0.0.1:9999/api/' }).slack.apiUrl).toBe('http://127.0.0.1:9999/api/');
    expect(loadConfig({ ...minimal, SLACK_API_URL: 'https://slack-proxy.internal' }).slack.apiUrl).toBe('https://slack-proxy.internal/');
  });
});

describe('SERVICE_CATALOG', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rootcause-catalog-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function catalogFile(name: string, text: string): string {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  }

  it('loads a valid catalog: find by name and by PagerDuty service id', () => {
    const path = catalogFile(
      'valid.yaml',
      [
        'services:',
        '  payment-service:',
        '    namespace: payments',
        '    selector: app=payment-service   # default: the Deployment named like the service',
        '    context: prod-us-east-1',
        '    pagerduty: [PSVC123, PSVC999]',
        '    owners: [U024BE7LH]',
        '  ledger:',
        '    namespace: payments',
        '    pagerduty: [PSVC999]',
        '  search: {}',
        '',
      ].join('\n'),
    );
    const { catalog } = loadConfig({ ...minimal, SERVICE_CATALOG: path });
    expect(catalog.size).toBe(3);
    expect(catalog.find('payment-service')).toEqual({
      name: 'payment-service',
      namespace: 'payments',
      selector: 'app=payment-service',
      context: 'prod-us-east-1',
      pagerduty: ['PSVC123', 'PSVC999'],
      owners: ['U024BE7LH'],
    });
    expect(catalog.find('search')).toMatchObject({ name: 'search', pagerduty: [], owners: [] });
    expect(catalog.find('checkout')).toBeUndefined();
    expect(catalog.findByPagerDutyService('PSVC123').map((s) => s.name)).toEqual(['payment-service']);
    expect(catalog.findByPagerDutyService('PSVC999').map((s) => s.name).sort()).toEqual(['ledger', 'payment-service']);
    expect(catalog.findByPagerDutyService('PNOPE00')).toEqual([]);
  });

  it('an empty file is an empty catalog', () => {
    expect(loadConfig({ ...minimal, SERVICE_CATALOG: catalogFile('empty.yaml', '') }).catalog.size).toBe(0);
  });

  function catalogError(path: string): RootcauseError {
    const err = configError({ ...minimal, SERVICE_CATALOG: path });
    expectOneLineNaming(err, 'SERVICE_CATALOG');
    return err;
  }

  it('a missing file: one line naming SERVICE_CATALOG and the path', () => {
    const path = join(dir, 'does-not-exist.yaml');
    const err = catalogError(path);
    expect(err.message).toContain(path);
    expect(err.message).toMatch(/cannot be read/);
  });

  it.each([
    ['an unclosed flow sequence', 'services:\n  payment-service:\n    pagerduty: [PSVC123\n'],
    ['tabs for indentation', 'services:\n\tpayment-service: {}\n'],
    ['misaligned keys', 'services:\n  payment-service:\n    namespace: payments\n   owners: [U024BE7LH]\n'],
  ])('bad YAML (%s): one line naming SERVICE_CATALOG, the file and where', (_what, text) => {
    const path = catalogFile('bad.yaml', text);
    const err = catalogError(path);
    expect(err.message).toContain(path);
    expect(err.message).toMatch(/YAML/);
    expect(err.message).toMatch(/line \d+/);
    expect(err.message).not.toMatch(/:\s*$/);
  });

  it('an unknown field in a service: names the service and the field', () => {
    const path = catalogFile('unknown-field.yaml', 'services:\n  payment-service:\n    namespace: payments\n    owner: [U024BE7LH]\n');
    const err = catalogError(path);
    expect(err.message).toContain('payment-service');
    expect(err.message).toContain('owner');
  });

  it('an unknown top-level field: names it', () => {
    const path = catalogFile('unknown-top.yaml', 'services:\n  payment-service: {}\ndefaults:\n  namespace: payments\n');
    const err = catalogError(path);
    expect(err.message).toContain('defaults');
  });

  it.each(['Payment_Service', 'payment.service', '-payment', 'PaymentService'])(
    'a service name that is not a DNS-1123 label (%s): names it and says why',
    (name) => {
      const path = catalogFile('bad-name.yaml', `services:\n  ${name}:\n    namespace: payments\n`);
      const err = catalogError(path);
      expect(err.message).toContain(name);
      expect(err.message).toMatch(/DNS-1123/);
    },
  );

  it.each([
    ['a namespace that is not DNS-1123', 'services:\n  payment-service:\n    namespace: Payments_Prod\n', /namespace/],
    ['owners that are names, not Slack IDs', 'services:\n  payment-service:\n    owners: [alice]\n', /owners/],
    ['pagerduty as a string, not a list', 'services:\n  payment-service:\n    pagerduty: PSVC123\n', /pagerduty/],
    ['a list instead of a map', '- payment-service\n- ledger\n', /top level|services/],
  ])('%s: one line naming SERVICE_CATALOG and the field', (_what, text, field) => {
    const err = catalogError(catalogFile('bad-field.yaml', text));
    expect(err.message).toMatch(field);
  });
});

describe('the process with a bad configuration', () => {
  function runMain(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`still running after ${PROCESS_START_MS} ms; stdout: ${stdout} stderr: ${stderr}`));
      }, PROCESS_START_MS);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  }

  it('exits 1 with exactly one stderr line naming SLACK_BOT_TOKEN when it is missing', async () => {
    const { code, stdout, stderr } = await runMain({ SLACK_SIGNING_SECRET: 'SECRET-signing-9b21', REDIS_URL: 'redis://127.0.0.1:1' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('SLACK_BOT_TOKEN');
    expect(stderr).not.toContain('SECRET-signing-9b21');
  });

  it('exits 1 with one line naming SERVICE_CATALOG for a catalog that does not load', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rootcause-catalog-'));
    try {
      const path = join(dir, 'catalog.yaml');
      writeFileSync(path, 'services:\n  Payment_Service: {}\n');
      const { code, stderr } = await runMain({ ...minimal, SERVICE_CATALOG: path, REDIS_URL: 'redis://127.0.0.1:1' });
      expect(code).toBe(1);
      const lines = stderr.split('\n').filter((l) => l !== '');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('SERVICE_CATALOG');
      expect(lines[0]).toContain('Payment_Service');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not print a malformed token it refuses', async () => {
    const { code, stderr } = await runMain({ SLACK_BOT_TOKEN: 'xoxp-SECRET-bot-token-7f3a', SLACK_SIGNING_SECRET: 'x' });
    expect(code).toBe(1);
    expect(stderr).toContain('SLACK_BOT_TOKEN');
    expect(stderr).not.toContain('SECRET-bot-token-7f3a');
  });
});
