/**
 * A dependency error whose kind says what the address the client is configured with points at:
 * MongoDB refusing transactions ("Transaction numbers are only allowed on a replica set member or
 * mongos", code 20 IllegalOperation) answers from a standalone mongod where a replica set is needed;
 * S3's PermanentRedirect ("must be addressed using the specified endpoint") answers for a bucket in
 * another region than the one the client addresses; Redis's "cluster support disabled" answers a
 * cluster-mode client from a standalone server. The server is up and answering either way: what
 * decides it is the configuration value that names the dependency — a URI of its scheme, a bucket
 * key and the region setting — read from the container's env or from the ConfigMap it takes it from
 * (setting-config.ts, server-address). The finding names that value (passwords masked), so an edit
 * of that ConfigMap, picked up by a restart, reads as the change it is.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';
import type { ContainerSpecEvidence, LogEvidence, PodEvidence } from './evidence.js';
import type { SettingConfigEvidence } from './evidence-setting-config.js';
import { maskCredentials } from './server-address-config.js';
import { findServerAddress } from './server-address.js';

/** MongoDB's refusal of a transaction (or a retryable write's txnNumber) by a server that is no replica set member. */
// Drivers' own "transactions are not supported" words also fit a server too old for them: not read as a standalone.
const MONGO_STANDALONE = /Transaction numbers are only allowed on a replica set member or mongos/i;
/** S3 answering for a bucket of another region: the redirect, Go's bucket-region check, a signature for the wrong region. */
const S3_OTHER_REGION = /\bPermanentRedirect\b|must be addressed using the specified endpoint|BucketRegionError: incorrect region|AuthorizationHeaderMalformed[^\n]*region '[\w-]+' is wrong/i;
/** Redis refusing cluster commands: the server is a standalone instance, the client runs in cluster mode. */
const REDIS_NOT_CLUSTER = /This instance has cluster support disabled/i;

/** A TLS handshake answered in plain text: the URL whose scheme asks for TLS is the setting (tls-terms.ts). */
const TLS_TO_PLAINTEXT = /WRONG_VERSION_NUMBER|wrong version number|first record does not look like a TLS handshake/i;

/** Keys that name a bucket, a region, a Redis address or a URL: kept from the ConfigMaps read for such errors (setting-config.ts). */
export const ADDRESSED_NAMED_KEY = /(?:^|_)BUCKET(?:_NAME)?$|(?:^|_)REGION$|REDIS\w*(?:URL|URI|HOSTS?|ADDR|ADDRESS|NODES)$/i;
/** With any URL key too: kept only when the error itself is what the address points at, never for other server-address reads. */
export const ADDRESSED_KEY = new RegExp(`${ADDRESSED_NAMED_KEY.source}|(?:^|_)(?:URL|URI)$`, 'i');

/** An AWS region as configured or as an endpoint names it. */
const AWS_REGION = /\b(?:us|eu|ap|sa|ca|me|af|il|mx)(?:-gov)?-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d\b/;
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** The region S3 says the bucket is in: its endpoint (`bucket.s3.us-east-1.amazonaws.com`), Go's region check, a signature's "expecting". */
const BUCKET_REGION_SAID = [/\.s3[.-]((?:[a-z]{2})(?:-gov)?-[a-z]+-\d)\.amazonaws\.com/i, /bucket is not in '[\w-]+' region[^\n]*?'([a-z]{2}-[a-z]+-\d)'/i, /is wrong; expecting '([a-z]{2}(?:-gov)?-[a-z]+-\d)'/i];

/** At least this many lines: one refused call may be a stray; the same answer again is how the client is configured. */
const MIN_LINES = 2;

const KINDS = [MONGO_STANDALONE, S3_OTHER_REGION, REDIS_NOT_CLUSTER, TLS_TO_PLAINTEXT];

/** The pods and container whose current logs carry such errors, when at least two lines do: whose ConfigMaps to read. */
export function findAddressedErrors(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): { pods: string[]; container: string } | undefined {
  const own = new Set(pods.map((p) => p.name));
  const hits = logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => l.lines.filter((line) => KINDS.some((re) => re.test(line))).map(() => l));
  const first = hits[0];
  return first === undefined || hits.length < MIN_LINES ? undefined : { pods: [...new Set(hits.map((h) => h.pod))], container: first.container };
}

/** A setting the process sees, and where it comes from: `ConfigMap x` or the pod template. */
interface Setting {
  name: string;
  value: string;
  from?: string;
}

/** The containers' literal env, then the values the ConfigMaps read gave them (already masked). */
function listSettings(containers: readonly Pick<ContainerSpecEvidence, 'env'>[], config: readonly SettingConfigEvidence[]): Setting[] {
  const literal = containers.flatMap((c) => (c.env ?? []).flatMap((e) => ('value' in e ? [{ name: e.name, value: maskCredentials(e.value) }] : [])));
  const read = config.filter((c) => c.mechanism === 'server-address').map((c) => {
    const at = c.written.indexOf('=');
    return { name: c.written.slice(0, at), value: c.written.slice(at + 1), from: `ConfigMap ${c.configMap}` };
  });
  const seen = new Set(literal.map((s) => s.name));
  return [...literal, ...read.filter((s) => !seen.has(s.name))];
}

/** "MONGODB_URI, ConfigMap shop-config": the key and where it is kept. */
function where(s: Setting): string {
  return s.from ? `${s.name}, ${s.from}` : `${s.name} in the pod template`;
}

/** "MONGODB_URI (ConfigMap shop-config): mongodb://…", for the evidence: the value as the process reads it, password masked. */
function stateValue(s: Setting): string {
  return `${s.name} (${s.from ?? 'pod template'}): ${s.value}`;
}

/** The server address a URI of the server's scheme (or a host variable named after it) gives. */
function findAddress(settings: readonly Setting[], server: 'MongoDB' | 'Redis'): { setting: Setting; host: string } | undefined {
  const found = findServerAddress({ env: settings.map((s) => ({ name: s.name, value: s.value })) }, server);
  const setting = found ? settings.find((s) => s.name === found.env) : undefined;
  return found && setting ? { setting, host: found.host } : undefined;
}

/** "MONGODB_URI in ConfigMap shop-config": what to change, for the action. */
function fixAt(s: Setting): string {
  return s.from ? `${s.name} in ${s.from}` : s.name;
}

function explainMongoStandalone(line: string, settings: readonly Setting[]): ClientDiagnosis {
  const refused = quoteOf(line, MONGO_STANDALONE);
  const code = /\bcode"?\s*[:=]\s*20\b|IllegalOperation/.test(line) ? ' (code 20 IllegalOperation)' : '';
  const a = findAddress(settings, 'MongoDB');
  const named = a ? `MongoDB at ${a.host} (${where(a.setting)})` : 'The MongoDB server the client\'s connection string names';
  // Said of the server's kind, not as a refusal: the server is up and serves all but transactions.
  const told = `${named} is a standalone mongod, not a replica set: every transaction fails there${code}`;
  const restart = a?.setting.from ? '; the pods read it only at start' : '';
  const fix = a ? `point ${fixAt(a.setting)} at the replica set (its members and replicaSet=, or a mongos) and restart the pods` : 'point the connection string at the replica set (its members and replicaSet=, or a mongos) and restart the pods';
  return {
    summary: told,
    title: (logs) => `${told} — in the ${logs}`,
    decisive: refused,
    likelyCause:
      `MongoDB runs multi-document transactions (and retryable writes that carry a transaction number) only on a replica set member or through mongos; a standalone mongod answers each one with "Transaction numbers are only allowed on a replica set member or mongos"${code}. ` +
      `Reads and plain writes still work there, so the pods stay Ready while every call that opens a transaction fails. ${a ? `The client is configured with ${a.host} (${where(a.setting)}): that address names a standalone server — a development or single-node instance — where the replica set was expected.` : 'The address the client is configured with names a standalone server where the replica set was expected.'}`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}${restart}.`,
    fix,
    ...(a ? { evidence: [stateValue(a.setting)] } : {}),
    // A rollback re-reads the same ConfigMap; a literal env value changed by a revision is undone by one.
    ...(a?.setting.from ? { noRollback: `the address lives in ${a.setting.from}, which the pods of any revision read` } : {}),
  };
}

/** The bucket setting the lines concern: one whose value a line names, else the only one. */
function findBucket(settings: readonly Setting[], lines: readonly string[]): Setting | undefined {
  const buckets = settings.filter((s) => /(?:^|_)BUCKET(?:_NAME)?$/i.test(s.name) && BUCKET_NAME.test(s.value));
  return buckets.find((b) => lines.some((l) => l.includes(b.value))) ?? (buckets.length === 1 ? buckets[0] : undefined);
}

/** The region setting the client addresses: one named after S3 or its bucket first, then the SDK's own. */
function findRegion(settings: readonly Setting[]): Setting | undefined {
  const regions = settings.filter((s) => /(?:^|_)REGION$/i.test(s.name) && AWS_REGION.test(s.value.trim()));
  return regions.find((r) => /S3|BUCKET/i.test(r.name)) ?? regions.find((r) => /^AWS_REGION$/i.test(r.name)) ?? regions.find((r) => /^AWS_DEFAULT_REGION$/i.test(r.name)) ?? regions[0];
}

function explainS3OtherRegion(refused: string, lines: readonly string[], settings: readonly Setting[]): ClientDiagnosis {
  const answer = /PermanentRedirect/i.test(refused) ? 'PermanentRedirect' : /BucketRegionError/i.test(refused) ? 'BucketRegionError' : /AuthorizationHeaderMalformed/i.test(refused) ? 'AuthorizationHeaderMalformed' : 'a redirect to another endpoint';
  const bucket = findBucket(settings, lines);
  const region = findRegion(settings);
  const said = BUCKET_REGION_SAID.map((re) => lines.map((l) => re.exec(l)?.[1]).find((r) => r !== undefined)).find((r) => r !== undefined);
  // A bucket's name often carries the region it was made in: said only when it differs from the one addressed.
  const inName = bucket ? AWS_REGION.exec(bucket.value)?.[0] : undefined;
  const bucketRegion = said ? `S3 says it is in ${said}` : inName && inName !== region?.value.trim() ? `its name says ${inName}` : undefined;
  const addressed = region ? `${region.name}=${region.value.trim()}${region.from && region.from !== bucket?.from ? ` (${region.from})` : ''}, the region the client addresses` : 'the region the client addresses';
  const named = bucket ? `bucket ${bucket.value} (${where(bucket)})` : 'the bucket the client writes to';
  const told = `S3 answers ${answer}: ${named} is in another region than ${addressed}${bucketRegion ? `; ${bucketRegion}` : ''}`;
  const fix = bucket
    ? `set ${fixAt(bucket)} back to a bucket in ${region ? region.value.trim() : 'the region the client addresses'}, or ${region ? fixAt(region) : 'the client\'s region'} to the bucket's region${bucketRegion && (said ?? inName) ? ` (${said ?? inName})` : ''}, and restart the pods`
    : 'make the client\'s region match the bucket\'s (or use a bucket of its region) and restart the pods';
  return {
    summary: told,
    title: (logs) => `${told} — in the ${logs}`,
    decisive: refused.replace(/^.*?(?=An error occurred|PermanentRedirect|BucketRegionError|AuthorizationHeaderMalformed)/, '').replace(/(specified endpoint\.).*$/, '$1'),
    likelyCause:
      `An S3 bucket lives in one region, and S3 answers a request sent to another region's endpoint with ${answer}${answer === 'PermanentRedirect' ? ' ("The bucket you are attempting to access must be addressed using the specified endpoint")' : ''} instead of serving it: every call on that bucket fails while the pods stay Ready. ` +
      `${bucket ? `The client is configured with bucket ${bucket.value} (${where(bucket)})${region ? ` and region ${region.value.trim()} (${where(region)})` : ''}: the two no longer belong together.` : 'The bucket and the region the client is configured with no longer belong together.'}`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}${bucket?.from || region?.from ? '; the pods read these settings only at start' : ''}.`,
    fix,
    evidence: [bucket, region].flatMap((x) => (x ? [stateValue(x)] : [])),
    ...(bucket?.from ? { noRollback: `the bucket lives in ${bucket.from}, which the pods of any revision read` } : {}),
  };
}

function explainRedisNotCluster(refused: string, settings: readonly Setting[]): ClientDiagnosis {
  const a = findAddress(settings, 'Redis');
  const named = a ? `Redis at ${a.host} (${where(a.setting)})` : 'The Redis server the client is configured with';
  const told = `${named} is a standalone server, not a cluster: the cluster-mode client gets no connection ("cluster support disabled")`;
  const fix = a ? `point ${fixAt(a.setting)} at the Redis Cluster, or turn cluster mode off in the client for a standalone server, and restart the pods` : 'point the client at the Redis Cluster, or turn its cluster mode off for a standalone server, and restart the pods';
  return {
    summary: told,
    title: (logs) => `${told} — in the ${logs}`,
    decisive: refused,
    likelyCause: `A client in cluster mode starts by asking for the cluster's slots (CLUSTER SLOTS / CLUSTER SHARDS); a Redis without cluster support answers "This instance has cluster support disabled", so the client never gets a working connection while the pods stay Ready. ${a ? `The client is configured with ${a.host} (${where(a.setting)}), a standalone server.` : ''}`.trim(),
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
    ...(a ? { evidence: [stateValue(a.setting)] } : {}),
  };
}

/**
 * The reading of a dependency error of a known kind (client-diagnosis.ts), naming the configuration
 * value that addresses the dependency: from the containers' literal env or the ConfigMaps read.
 */
export function explainAddressedDependencyError(errors: readonly string[], lines: readonly string[], containers: readonly Pick<ContainerSpecEvidence, 'env'>[], config: readonly SettingConfigEvidence[] = []): ClientDiagnosis | undefined {
  const settings = listSettings(containers, config);
  const pick = (re: RegExp) => {
    const hits = errors.filter((l) => re.test(l));
    return hits.length >= MIN_LINES ? hits[hits.length - 1]?.trim() : undefined;
  };
  const mongo = pick(MONGO_STANDALONE);
  if (mongo !== undefined) return explainMongoStandalone(mongo, settings);
  const s3 = pick(S3_OTHER_REGION);
  if (s3 !== undefined) return explainS3OtherRegion(quoteOf(s3, S3_OTHER_REGION), lines, settings);
  const redis = pick(REDIS_NOT_CLUSTER);
  return redis === undefined ? undefined : explainRedisNotCluster(quoteOf(redis, REDIS_NOT_CLUSTER), settings);
}

/** The server's words out of a structured line (its `message` field), else the line. */
function quoteOf(line: string, re: RegExp): string {
  if (!line.startsWith('{')) return line;
  const m = /"message"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(line);
  return m?.[1] !== undefined && re.test(m[1]) ? m[1] : line;
}
