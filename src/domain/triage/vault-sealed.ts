/**
 * A sealed Vault: it starts sealed — its storage stays encrypted until it is unsealed, by an
 * operator entering a threshold of key shares (the default Shamir seal) or by a KMS (auto-unseal)
 * — so a Vault pod restarted or rescheduled without auto-unseal answers every request 503 "Vault
 * is sealed" (hvac's VaultDown, the Go API's "Code: 503. Errors: * Vault is sealed", vault-agent's
 * "vault is sealed") and its readiness probe (`vault status`) fails, printing "Sealed true".
 * Clients that log in or read their secrets when they start fail at start; their pods that started
 * before keep what they got and keep running.
 */
import type { ClusterDownSign, MemberReadiness } from './cluster-down-sign.js';

/** One row of `vault status`' table ("Unseal Progress    0/3"), as the readiness probe's output prints it. */
function readRow(status: string, key: string): string | undefined {
  return new RegExp(`(?:^|\\n)\\s*${key}\\s+([^\\n]+?)\\s*(?:\\n|$)`, 'i').exec(status)?.[1];
}

/** What a failing `vault status` probe says of a sealed member: "Sealed true, shamir seal, unseal progress 0/3"; nothing while it is unsealed. */
export function readSealStatus(message: string): MemberReadiness | undefined {
  if (readRow(message, 'Sealed') !== 'true') return undefined;
  const type = readRow(message, 'Seal Type');
  const progress = readRow(message, 'Unseal Progress');
  const threshold = readRow(message, 'Threshold');
  const shares = readRow(message, 'Total Shares');
  const notes = [type ? `${type} seal` : undefined, progress ? `unseal progress ${progress}` : undefined].filter((x) => x !== undefined);
  return {
    said: ['Sealed true', ...notes].join(', '),
    ...(threshold && /^\d+$/.test(threshold) ? { needs: shares && /^\d+$/.test(shares) ? `${threshold} of its ${shares} key shares` : `${threshold} key shares` } : {}),
  };
}

/** The fix on the sealed members, with the number of shares their own status gave. */
function unseal(members: string, readiness: MemberReadiness | undefined): string {
  const shares = readiness?.needs ?? 'the threshold of its key shares';
  return `unseal ${members} with ${shares} (\`vault operator unseal\`, once per share), then configure auto-unseal (a KMS or Transit seal) so a rescheduled Vault pod unseals itself`;
}

export const VAULT_SEALED: ClusterDownSign = {
  server: 'Vault',
  cluster: 'Vault',
  pattern: /\bVault is sealed\b/i,
  token: '503 "Vault is sealed"',
  state: 'is sealed',
  meaning:
    'A Vault server starts sealed: it cannot decrypt its storage until it is unsealed — with the default Shamir seal by operators entering a threshold of key shares (vault operator unseal), with auto-unseal by a KMS — so a Vault pod restarted or rescheduled without auto-unseal stays sealed, answers every request 503 "Vault is sealed" and fails its readiness probe (vault status). Nothing on the clients\' side changes that.',
  check: 'vault status',
  recovers: 'Vault serves again',
  readiness: readSealStatus,
  remedy: unseal,
  atStart: 'they log in to Vault and read their secrets when they start, so only those that started since it sealed fail; the ones that started before hold their secrets and keep running',
};
