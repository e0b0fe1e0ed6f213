/**
 * A process that gets no answer from the instance metadata service (169.254.169.254): its cloud
 * SDK finds no credentials and it stops. On AWS with IMDSv2 required, the token PUT's response
 * carries a hop limit: at 1 it stops at the node and never reaches a pod, which sits one hop
 * further, so every workload on those nodes that takes the node's instance-profile role (no IRSA,
 * no Pod Identity) fails while the same image runs on nodes whose hop limit is 2. When the
 * failures sit on one node pool, that pool's launch template is the suspect, not the app.
 */
import type { PodEvidence, TriageEvidence } from './evidence.js';
import { findPlace, nodesOf } from './failing-place.js';
import { listNodesOf } from './pod-status.js';
import { capitalize } from '../text.js';

export interface MetadataUnreachable {
  /** The log line that says it. */
  line: string;
  /** It timed out (rather than found no route). */
  timedOut: boolean;
  /** Whose metadata service, when the line or the nodes tell. */
  cloud?: 'aws' | 'gcp' | 'azure';
  /** The IMDSv2 token request is what went unanswered, or an AWS SDK that always asks for one first. */
  token: boolean;
}

/** The link-local metadata address, GKE's metadata host, EC2's IPv6 one. */
const METADATA_HOST = /169\.254\.169\.254|metadata\.google\.internal|\[?fd00:ec2::254\]?/i;
/** The SDKs' own words for their metadata credential provider failing (PHP, Java v2, Go v1/v2, Node v3). */
const SDK_METADATA = /instance profile metadata service|Failed to load credentials from IMDS|EC2 ?IMDS|ec2imds|EC2RoleRequestError|EC2 Metadata|InstanceProfileCredentialsProvider|ManagedIdentityCredential/i;
/** No answer came: a timeout, an unreachable host. */
const NO_ANSWER = /timed? ?out|timeout|deadline exceeded|0 bytes received|no route to host|network is unreachable|ETIMEDOUT|EHOSTUNREACH|connection reset/i;
/** The SDK words that say it failed without saying how (Java v2's "Failed to load credentials from IMDS"). */
const SDK_GAVE_UP = /Failed to load credentials from IMDS|no EC2 instance role found|no EC2 IMDS role found/i;
/** An answer did come (a 401/403/404): a missing role or token, not an unreachable service. */
const ANSWERED = /\b(40[0-9]|50[0-9]) (?:Not Found|Unauthorized|Forbidden|Internal|Bad|Service)|status ?code:? ?(40[0-9]|50[0-9])|resulted in a `?\d{3}/i;

function cloudOf(line: string): MetadataUnreachable['cloud'] {
  if (/metadata\.google\.internal|computeMetadata/i.test(line)) return 'gcp';
  if (/\/metadata\/(identity|instance)|ManagedIdentityCredential/i.test(line)) return 'azure';
  if (/\/latest\/|api\/token|instance profile|IMDS|EC2|Aws\\|botocore|fd00:ec2/i.test(line)) return 'aws';
  return undefined;
}

/** The last log line that says the metadata service gave no answer; undefined when none does. */
export function findMetadataUnreachable(lines: readonly string[]): MetadataUnreachable | undefined {
  for (const raw of [...lines].reverse()) {
    const line = raw.trim();
    if (!METADATA_HOST.test(line) && !SDK_METADATA.test(line)) continue;
    if (ANSWERED.test(line)) continue;
    if (!NO_ANSWER.test(line) && !SDK_GAVE_UP.test(line)) continue;
    const cloud = cloudOf(line);
    // IMDSv1 GETs (/latest/meta-data/) are not bound by the PUT hop limit; the SDKs ask for a token first.
    const token = /api\/token/.test(line) || (cloud === 'aws' && !/\/latest\/meta-data\//.test(line));
    return { line, timedOut: /timed? ?out|timeout|deadline exceeded|0 bytes received|ETIMEDOUT/i.test(line), token, ...(cloud ? { cloud } : {}) };
  }
  return undefined;
}

/** A pod with its own cloud identity (IRSA's web identity, EKS Pod Identity) needs no node role from IMDS. */
export function hasOwnIdentity(pod: PodEvidence): boolean {
  return pod.containers.some((c) => (c.env ?? []).some((e) => e.name === 'AWS_WEB_IDENTITY_TOKEN_FILE' || e.name === 'AWS_CONTAINER_CREDENTIALS_FULL_URI'));
}

export interface MetadataTold {
  title: string;
  cause: string;
  fix: string;
  evidence: string[];
  /** The title dates the nodes' arrival, which brought the failure on. */
  datesChange?: true;
  outside?: string;
  nodes: string[];
}

/**
 * The finding's words: where the pods cannot reach the metadata service, why there (the hop limit
 * on AWS), which workloads it hits (those on the node's role) and the fix on the nodes or the
 * workload's identity.
 */
export function tellMetadataUnreachable(ev: TriageEvidence, found: MetadataUnreachable, failing: readonly PodEvidence[], workload: string, running?: { fine: readonly PodEvidence[] }): MetadataTold {
  // Running pods that log the failure are set against the pods whose logs do not (not merely the ready ones).
  const place = findPlace(ev, failing, running?.fine);
  const aws = found.cloud === 'aws' || (found.cloud === undefined && nodesOf(ev, failing).some((n) => Object.keys(n.labels ?? {}).some((k) => k.startsWith('eks.amazonaws.com/'))));
  const own = failing.some(hasOwnIdentity);
  const hopLimit = aws && found.token;
  const who = place ? `pods on ${place.name}` : 'its pods';
  const target = place?.byPool ? `${place.name}'s launch template` : 'the nodes\' launch template';
  const how = `169.254.169.254 ${found.timedOut ? 'times out' : 'gets no answer'}${hopLimit ? `: IMDSv2 hop limit 1 on ${place?.byPool ? 'its launch template' : target}` : ''}`;
  // The nodes came after every healthy pod's node: their arrival dates the failure.
  const dated = place?.addedAgo ? `; ${place.byPool ? 'its nodes were' : 'they were'} added ${place.addedAgo}` : '';
  const title = `: ${who} cannot reach the instance metadata service (${how})${dated}`;
  const identity = own ? '' : `${workload} has no IRSA or Pod Identity (no AWS_WEB_IDENTITY_TOKEN_FILE or AWS_CONTAINER_CREDENTIALS_FULL_URI in its env), so its SDK takes the node's instance-profile role from the metadata service; workloads with their own identity on the same nodes do not need it.`;
  const mechanism = hopLimit
    ? `With IMDSv2 required, the SDK first PUTs for a token at 169.254.169.254/latest/api/token; the answer's IP hop limit (HttpPutResponseHopLimit) of 1 lets it reach the node but not a pod, one hop further behind the pod network, so the request times out and no credentials come.`
    : aws
      ? 'Something between the pod and the node drops its requests to 169.254.169.254: an iptables rule or egress policy that blocks pods from the metadata service, or a hop limit of 1.'
      : 'Something between the pod and the node drops its requests to the metadata server: the node\'s metadata proxy (GKE\'s gke-metadata-server, Azure\'s identity agent) or a rule that blocks pods from 169.254.169.254.';
  const onPlace = place ? ` ${capitalize(place.elsewhere)} runs the same image and reaches it: those nodes' metadata settings differ.` : '';
  const fix = hopLimit || aws
    ? `set the metadata hop limit to 2 (HttpPutResponseHopLimit) on ${target}${own ? '' : `, or give ${workload} IRSA`}`
    : `let pods reach the metadata server on ${place?.name ?? 'the nodes'}${own ? '' : `, or give ${workload} its own workload identity`}`;
  return {
    title,
    ...(dated ? { datesChange: true as const } : {}),
    cause: `${running ? 'Its cloud SDK gets no answer from the instance metadata service, so its calls to the cloud fail.' : 'The process stops at start-up because its cloud SDK gets no answer from the instance metadata service, not because of its code or its revision.'} ${mechanism}${identity ? ` ${identity}` : ''}${onPlace}`,
    fix,
    evidence: [
      `the log says the metadata service did not answer: ${found.line.slice(0, 240)}`,
      ...(place ? [`the same image runs on ${place.elsewhere}, where the metadata service answers`] : []),
      ...(own ? [] : [`${workload} has no IRSA or Pod Identity env: it depends on the node's instance-profile role`]),
    ],
    ...(place ? { outside: `the metadata service of ${place.name}: any revision fails the same way there` } : {}),
    nodes: listNodesOf(failing),
  };
}
