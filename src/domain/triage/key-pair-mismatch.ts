/**
 * A signature the store computes differently from the client's (S3's SignatureDoesNotMatch, and
 * every S3-compatible store's): the access key id is known, so the secret the request was signed
 * with is not the one paired with that id. When the id and the secret reach the container from
 * different places (the id from a ConfigMap or a literal, the secret from a Secret), a rotation
 * that rewrote one of them and not the other is the usual story: the pair no longer matches.
 * A rollback brings neither half back; the place that was not updated must be.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';
import type { ContainerSpecEvidence } from './evidence-pod.js';

const SIGNATURE_MISMATCH = /\bSignatureDoesNotMatch\b|The request signature we calculated does not match the signature you provided/;

/** The variables each half of an AWS-style key pair is read from (the SDKs' own names, and common prefixed ones). */
const KEY_ID = /(?:^|_)ACCESS_KEY_ID$|(?:^|_)ACCESS_KEY$/i;
const SECRET = /(?:^|_)SECRET_ACCESS_KEY$|(?:^|_)SECRET_KEY$/i;

interface Half {
  env: string;
  /** `ConfigMap invoice-env (key AWS_ACCESS_KEY_ID)`, `Secret s3-creds (key secret)`, `a literal value`. */
  from: string;
  /** The object it comes from, kind and name, to tell whether the two halves share one. */
  object: string;
}

function halfOf(container: Pick<ContainerSpecEvidence, 'env' | 'envFrom'>, name: RegExp, not?: RegExp): Half | undefined {
  for (const e of container.env ?? []) {
    if (!name.test(e.name) || not?.test(e.name)) continue;
    if (!('ref' in e)) return { env: e.name, from: 'a literal value in the pod template', object: 'template' };
    if (e.ref.kind !== 'secret' && e.ref.kind !== 'configMap') continue;
    const kind = e.ref.kind === 'secret' ? 'Secret' : 'ConfigMap';
    const object = `${kind} ${e.ref.name ?? '?'}`;
    return { env: e.name, from: `${object}${e.ref.key ? ` (key ${e.ref.key})` : ''}`, object };
  }
  return undefined;
}

export interface KeyPairSources {
  keyId: Half;
  secret: Half;
}

/** Where the container's access key id and secret come from, when it reads both from its env. */
export function findKeyPairSources(containers: readonly Pick<ContainerSpecEvidence, 'env' | 'envFrom'>[]): KeyPairSources | undefined {
  for (const c of containers) {
    // AWS_SECRET_ACCESS_KEY ends like an access key too: the secret's name is never the id's.
    const keyId = halfOf(c, KEY_ID, SECRET);
    const secret = halfOf(c, SECRET);
    if (keyId && secret) return { keyId, secret };
  }
  return undefined;
}

export function explainKeyPairMismatch(errors: readonly string[], containers: readonly Pick<ContainerSpecEvidence, 'env' | 'envFrom'>[]): ClientDiagnosis | undefined {
  const line = errors.find((l) => SIGNATURE_MISMATCH.test(l));
  if (line === undefined) return undefined;
  const pair = findKeyPairSources(containers);
  const refused = 'the object store refuses every signed request (SignatureDoesNotMatch): the secret key does not match the access key id';
  if (pair === undefined) {
    return {
      summary: refused,
      decisive: line,
      likelyCause: 'The store knows the access key id but computes another signature: the secret access key the client signs with is not the one paired with that id (a half-done key rotation, a truncated or mistyped secret, a trailing newline in it).',
      nextAction: 'Compare the access key id and the secret the pods use with the key pair the IAM user (or the store) holds now, and set both from the same rotation.',
      fix: 'set the access key id and its secret from the same key pair',
      noRollback: 'the key pair lives outside the pod template',
    };
  }
  const { keyId, secret } = pair;
  const split = keyId.object !== secret.object;
  // A half written in the template itself changes with a revision: a rollback may bring the old pair back.
  const inTemplate = keyId.object === 'template' || secret.object === 'template';
  const where = `${keyId.env} comes from ${keyId.from}, ${secret.env} from ${secret.from}`;
  return {
    summary: `${refused}; ${where}${split ? ', so a rotation of one leaves the other stale' : ''}`,
    decisive: line,
    likelyCause: split
      ? `The store knows the access key id but the request was signed with a secret that is not its pair. ${where}: a key rotation that wrote the new secret into ${secret.object} left the old access key id in ${keyId.object} (or the other way round), so every request since the pods read them is refused.`
      : `The store knows the access key id but the request was signed with a secret that is not its pair: both come from ${keyId.object} (${where}), so one of them was set wrong there (a half-done rotation, a truncated or mistyped secret, a trailing newline).`,
    nextAction: split
      ? `Put the access key id that belongs to the current secret into ${keyId.from} (better: take both from ${secret.object}), then restart the pods.${inTemplate ? '' : ' A rollback would not help: every revision reads the same objects.'}`
      : `Set ${keyId.env} and ${secret.env} in ${keyId.object} from the same key pair, then restart the pods.`,
    fix: split ? `put the matching access key id in ${keyId.object} (or take both halves from ${secret.object})` : `set both halves in ${keyId.object} from the same key pair`,
    ...(inTemplate ? {} : { noRollback: `the key pair lives in ${split ? `${keyId.object} and ${secret.object}` : keyId.object}, which every revision reads` }),
  };
}
