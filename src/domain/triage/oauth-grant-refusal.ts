/**
 * An identity provider's token endpoint refusing the workload's own credential (OAuth 2.0's
 * `invalid_grant` / `invalid_client`): the workload cannot get a token, so every call it makes
 * fails — often a start-up check, whose last words ("cannot start without … access") say only
 * the consequence. The refusal's description tells what happened to the credential: a JWT whose
 * signature the issuer cannot check was signed with a key it no longer has (deleted, disabled or
 * expired by a key-expiry policy); an account not found was deleted; a client secret expired. All
 * of that happens at the provider, outside the cluster: no rollback brings the key back.
 */
import type { ContainerSpecEvidence } from './evidence-pod.js';
import type { VolumeEvidence } from './evidence-spec.js';

const REFUSAL = /\b(invalid_grant|invalid_client|unauthorized_client)\b["'\\]*[\s:,]*(?:["'\\]*(?:error_description["'\\]*\s*[:=]\s*)?["'\\]*)([^"'\\\n]{0,160})/;

export interface GrantRefusal {
  /** The line that carries the refusal. */
  line: string;
  /** invalid_grant, invalid_client, unauthorized_client. */
  code: string;
  /** The provider's description, when the line carries one: `Invalid JWT Signature.`. */
  description?: string;
  /** What the description says happened to the credential. */
  meaning: 'key-gone' | 'account-gone' | 'clock' | 'secret-expired' | 'refused';
  /** The account and key the process loaded, when a line names them (a service account's client_email, private_key_id). */
  account?: string;
  keyId?: string;
}

function meaningOf(description: string): GrantRefusal['meaning'] {
  if (/invalid jwt signature|invalid signature|signature (?:is )?invalid|key (?:not found|was deleted|is disabled|expired)|AADSTS700027/i.test(description)) return 'key-gone';
  if (/account not found|no such (?:service )?account|does not exist|AADSTS700016/i.test(description)) return 'account-gone';
  if (/short-lived token|reasonable timeframe|iat|exp\b|clock|not yet valid|AADSTS700024/i.test(description)) return 'clock';
  if (/secret (?:has )?expired|AADSTS7000222|AADSTS7000215|invalid client secret/i.test(description)) return 'secret-expired';
  return 'refused';
}

const ACCOUNT = /"client_email"\s*:\s*"([^"]+)"|\bclient_email[=: ]+([\w.@-]+)/;
const KEY_ID = /"private_key_id"\s*:\s*"([0-9a-f]{8,})"|\bprivate_key_id[=: ]+([0-9a-f]{8,})/i;

/** The last refusal of the workload's credential in the lines, with the account and key a line names. */
export function findGrantRefusal(lines: readonly string[]): GrantRefusal | undefined {
  const line = [...lines].reverse().find((l) => REFUSAL.test(l));
  const m = line === undefined ? null : REFUSAL.exec(line);
  if (line === undefined || m === null) return undefined;
  const code = m[1] ?? 'invalid_grant';
  const description = (m[2] ?? '').trim() || undefined;
  const accountLine = lines.find((l) => ACCOUNT.test(l));
  const a = accountLine === undefined ? null : ACCOUNT.exec(accountLine);
  const keyLine = lines.find((l) => KEY_ID.test(l));
  const k = keyLine === undefined ? null : KEY_ID.exec(keyLine);
  const account = a?.[1] ?? a?.[2];
  const keyId = k?.[1] ?? k?.[2];
  return {
    line, code, meaning: meaningOf(description ?? ''),
    ...(description ? { description } : {}),
    ...(account ? { account } : {}),
    ...(keyId ? { keyId } : {}),
  };
}

/** The Secret the credential file comes from: the volume mounted where a credentials variable points, or a Secret volume named like one. */
export function findCredentialSecret(containers: readonly Pick<ContainerSpecEvidence, 'env' | 'volumeMounts'>[], volumes: readonly VolumeEvidence[]): string | undefined {
  for (const c of containers) {
    const path = (c.env ?? []).find((e) => 'value' in e && /CREDENTIALS|KEY_?FILE|KEY_?PATH/i.test(e.name) && e.value.startsWith('/'));
    const file = path && 'value' in path ? path.value : undefined;
    const mount = file === undefined ? undefined : (c.volumeMounts ?? []).find((m) => file.startsWith(m.mountPath.endsWith('/') ? m.mountPath : `${m.mountPath}/`) || file === m.mountPath);
    const volume = mount === undefined ? undefined : volumes.find((v) => v.name === mount.name && v.source === 'secret');
    if (volume?.ref) return volume.ref;
  }
  return undefined;
}

export interface ToldGrantRefusal {
  /** A clause for the title. */
  clause: string;
  cause: string;
  action: string;
  fix: string;
  /** Why a rollback is no way back. */
  outside: string;
}

const short = (id: string) => `${id.slice(0, 8)}…`;

/** How a refused credential is told: what the provider says happened to it, and where a new one goes. */
export function tellGrantRefusal(r: GrantRefusal, secret: string | undefined): ToldGrantRefusal {
  const said = `${r.code}${r.description ? ` "${r.description}"` : ''}`;
  const key = r.keyId ? ` (private_key_id ${short(r.keyId)})` : '';
  const account = r.account ? ` of ${r.account}` : '';
  const where = secret ? `Secret ${secret}` : 'the Secret the credential file comes from';
  const told: Record<GrantRefusal['meaning'], { clause: string; cause: string; fix: string }> = {
    'key-gone': {
      clause: `the identity provider refuses its service account key (${said}): the key${key} was deleted, disabled or expired`,
      cause: `The token endpoint cannot check the signature of the JWT the process signs with its service account key${account}${key}: the provider no longer has that key — deleted, disabled, or expired by a key-expiry policy. No token, no call: the process fails until it carries a valid key.`,
      fix: `create a new key for the service account${r.account ? ` ${r.account}` : ''}, put it in ${where} and restart (or move to workload identity federation)`,
    },
    'account-gone': {
      clause: `the identity provider refuses its credential (${said}): the account${account} no longer exists`,
      cause: `The token endpoint does not know the account${account} the credential names: it was deleted (or renamed) at the provider.`,
      fix: `restore the account or issue a credential for an existing one, put it in ${where} and restart`,
    },
    clock: {
      clause: `the identity provider refuses its signed assertion for its time (${said})`,
      cause: 'The token endpoint refuses the assertion\'s issue or expiry time: the node\'s clock is off, or the process signs with a stale time.',
      fix: 'fix the clock of the nodes the pods run on (NTP/chrony)',
    },
    'secret-expired': {
      clause: `the identity provider refuses its client secret (${said}): the secret expired or was replaced`,
      cause: `The token endpoint refuses the client secret the process presents: it expired or was rotated at the provider, and ${where} still holds the old one.`,
      fix: `issue a new client secret, put it in ${where} and restart`,
    },
    refused: {
      clause: `the identity provider refuses its credential (${said})`,
      cause: `The token endpoint refuses the credential the process presents${account}: revoked, expired or replaced at the provider.`,
      fix: `issue a valid credential, put it in ${where} and restart`,
    },
  };
  const t = told[r.meaning];
  return {
    ...t,
    action: `${t.fix.charAt(0).toUpperCase()}${t.fix.slice(1)}. A rollback would not help: the credential was changed at the provider, not in the pod template.`,
    outside: 'the credential was refused by the identity provider, outside the cluster',
  };
}
