/**
 * A Rails app that cannot read its encrypted credentials at boot: `ActiveSupport::MessageEncryptor::
 * InvalidMessage` (an OpenSSL CipherError under it) raised through ActiveSupport::EncryptedFile
 * or EncryptedConfiguration means the master key it was given is not the key the credentials file
 * (config/credentials.yml.enc, or config/credentials/<env>.yml.enc) was encrypted with;
 * MissingKeyError means it was given none, InvalidKeyLengthError one of the wrong length. The file
 * comes with the image, the key from the pod spec (RAILS_MASTER_KEY, usually from a Secret, or a
 * mounted config/master.key): a release that re-encrypted the credentials under a new key while the
 * Secret kept the old one, or a Secret edited under an unchanged image, parts them. Names where the
 * key comes from without reading the Secret.
 */
import type { ContainerSpecEvidence, PodEvidence, RevisionEvidence } from './evidence.js';
import type { EnvVarEvidence } from './evidence-spec.js';
import { sortRevisions } from './revision-diff.js';

export interface RailsCredentials {
  /** The key does not decrypt the file, no key was given, or the key has the wrong length. */
  kind: 'wrong-key' | 'missing-key' | 'key-length';
  /** Where the key comes from: "RAILS_MASTER_KEY from Secret app-rails, key master_key". */
  key: string;
  /** The Secret (and key) to put the right master key in, when the spec names one. */
  secret?: { name: string; key?: string };
  /** The newest revision brought the credentials file (its image changed) while the key's source stayed: the revision and the one before. */
  newFile?: { revision: number; previous: number; previousServes: boolean };
  /** The newest revision moved the key's source: what it was before. */
  movedKey?: { revision: number; previous: number; was: string };
}

const WRONG_KEY = /ActiveSupport::MessageEncryptor::InvalidMessage|OpenSSL::Cipher::CipherError/;
const MISSING_KEY = /ActiveSupport::EncryptedFile::MissingKeyError|Missing encryption key to decrypt file with/;
const KEY_LENGTH = /ActiveSupport::EncryptedFile::InvalidKeyLengthError|Encryption key must be exactly \d+ characters/;
/** The failure is the credentials' own: raised through the encrypted file's reader (a cookie's InvalidMessage is not). */
const CREDENTIALS_READ = /encrypted_(?:file|configuration)\.rb|ActiveSupport::Encrypted(?:File|Configuration)|Rails::Application#credentials|credentials\.yml\.enc/;

const MASTER_KEY_ENV = 'RAILS_MASTER_KEY';

function describeKeySource(env: EnvVarEvidence | undefined): string | undefined {
  if (env === undefined) return undefined;
  if (!('ref' in env)) return `${MASTER_KEY_ENV} (a literal value in the pod template)`;
  const kind = env.ref.kind === 'secret' ? 'Secret' : env.ref.kind === 'configMap' ? 'ConfigMap' : env.ref.kind;
  return `${MASTER_KEY_ENV} from ${kind} ${env.ref.name ?? '?'}${env.ref.key ? `, key ${env.ref.key}` : ''}`;
}

/** The key's source in one container spec: the env var, a master.key file mounted from a Secret, or envFrom Secrets that may carry the var. */
function findKeySource(container: Pick<ContainerSpecEvidence, 'env' | 'envFrom' | 'volumeMounts'>, pod: PodEvidence | undefined): { said: string; secret?: RailsCredentials['secret'] } {
  const env = (container.env ?? []).find((e) => e.name === MASTER_KEY_ENV);
  const said = describeKeySource(env);
  if (env !== undefined && said !== undefined) {
    const secret = 'ref' in env && env.ref.kind === 'secret' && env.ref.name ? { name: env.ref.name, ...(env.ref.key ? { key: env.ref.key } : {}) } : undefined;
    return { said, ...(secret ? { secret } : {}) };
  }
  const mount = (container.volumeMounts ?? []).find((m) => /(?:^|\/)(?:master\.key|credentials(?:\/[\w-]+\.key)?)$/.test(`${m.mountPath}${m.subPath ? `/${m.subPath}` : ''}`));
  const volume = mount === undefined ? undefined : pod?.volumes?.find((v) => v.name === mount.name);
  if (mount !== undefined && volume?.source === 'secret' && volume.ref) return { said: `the key file at ${mount.mountPath}, from Secret ${volume.ref}`, secret: { name: volume.ref } };
  const fromSecrets = (container.envFrom ?? []).filter((e) => e.kind === 'secret');
  const first = fromSecrets[0];
  if (first !== undefined) return { said: `${MASTER_KEY_ENV}, if envFrom Secret ${fromSecrets.map((e) => e.name).join(' or ')} carries it`, ...(fromSecrets.length === 1 ? { secret: { name: first.name, key: MASTER_KEY_ENV } } : {}) };
  return { said: `no ${MASTER_KEY_ENV} in the spec: only a config/master.key the image may carry` };
}

/**
 * Rails refusing its credentials in the log of a crashed run, where its key comes from, and whether
 * the newest revision brought a new credentials file (its image) or moved the key. Undefined when
 * the log shows no such refusal.
 */
export function findRailsCredentials(input: { lines: readonly string[]; container: ContainerSpecEvidence; pod: PodEvidence; pods: readonly PodEvidence[]; revisions: readonly RevisionEvidence[] }): RailsCredentials | undefined {
  const tail = input.lines.slice(-80);
  const kind: RailsCredentials['kind'] | undefined = tail.some((l) => MISSING_KEY.test(l))
    ? 'missing-key'
    : tail.some((l) => KEY_LENGTH.test(l))
      ? 'key-length'
      : tail.some((l) => WRONG_KEY.test(l)) && tail.some((l) => CREDENTIALS_READ.test(l)) ? 'wrong-key' : undefined;
  if (kind === undefined) return undefined;
  const source = findKeySource(input.container, input.pod);
  const sorted = sortRevisions(input.revisions);
  const at = sorted.findIndex((r) => r.hash === input.pod.revisionHash);
  const [current, previous] = at === 0 ? [sorted[0], sorted[1]] : [undefined, undefined];
  const now = current?.containers.find((c) => c.name === input.container.name);
  const before = previous?.containers.find((c) => c.name === input.container.name);
  let newFile: RailsCredentials['newFile'];
  let movedKey: RailsCredentials['movedKey'];
  if (current && previous && now && before) {
    const was = findKeySource(before, undefined).said;
    const is = findKeySource(now, undefined).said;
    const previousServes = input.pods.some((p) => p.revisionHash === previous.hash && p.ready);
    if (was !== is) movedKey = { revision: current.revision, previous: previous.revision, was };
    else if (now.image !== before.image) newFile = { revision: current.revision, previous: previous.revision, previousServes };
  }
  return { kind, key: source.said, ...(source.secret ? { secret: source.secret } : {}), ...(newFile ? { newFile } : {}), ...(movedKey ? { movedKey } : {}) };
}

export function tellRailsCredentials(r: RailsCredentials): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const where = r.secret ? `Secret ${r.secret.name}${r.secret.key ? ` (key ${r.secret.key})` : ''}` : 'the key\'s source';
  const failure = r.kind === 'missing-key' ? 'has no master key to decrypt its credentials with' : r.kind === 'key-length' ? 'was given a master key of the wrong length for its credentials' : 'cannot decrypt its credentials with the master key it was given';
  const what = r.kind === 'wrong-key' ? 'ActiveSupport::MessageEncryptor::InvalidMessage: the key is not the one the credentials file was encrypted with' : r.kind === 'missing-key' ? 'ActiveSupport::EncryptedFile::MissingKeyError' : 'ActiveSupport::EncryptedFile::InvalidKeyLengthError: a master key is 32 hex characters';
  const since = r.movedKey
    ? ` Revision ${r.movedKey.revision} moved the key: it was ${r.movedKey.was}.`
    : r.kind !== 'wrong-key'
      ? ` The key at its source is unset, empty or malformed.`
      : r.newFile
        ? ` Revision ${r.newFile.revision} changed the image, and with it the credentials file (config/credentials.yml.enc, or config/credentials/<env>.yml.enc), while the key's source stayed the same${r.newFile.previousServes ? ` — revision ${r.newFile.previous}'s pods start with that very key and serve` : ''}: the likely story is a release that re-encrypted its credentials under a new master key while ${where} still holds the old one.`
        : ` No revision brought a new credentials file, so the key at its source is the likelier change (a rotation or an edit of ${where}); pods that started before it keep running.`;
  const back = r.newFile && r.kind === 'wrong-key' ? ` — or roll back to revision ${r.newFile.previous} until it does` : r.movedKey ? ` — or roll back to revision ${r.movedKey.previous}, which read it from ${r.movedKey.was}` : '';
  const put = r.kind !== 'wrong-key' ? `Put the master key (32 hex characters) that decrypts the credentials into ${where}` : `Put the master key that decrypts ${r.newFile ? `revision ${r.newFile.revision}'s` : 'the image\'s'} credentials into ${where}`;
  return {
    title: `: Rails ${failure} (${r.key})`,
    cause: `Rails reads its encrypted credentials at boot (an initializer uses them) and stops: ${what}. The credentials file comes with the image; the master key: ${r.key}.${since} Every start fails the same way; restarting the pods will not help.`,
    action: `${put}${back}; the pods read it when they restart (the bot does not read Secrets).`,
    fix: `${put.charAt(0).toLowerCase()}${put.slice(1)}`,
    evidence: [`master key: ${r.key}`, ...(r.newFile?.previousServes ? [`revision ${r.newFile.previous}'s pods start with the same key source and serve`] : [])],
  };
}
