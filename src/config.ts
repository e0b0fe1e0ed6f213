/**
 * The only reader of process.env (PRODUCT §2). A missing or malformed setting
 * stops start-up with one line naming the variable and what is wrong; secret
 * values never appear in that line or in logs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ServiceCatalog } from './domain/service-catalog.js';
import { RootcauseError } from './errors.js';

export type Role = 'web' | 'worker' | 'all';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  slack: {
    /** Required: bot token, `xoxb-…`. */
    botToken: string;
    /** Required: verifies every request from Slack. */
    signingSecret: string;
    /** Unset by default; when set Slack traffic uses Socket Mode. */
    appToken: string | undefined;
    /** Default: Slack's public API. Always ends with `/`, as WebClient expects. */
    apiUrl: string;
  };
  /** Default `redis://127.0.0.1:6379`. */
  redisUrl: string;
  /** Prefix of every Redis key and BullMQ queue; default `rootcause`. */
  redisKeyPrefix: string;
  pagerduty: {
    /** Webhook signing secrets; empty means the webhook refuses deliveries with 503. */
    webhookSecrets: string[];
    /** REST token; unset means no e-mail lookups and no notes back to PagerDuty. */
    apiToken: string | undefined;
    /** Default `https://api.pagerduty.com`, without a trailing `/`. */
    apiUrl: string;
    /** The `From` header PagerDuty requires on writes; unset means no notes. */
    fromEmail: string | undefined;
  };
  /** Path of a kubeconfig; unset means the standard lookup / in-cluster. */
  kubeconfig: string | undefined;
  /** Empty when `SERVICE_CATALOG` is unset. */
  catalog: ServiceCatalog;
  /** Channel ID where every new incident is announced; unset: no announcements. */
  announceChannel: string | undefined;
  /** Default 3000. */
  port: number;
  /** Default `info`. */
  logLevel: LogLevel;
  /** Default `all`: HTTP server and workers in one process. */
  role: Role;
}

type Env = Record<string, string | undefined>;

/** Slack's public Web API (PRODUCT §2 default); WebClient wants the trailing slash. */
export const SLACK_API_DEFAULT = 'https://slack.com/api/';
/** PagerDuty's public REST API (PRODUCT §2 default). */
export const PAGERDUTY_API_DEFAULT = 'https://api.pagerduty.com';

/** Empty strings count as unset: `.env` files often carry `NAME=`. */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function fail(name: string, problem: string): never {
  throw new RootcauseError('CONFIG_INVALID', `${name} ${problem}`);
}

function required(env: Env, name: string, what: string): string {
  return read(env, name) ?? fail(name, `is required (${what})`);
}

function url(env: Env, name: string, fallback: string, protocols: string[]): string {
  const raw = read(env, name) ?? fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    // A URL may carry a password (redis://:secret@host): never echo one that does.
    return fail(name, raw.includes('@') ? 'is not a URL (value not shown: it may hold credentials)' : `is not a URL: "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) fail(name, `must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  return raw;
}

const email = z.email();
/** The values .env.example and deploy/kubernetes/secret.example.env ship with. */
const PLACEHOLDERS = new Set(['xoxb-your-bot-token', 'your-signing-secret', 'your-webhook-signing-secret']);
const channelId = /^[CG][A-Z0-9]{2,}$/;

export function loadConfig(env: Env = process.env): Config {
  const botToken = required(env, 'SLACK_BOT_TOKEN', 'the bot token, xoxb-…');
  if (!botToken.startsWith('xoxb-')) fail('SLACK_BOT_TOKEN', 'must be a bot token starting with "xoxb-"');
  if (PLACEHOLDERS.has(botToken)) fail('SLACK_BOT_TOKEN', `is still the placeholder "${botToken}": copy the Bot User OAuth Token (xoxb-…) from your Slack app's "OAuth & Permissions" page`);
  const signingSecret = required(env, 'SLACK_SIGNING_SECRET', "the app's signing secret");
  if (PLACEHOLDERS.has(signingSecret)) fail('SLACK_SIGNING_SECRET', `is still the placeholder "${signingSecret}": copy the Signing Secret from your Slack app's "Basic Information" page`);
  const appToken = read(env, 'SLACK_APP_TOKEN');
  if (appToken !== undefined && !appToken.startsWith('xapp-')) {
    fail('SLACK_APP_TOKEN', 'must be an app-level token starting with "xapp-"');
  }
  let apiUrl = url(env, 'SLACK_API_URL', SLACK_API_DEFAULT, ['https:', 'http:']);
  if (!apiUrl.endsWith('/')) apiUrl += '/';

  const redisUrl = url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']);
  const redisKeyPrefix = read(env, 'REDIS_KEY_PREFIX') ?? 'rootcause';
  if (!/^[A-Za-z0-9_.-]+$/.test(redisKeyPrefix)) fail('REDIS_KEY_PREFIX', 'may hold only letters, digits, "_", "." and "-"');

  const webhookSecrets = (read(env, 'PAGERDUTY_WEBHOOK_SECRETS') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (webhookSecrets.some((s) => PLACEHOLDERS.has(s))) fail('PAGERDUTY_WEBHOOK_SECRETS', 'still holds the placeholder "your-webhook-signing-secret": copy the signing secret PagerDuty showed when you created the webhook');
  const pdApiUrl = url(env, 'PAGERDUTY_API_URL', PAGERDUTY_API_DEFAULT, ['https:', 'http:']).replace(/\/+$/, '');
  const fromEmail = read(env, 'PAGERDUTY_FROM_EMAIL');
  if (fromEmail !== undefined && !email.safeParse(fromEmail).success) {
    fail('PAGERDUTY_FROM_EMAIL', `is not an e-mail address: "${fromEmail}"`);
  }

  const announceChannel = read(env, 'INCIDENT_ANNOUNCE_CHANNEL');
  if (announceChannel !== undefined && !channelId.test(announceChannel)) {
    fail('INCIDENT_ANNOUNCE_CHANNEL', `must be a channel ID like C024BE91L (not a #name), got "${announceChannel}"`);
  }

  const portRaw = read(env, 'PORT') ?? '3000';
  const port = Number(portRaw);
  if (!/^\d+$/.test(portRaw) || port < 0 || port > 65535) fail('PORT', `must be a port number 0-65535, got "${portRaw}"`);

  const levels: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  const logLevel = (read(env, 'LOG_LEVEL') ?? 'info').toLowerCase() as LogLevel;
  if (!levels.includes(logLevel)) fail('LOG_LEVEL', `must be one of ${levels.join(', ')}, got "${logLevel}"`);

  const role = (read(env, 'ROLE') ?? 'all').toLowerCase() as Role;
  if (!['web', 'worker', 'all'].includes(role)) fail('ROLE', `must be web, worker or all, got "${role}"`);

  const kubeconfig = read(env, 'KUBECONFIG');
  // client-node reads only the first file of a KUBECONFIG list; name it if it is missing.
  const firstKubeconfig = kubeconfig?.split(':')[0];
  if (firstKubeconfig !== undefined && !existsSync(firstKubeconfig)) fail('KUBECONFIG', `names a file that does not exist: ${firstKubeconfig}`);

  const catalogPath = read(env, 'SERVICE_CATALOG');
  return {
    slack: { botToken, signingSecret, appToken, apiUrl },
    redisUrl,
    redisKeyPrefix,
    pagerduty: { webhookSecrets, apiToken: read(env, 'PAGERDUTY_API_TOKEN'), apiUrl: pdApiUrl, fromEmail },
    kubeconfig: firstKubeconfig,
    catalog: catalogPath === undefined ? new ServiceCatalog() : loadServiceCatalog(catalogPath),
    announceChannel,
    port,
    logLevel,
    role,
  };
}

const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const catalogSchema = z.strictObject({
  services: z.record(
    z.string().regex(dns1123Label, 'service names must be DNS-1123 labels (lower case, digits, "-")'),
    z
      .object({
        namespace: z.string().regex(dns1123Label, 'not a DNS-1123 namespace name').optional(),
        selector: z.string().min(1).optional(),
        context: z.string().min(1).optional(),
        pagerduty: z.array(z.string().min(1)).default([]),
        owners: z.array(z.string().regex(/^[UW][A-Z0-9]+$/, 'owners are Slack user IDs like U024BE7LH')).default([]),
      })
      .strict(),
  ),
});

/** Reads and validates the catalog YAML (PRODUCT §4); errors name the file and the field. */
function loadServiceCatalog(path: string): ServiceCatalog {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return fail('SERVICE_CATALOG', `cannot be read: ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    // The yaml message's first line ends "at line 3, column 1:" before a code excerpt we leave out.
    const reason = ((err as Error).message.split('\n')[0] ?? '').replace(/:\s*$/, '');
    return fail('SERVICE_CATALOG', `is not valid YAML: ${path}: ${reason}`);
  }
  const parsed = catalogSchema.safeParse(doc ?? { services: {} });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // A bad service name is reported by zod as "Invalid key in record"; say why instead.
    const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
    return fail('SERVICE_CATALOG', `${path}: ${issue.path.join('.') || '(top level)'}: ${message}`);
  }
  return new ServiceCatalog(Object.entries(parsed.data.services).map(([name, s]) => ({ name, ...s })));
}
