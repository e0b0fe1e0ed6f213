/**
 * A cloud call refused for the NODE's own identity — GCE's default compute service account
 * (<n>-compute@developer.gserviceaccount.com), an EC2 instance role (assumed-role/<role>/i-…) —
 * from the pods on one node pool only, while the same workload's pods elsewhere work. Those pods
 * call as their workload identity (GKE Workload Identity, EKS IRSA); on that pool the metadata
 * endpoint hands them the node's credentials instead. On GKE the pool runs without the GKE
 * metadata server (workload-metadata not GKE_METADATA: its nodes lack the label
 * iam.gke.io/gke-metadata-server-enabled=true); on EKS the pods there lack IRSA's env (the pod
 * identity webhook did not inject it) and a metadata hop limit of 2 lets them take the node role.
 * Granting the node's identity the permission would hand it to every pod on the pool: the fix is
 * the pool's setting, and meanwhile the pods stay off it. No revision of the app changes this.
 */
import type { PodEvidence, TriageEvidence } from './evidence.js';
import { findCloudDenial } from './cloud-denial.js';
import { findPlace, nodesOf } from './failing-place.js';
import { nodePoolOf } from './node-pool.js';
import { isPodHealthy, listNodesOf } from './pod-status.js';
import { envValue } from './web-identity-ignored.js';

/** GCE's default compute service account: what the node runs as when no custom one is set. */
const GCP_NODE_ACCOUNT = /\b(\d+-compute@developer\.gserviceaccount\.com)\b/;
/** An assumed role whose session is an EC2 instance id: the node's instance profile. */
const AWS_NODE_ROLE = /assumed-role\/([^/\s]+)\/(i-[0-9a-f]{8,17})\b/;
/** A workload's own Google service account, as the SDKs log the credentials they found. */
const GCP_WORKLOAD_ACCOUNT = /\b([a-z][\w-]*@[\w-]+\.iam\.gserviceaccount\.com)\b/;
/** GKE labels the nodes of a pool that runs the GKE metadata server (Workload Identity on). */
const GKE_METADATA_LABEL = 'iam.gke.io/gke-metadata-server-enabled';
/** The refusal itself, where the cloud code is not a word of its own (GCS: "does not have storage.buckets.get access"). */
const REFUSED = /\b403\b|does not have [\w.]+ access|Permission '[\w.]+' denied/i;
const PERMISSION = [/does not have ([\w.]+) access/, /Permission '([\w.]+)' denied/, /not authori[sz]ed to perform:? ([\w-]+:[\w*]+)/i, /Required '([^']+)' permission/];

export interface NodeIdentityDenial {
  line: string;
  cloud: 'gcp' | 'aws';
  /** The node's identity as the cloud names it. */
  principal: string;
  permission?: string;
}

/** The last line that refuses a cloud call made as the node's own identity. */
export function findNodeIdentityDenial(lines: readonly string[]): NodeIdentityDenial | undefined {
  for (const raw of [...lines].reverse()) {
    const line = raw.trim();
    if (findCloudDenial(line) === undefined && !REFUSED.test(line)) continue;
    const gcp = GCP_NODE_ACCOUNT.exec(line)?.[1];
    const aws = AWS_NODE_ROLE.exec(line);
    if (gcp === undefined && aws === null) continue;
    const permission = PERMISSION.map((re) => re.exec(line)?.[1]).find((p) => p !== undefined);
    const principal = gcp ?? `${aws?.[1] ?? ''} (instance ${aws?.[2] ?? ''})`;
    return { line, cloud: gcp !== undefined ? 'gcp' : 'aws', principal, ...(permission !== undefined ? { permission } : {}) };
  }
  return undefined;
}

/** The identity the healthy pods call as: their logged Google service account, or their IRSA role. */
function findWorkloadIdentity(ev: TriageEvidence, fine: readonly PodEvidence[]): string | undefined {
  const names = new Set(fine.map((p) => p.name));
  for (const log of ev.logs) {
    if (!names.has(log.pod)) continue;
    for (const l of log.lines) {
      const account = GCP_WORKLOAD_ACCOUNT.exec(l)?.[1];
      if (account !== undefined && !GCP_NODE_ACCOUNT.test(l)) return account;
    }
  }
  return fine.map((p) => envValue(p.containers, 'AWS_ROLE_ARN')).find((r) => r !== undefined);
}

export interface NodeIdentityTold {
  title: string;
  cause: string;
  fix: string;
  evidence: string[];
  outside: string;
  noRollback: string;
  datesChange?: true;
  nodes: string[];
}

/** The finding's words, when the failing pods sit on a place of their own (a pool, new nodes); undefined otherwise. */
export function tellNodeIdentityDenial(ev: TriageEvidence, found: NodeIdentityDenial, failing: readonly PodEvidence[]): NodeIdentityTold | undefined {
  const failingSet = new Set(failing.map((p) => p.name));
  const place = findPlace(ev, failing);
  if (place === undefined) return undefined;
  const bad = nodesOf(ev, failing);
  const fine = ev.pods.filter((p) => !failingSet.has(p.name) && p.nodeName !== undefined && isPodHealthy(p, ev.collectedAt));
  const good = nodesOf(ev, fine);
  const identity = findWorkloadIdentity(ev, fine);
  const pool = place.byPool ? bad.map(nodePoolOf).find((p) => p !== undefined) : undefined;
  const gke = found.cloud === 'gcp';
  // GKE says on each node whether its pool runs the metadata server: the decisive difference when the healthy nodes have it.
  const noMetadataServer = gke && bad.every((n) => n.labels?.[GKE_METADATA_LABEL] !== 'true') && good.some((n) => n.labels?.[GKE_METADATA_LABEL] === 'true');
  // EKS: the webhook's env is on the healthy pods and missing from the failing ones.
  const noIrsaEnv = !gke && failing.every((p) => envValue(p.containers, 'AWS_WEB_IDENTITY_TOKEN_FILE') === undefined) && fine.some((p) => envValue(p.containers, 'AWS_WEB_IDENTITY_TOKEN_FILE') !== undefined);
  const nodeIdentity = gke ? `the node's default compute service account ${found.principal}` : `the node's instance role ${found.principal}`;
  const own = identity !== undefined ? `their workload identity (${identity}, as on ${place.elsewhere})` : 'their workload identity';
  const why = noMetadataServer
    ? `${place.name} runs without the GKE metadata server (its nodes lack ${GKE_METADATA_LABEL})`
    : noIrsaEnv
      ? `the pods there carry no IRSA env (AWS_WEB_IDENTITY_TOKEN_FILE), so their SDK takes the node role from the metadata service`
      : `${place.name} does not give pods their workload identity`;
  const dated = place.addedAgo ? `; ${place.byPool ? 'its nodes were' : 'they were'} added ${place.addedAgo}` : '';
  const what = found.permission !== undefined ? `${found.permission} is refused` : 'the cloud refuses the calls';
  const title = `: ${what} to ${nodeIdentity}, not ${own} — ${why}${dated}`;

  const enable = gke
    ? `enable the GKE metadata server on ${place.name} (gcloud container node-pools update ${pool ?? '<pool>'} --cluster <cluster> --workload-metadata=GKE_METADATA)`
    : noIrsaEnv
      ? `recreate the pods on ${place.name} so the EKS pod identity webhook injects their IRSA env (check the ServiceAccount's eks.amazonaws.com/role-arn annotation and that the webhook serves those pods), and set that pool's metadata hop limit to 1 so pods cannot take the node role`
      : `give pods on ${place.name} their workload identity (GKE: --workload-metadata=GKE_METADATA on the pool; EKS: the IRSA webhook's env on the pods, hop limit 1 so pods cannot take the node role)`;
  const fix = `${enable}; do not grant the node's identity the permission instead (every pod on that pool would get it)`;
  const mechanism = gke
    ? 'With Workload Identity, a pool\'s GKE metadata server answers each pod\'s token request at metadata.google.internal as the Google service account its Kubernetes ServiceAccount maps to (iam.gke.io/gcp-service-account). A pool created without it (workload-metadata GCE_METADATA, the default for a pool added without the flag) passes the request to the VM\'s own metadata, which answers with the node\'s service account: the SDK finds credentials, calls as the node, and IAM refuses.'
    : 'With IRSA the pod\'s SDK exchanges its projected ServiceAccount token for the role in AWS_ROLE_ARN; a pod without that env falls through its credential chain to the instance metadata, which answers with the node\'s instance role when the hop limit lets the reply reach the pod: the call runs as the node, and IAM refuses.';
  return {
    title,
    cause: `The cloud accepts the credentials and refuses the call because they are the node's, not the workload's: ${nodeIdentity}. ${mechanism} The same revision on ${place.elsewhere} calls as ${identity ?? 'its workload identity'} and works: not the code, not the rollout, not the IAM binding of the workload.`,
    fix,
    evidence: [
      `refused as the node's identity: ${found.line.slice(0, 240)}`,
      ...(identity !== undefined ? [`pods on ${place.elsewhere} call as ${identity}`] : []),
      ...(noMetadataServer ? [`nodes of ${place.name} (${bad.map((n) => n.name).join(', ')}) lack ${GKE_METADATA_LABEL}=true, which the healthy pods' nodes carry`] : []),
      ...(noIrsaEnv ? ['the failing pods have no AWS_WEB_IDENTITY_TOKEN_FILE in their env; the healthy ones do'] : []),
    ],
    outside: `${place.name} hands pods the node's identity: any revision fails the same way there`,
    noRollback: `no rollback: the same revision works on ${place.elsewhere}; the pool's identity setting is the fault`,
    ...(dated ? { datesChange: true as const } : {}),
    nodes: listNodesOf(failing),
  };
}
