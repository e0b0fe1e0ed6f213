import { collapseEvents, formatEventLine } from '../collapse-events.js';
import type { PodEvidence, TriageEvidence } from '../evidence.js';
import { listPodEvents } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { describeInjected } from '../injected-container.js';
import { NO_PLATFORM, osOf, platformsUnder } from '../pull-platform.js';
import { UNKNOWN_MEDIA_TYPE, describeMediaType } from '../pull-media-type.js';
import { SHORT_NAME_REFUSED, describeShortName } from '../pull-short-name.js';
import { CREDENTIALS_REFUSED, TOKEN_EXPIRED, describePullSecrets } from '../pull-secrets.js';
import { findPullSecretRefresher, findRefresherRunLog, tellFailingRefresher } from '../pull-secret-refresher.js';
import { sortRevisions } from '../revision-diff.js';
import { formatAgo } from '../time-span.js';
import { type ContainerRef, formatPodShare, getWaiting, groupBy, listAllContainers, listNodesOf, severityForPods, unique } from '../pod-status.js';

const PULL_REASONS = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull']);
/** The runtime refusing the image before any pull: read here only where the refusal is a pull's (a short name), other inspection failures are not. */
const INSPECT_REASON = 'ImageInspectError';

export type PullFailure =
  | 'disk-full'
  | 'short-name'
  | 'denied-or-missing'
  | 'rate-limited'
  | 'x509'
  | 'dns'
  | 'unauthorized'
  | 'platform'
  | 'media-type'
  | 'manifest-unknown'
  | 'not-found'
  | 'timeout'
  | 'invalid-name'
  | 'never-pull'
  | 'unknown';

/** Order matters: the first pattern that matches names the failure. */
const PATTERNS: [PullFailure, RegExp][] = [
  ['disk-full', /no space left on device/i],
  ['short-name', SHORT_NAME_REFUSED],
  ['denied-or-missing', /repository does not exist or may require/i],
  ['rate-limited', /toomanyrequests|429 too many requests|pull rate limit/i],
  ['x509', /x509:|certificate signed by unknown authority|certificate has expired|failed to verify certificate/i],
  ['dns', /no such host|lookup \S+ on \S+|server misbehaving/i],
  ['unauthorized', CREDENTIALS_REFUSED],
  ['platform', NO_PLATFORM],
  ['media-type', UNKNOWN_MEDIA_TYPE],
  ['manifest-unknown', /manifest unknown|manifest for \S+ not found/i],
  ['not-found', /not ?found/i],
  ['timeout', /i\/o timeout|deadline exceeded|timed out|handshake timeout|timeout/i],
  ['invalid-name', /invalid reference format|InvalidImageName/i],
];

export function classifyPullFailure(reason: string, message: string): PullFailure {
  if (reason === 'InvalidImageName') return 'invalid-name';
  if (reason === 'ErrImageNeverPull') return 'never-pull';
  return PATTERNS.find(([, re]) => re.test(message))?.[0] ?? 'unknown';
}

const TEXT: Record<PullFailure, { title: string; cause: string }> = {
  'short-name': { title: 'the runtime cannot resolve the unqualified image name (short-name)', cause: 'The image names no registry and the node\'s runtime (CRI-O) resolves short names only through its registries.conf, which names none: use the fully qualified name.' },
  'disk-full': { title: 'the node\'s disk is full (no space left on device)', cause: 'The image cannot be unpacked because the node\'s disk (imagefs) is full: the image is fine, the node is not. The same image runs where there is room.' },
  'denied-or-missing': { title: 'pull denied: the repository does not exist or needs credentials', cause: 'Docker Hub answers this way both for a repository that does not exist and for a private one pulled without credentials: check the image name first, then imagePullSecrets.' },
  'rate-limited': { title: 'registry rate limit hit', cause: 'The registry throttles pulls from these nodes (Docker Hub anonymous limits are per source IP, shared by the whole NAT).' },
  x509: { title: 'registry TLS certificate not trusted (x509)', cause: 'The node does not trust the registry certificate: a private CA not installed on the nodes, an expired certificate, or a TLS-intercepting proxy.' },
  dns: { title: 'registry host does not resolve', cause: 'The node cannot resolve the registry host name: a typo in the image registry, or DNS from the nodes is failing.' },
  unauthorized: { title: 'registry refuses the pull (unauthorized)', cause: 'The registry rejected the credentials: missing or expired imagePullSecrets, a node role without pull permission (ECR/GAR), or a repository in another account.' },
  platform: { title: 'the image has no build for the node\'s platform (no match for platform in manifest)', cause: 'The image index has no entry for the OS/architecture of these nodes: the tag and the registry are fine, the pods landed on nodes of another platform than the image was built for.' },
  'media-type': { title: 'the node\'s container runtime cannot unpack the image\'s layer media type', cause: 'The runtime on these nodes has no decompressor for a layer media type of the image (zstd layers on an old containerd): the tag and the registry are fine.' },
  'manifest-unknown': { title: 'image tag not found in the registry (manifest unknown)', cause: 'The repository exists but this tag or digest does not: the image was never pushed, the build failed, or the tag was deleted by a retention policy.' },
  'not-found': { title: 'image not found', cause: 'The registry has no such image reference: a wrong tag, repository or registry in the spec, or an image that was never pushed.' },
  timeout: { title: 'registry timed out', cause: 'The nodes cannot reach the registry in time: egress blocked (NAT, proxy, firewall), a registry outage, or a very large image on a slow link.' },
  'invalid-name': { title: 'invalid image name', cause: 'The image reference is malformed (upper-case letters, a stray space or colon), often from a templating mistake.' },
  'never-pull': { title: 'image not present and imagePullPolicy is Never', cause: 'The pod forbids pulling and the node does not have the image.' },
  unknown: { title: 'image pull failing', cause: 'The pull fails for a reason the message states; see the events.' },
};

/**
 * Image pulls that fail (ErrImagePull, ImagePullBackOff, InvalidImageName), each named from
 * the runtime's message: tag missing, unauthorized, x509, DNS, timeout, rate limit.
 */
export function analyzeImagePulls(ev: TriageEvidence): Finding[] {
  const stuck = listAllContainers(ev.pods).filter((r) => PULL_REASONS.has(getWaiting(r.container)?.reason ?? '') || getWaiting(r.container)?.reason === INSPECT_REASON);
  const classified = stuck.map((ref) => {
    const waiting = getWaiting(ref.container) ?? { reason: 'ErrImagePull' };
    // ImagePullBackOff only says "Back-off pulling image"; the Failed (or InspectFailed) event carries the real error.
    const failed = listPodEvents(ev, ['Failed', 'InspectFailed'], [ref.pod.name]).filter((e) => /failed to (pull|inspect) image/i.test(e.message) && e.message.includes(ref.container.image));
    const message = [waiting.message ?? '', ...failed.map((e) => e.message)].join('\n');
    return { ref, failure: classifyPullFailure(waiting.reason, message), reason: waiting.reason, failed };
  }).filter((c) => c.reason !== INSPECT_REASON || c.failure === 'short-name');
  const groups = groupBy(classified, (c) => `${c.ref.container.name}/${c.ref.container.image}/${c.failure}`);
  return [...groups.values()].map((group) => {
    const first = group[0] as (typeof classified)[number];
    const ref: ContainerRef = first.ref;
    const image = ref.container.image;
    const pods = unique(group.map((c) => c.ref.pod.name));
    const text = TEXT[first.failure];
    const reasons = unique(group.map((c) => c.reason)).join('/');
    const events = collapseEvents(group.flatMap((c) => c.failed), { acrossObjects: true });
    const previous = findPreviousImage(ev, ref.container.name, image);
    // Pods already running this very image pulled it earlier: the reference was right, the registry stopped serving it.
    const missing = first.failure === 'manifest-unknown' || first.failure === 'not-found';
    const runningIt = missing ? ev.pods.filter((p) => !pods.includes(p.name) && p.containers.some((c) => c.name === ref.container.name && c.image === image && c.state !== undefined && 'running' in c.state)) : [];
    const vanished = runningIt.length > 0;
    // A sidecar admission added: the pull fails whatever the revision; the injector names the image.
    const injected = describeInjected(ref.pod, ref.container.name);
    const shortName = first.failure === 'short-name' ? describeShortName(ev, group.map((c) => c.ref.pod), image, ref.container.name) : undefined;
    const platform = shortName ?? (first.failure === 'platform' ? describePlatform(ev, group.map((c) => c.ref.pod), image, ref.container.name)
      : first.failure === 'media-type' ? describeMediaType(ev, group.map((c) => c.ref.pod), image, ref.container.name, group.flatMap((c) => [getWaiting(c.ref.container)?.message ?? '', ...c.failed.map((e) => e.message)]).join('\n'))
      : undefined);
    const nodeCreds = platform ? undefined : describeNodeCredentials(ev, group.map((c) => c.ref.pod), image, ref.container.name, group.flatMap((c) => [getWaiting(c.ref.container)?.message ?? '', ...c.failed.map((e) => e.message)]).join('\n'));

    const evidence = [`image ${image}`, `${reasons} on ${pods.length} pod${pods.length === 1 ? '' : 's'}: ${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''}`];
    evidence.push(...events.slice(0, 2).map((e) => formatEventLine(e, { maxLength: 400 })));
    if (events.length === 0 && getWaiting(ref.container)?.message) evidence.push(`kubelet: ${getWaiting(ref.container)?.message ?? ''}`);
    if (previous) evidence.push(`previous revision ran ${previous}`);
    if (platform) evidence.push(platform.evidence);
    if (nodeCreds) evidence.push(nodeCreds.evidence);
    // Credentials refused: the secrets the pods pull with are where the current ones go.
    const creds = first.failure === 'unauthorized' || first.failure === 'denied-or-missing';
    const secrets = creds && !platform && !nodeCreds ? describePullSecrets(group.map((c) => c.ref.pod), ev.target.namespace, first.failure as 'unauthorized' | 'denied-or-missing') : undefined;
    if (secrets) evidence.push(secrets.evidence);
    const expired = creds && !platform && !nodeCreds ? describeExpiredPull(ev, group.map((c) => c.ref.pod), image, ref.container.name, group.flatMap((c) => [getWaiting(c.ref.container)?.message ?? '', ...c.failed.map((e) => e.message)]).join('\n')) : undefined;
    if (expired) evidence.push(...expired.evidence);
    if (injected) evidence.push(injected);
    if (vanished) evidence.push(`${runningIt.length} other pod${runningIt.length === 1 ? '' : 's'} run this image, pulled earlier: ${runningIt.slice(0, 3).map((p) => `${p.name} on ${p.nodeName ?? '?'}`).join(', ')}`);

    const confirmCommands = [describePodCommand(ev.target, ref.pod.name), formatKubectl(ev.target, `get events --field-selector involvedObject.name=${ref.pod.name},reason=Failed`)];
    if (first.failure === 'unauthorized' || first.failure === 'denied-or-missing') {
      confirmCommands.push(formatKubectl(ev.target, `get pod ${ref.pod.name} -o jsonpath='{.spec.serviceAccountName} {.spec.imagePullSecrets}'`));
      confirmCommands.push(...(expired?.confirm ?? []));
    } else {
      confirmCommands.push(formatKubectl(ev.target, `rollout history ${formatWorkloadRef(ev.target)}`));
    }
    return {
      id: `image-pull/${ref.container.name}/${first.failure}`,
      kind: 'image-pull',
      title: `Image pull for ${ref.container.name} failing: ${platform?.title ?? nodeCreds?.title ?? expired?.title ?? text.title} — ${shortImage(image)} (${reasons} on ${formatPodShare(ev, pods.length)}${first.failure === 'disk-full' ? `, on ${listNodesOf(group.map((c) => c.ref.pod)).join(', ')}` : ''})${vanished ? `; ${runningIt.length} other pod${runningIt.length === 1 ? '' : 's'} run the same image, pulled earlier: the registry no longer serves it` : ''}${injected ? `; ${ref.container.name} is an injected sidecar, not in the pod template` : ''}`,
      layer: 'runtime/probes',
      severity: severityForPods(ev, pods.length),
      confidence: first.failure === 'unknown' ? 'medium' : 'high',
      evidence,
      likelyCause: platform ? platform.cause : nodeCreds ? nodeCreds.cause : expired ? expired.cause : vanished
        ? 'The registry no longer serves an image that running pods pulled earlier (their nodes keep it cached): the reference is right, the image went away — a deleted tag, a retention policy, or a removed pull-through cache or mirror rule. Any pod placed on a node without the cache fails the same way.'
        : text.cause,
      ...(events[0] ?? getWaiting(ref.container)?.message ? { decisive: (events[0]?.message ?? getWaiting(ref.container)?.message ?? '').replace(/\s+/g, ' ').trim() } : {}),
      nextAction: platform ? platform.action : nodeCreds ? nodeCreds.action : expired ? `${expired.action}; running pods keep their cached image.` : `${secrets?.action ?? (creds ? 'Fix the pull credentials (imagePullSecrets, node role)' : first.failure === 'manifest-unknown' || first.failure === 'not-found' || first.failure === 'invalid-name' ? 'Push the image or fix the reference' : 'Fix what the pull error names')}; running pods keep their image, and new pods pull again on their own once it works${previous ? ` (the previous revision ran ${previous})` : ''}.`,
      fix: platform ? platform.fix : nodeCreds ? nodeCreds.fix : expired ? expired.fix : injected && missing ? 'restore the image in the registry, or point the policy that injects the sidecar at an image the registry still has' : vanished ? 'restore the image in the registry (or the pull-through cache rule that served it), or pin a digest the registry still has' : first.failure === 'disk-full' ? 'free the node\'s disk (or cordon it and move the pod)' : creds ? secrets?.fix ?? 'fix the pull secret or registry credentials' : first.failure === 'manifest-unknown' || first.failure === 'not-found' ? 'push the image or fix its tag' : 'fix what the pull error names',
      ...(injected ? { outsideWorkload: injected } : expired?.outside ? { outsideWorkload: expired.outside } : {}),
      ...(shortName ? { scopedTo: shortName.scopedTo } : {}),
      confirmCommands,
      affected: { pods, nodes: listNodesOf(group.map((c) => c.ref.pod)), ...(expired?.cronJob ? { jobs: [expired.cronJob] } : {}) },
    } satisfies Finding;
  });
}

/** The newest older revision whose image for this container differs: what to roll back to. */
function findPreviousImage(ev: TriageEvidence, container: string, current: string): string | undefined {
  const sorted = [...ev.revisions].sort((a, b) => b.revision - a.revision);
  for (const rev of sorted) {
    const image = rev.containers.find((c) => c.name === container)?.image;
    if (image && image !== current) return image;
  }
  return undefined;
}

/** "registry/team/app:1.4.2" without a long registry host: "team/app:1.4.2". */
export function shortImage(image: string): string {
  const parts = image.split('/');
  return parts.length > 2 && parts[0]?.includes('.') ? parts.slice(1).join('/') : image;
}

const ECR_HOST = /^\d+\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;

/**
 * An ECR pull sent with no credentials at all ("no basic auth credentials") by a pod with no
 * imagePullSecrets: the kubelet gets ECR tokens from its image credential provider
 * (ecr-credential-provider, configured on the node), so that node-level plugin gave none — a node
 * image or bootstrap without its config, not a secret to fix. Same image running elsewhere: those
 * nodes still have it.
 */
function describeNodeCredentials(ev: TriageEvidence, failing: readonly PodEvidence[], image: string, container: string, message: string) {
  if (!ECR_HOST.test(image) || !/no basic auth credentials/i.test(message)) return undefined;
  if (failing.some((p) => (p.imagePullSecrets ?? []).length > 0)) return undefined;
  const running = ev.pods.filter((p) => !failing.includes(p) && p.nodeName !== undefined && p.containers.some((c) => c.name === container && c.image === image && c.state !== undefined && 'running' in c.state));
  const badNodes = listNodesOf([...failing]);
  const goodNodes = listNodesOf(running).filter((n) => !badNodes.includes(n));
  const elsewhere = goodNodes.length > 0 ? `; the same image runs on ${goodNodes.length} other node${goodNodes.length === 1 ? '' : 's'} (${goodNodes.slice(0, 3).join(', ')}${goodNodes.length > 3 ? ', …' : ''})` : '';
  return {
    title: `ECR pull sent with no credentials (no basic auth credentials): the kubelet image credential provider (ecr-credential-provider) gives none on ${badNodes.length === 1 ? 'its node' : 'these nodes'}`,
    evidence: `the pods have no imagePullSecrets: on ${badNodes.join(', ') || 'their nodes'} the kubelet image credential provider (ecr-credential-provider) supplied no ECR token${elsewhere}`,
    cause: `The pull reached ECR with no credentials at all. Pods without imagePullSecrets get ECR tokens from the kubelet image credential provider (ecr-credential-provider and its config under /etc/eks/image-credential-provider, set by the node image or bootstrap): on these nodes it is missing or misconfigured${goodNodes.length > 0 ? ', while nodes that still have it pull the same image' : ''}. Typically a new or custom node image (AMI) that dropped it; less often a node role that cannot get an ECR token.`,
    action: 'Restore the kubelet image credential provider (ecr-credential-provider binary and its config) on these nodes — fix the node image or bootstrap, or roll the node group back to the previous image — then delete the stuck pods; pull secrets are not the issue.',
    fix: 'restore the kubelet image credential provider (ecr-credential-provider) on those nodes, or roll the node group back to the previous node image',
  };
}

/**
 * A pull the registry refuses because the token in the pods' pull secret ran out, or because the
 * CronJob that rewrites that secret fails: the credential expired, not the image. When the newest
 * revision kept the registry and the pull secrets of the one before, any revision's new pods pull
 * with the same token, so the rollout is not what to undo.
 */
interface ExpiredPull { title: string; evidence: string[]; cause: string; action: string; fix: string; confirm: string[]; cronJob?: string; outside?: string }

function describeExpiredPull(ev: TriageEvidence, failing: readonly PodEvidence[], image: string, container: string, message: string): ExpiredPull | undefined {
  const secrets = unique(failing.flatMap((p) => p.imagePullSecrets ?? []).filter((s) => s !== ''));
  if (secrets.length === 0) return undefined;
  const tokenExpired = TOKEN_EXPIRED.test(message);
  const refresher = findPullSecretRefresher(ev.namespaceJobs, secrets);
  const secret = refresher?.secret ?? secrets[0] ?? '';
  const createJob = refresher ? formatKubectl(ev.target, `create job --from=cronjob/${refresher.cronJob} ${refresher.cronJob}-manual`) : '';
  const runLog = refresher ? findRefresherRunLog(ev.refresherJobLogs, refresher) : undefined;
  const reading = refresher ? tellFailingRefresher(refresher, { secret, image, expired: tokenExpired, now: ev.collectedAt, createJob, ...(runLog ? { runLog } : {}) }) : undefined;
  const outside = keepsPullPath(ev, container) ? `any new pod, of any revision, pulls with the same ${tokenExpired ? 'expired ' : ''}token in pull secret ${secret}, while pods already running keep their cached image` : undefined;
  if (refresher && reading) {
    const confirm = [formatKubectl(ev.target, `get cronjob ${refresher.cronJob}`), ...(refresher.newestFailed ? [formatKubectl(ev.target, `logs job/${refresher.newestFailed.name} --tail=50`)] : [])];
    return { ...reading, cronJob: refresher.cronJob, confirm, ...(outside ? { outside } : {}) };
  }
  if (!tokenExpired) return undefined;
  const renewed = refresher?.lastSuccessAt ? [`CronJob ${refresher.cronJob} rewrites pull secret ${secret}; its newest run succeeded (ended ${formatAgo(refresher.lastSuccessAt, ev.collectedAt)})`] : [];
  return {
    title: `the registry token in pull secret ${secret} has expired`,
    evidence: renewed,
    cause: `The registry refuses the token in pull secret ${secret} because it ran out: a short-lived registry token (an ECR token lasts 12 hours) must be renewed by something — a CronJob that rewrites the secret, an operator, or the kubelet's image credential provider — and no renewal reached it. Pods already running keep their cached image; any new pod, of any revision, is refused. The image is fine.`,
    action: `Renew the token in pull secret ${secret} and fix what should renew it (a refresh CronJob, an operator, or the kubelet's image credential provider); the stuck pods pull again on their own`,
    fix: `renew the token in pull secret ${secret} and fix what should renew it; the stuck pods pull again on their own`,
    confirm: [],
    ...(outside ? { outside } : {}),
  };
}

/** Whether the newest revision kept the registry host and the pull secrets of the one before: its pods pull the same way. */
function keepsPullPath(ev: TriageEvidence, container: string): boolean {
  const [newest, previous] = sortRevisions(ev.revisions);
  if (newest === undefined || previous === undefined) return true;
  const host = (r: typeof newest) => (r.containers.find((c) => c.name === container)?.image ?? '').split('/')[0];
  const secrets = (r: typeof newest) => [...(r.template?.imagePullSecrets ?? [])].sort().join(',');
  return host(newest) === host(previous) && secrets(newest) === secrets(previous);
}

/** Which platform the failing pods' nodes are and which the running pods' nodes are: the nodeSelector to add. */
function describePlatform(ev: TriageEvidence, failing: readonly PodEvidence[], image: string, container: string) {
  const bad = platformsUnder(ev, failing);
  const running = ev.pods.filter((p) => !failing.includes(p) && p.containers.some((c) => c.name === container && c.image === image && c.state !== undefined && 'running' in c.state));
  const good = platformsUnder(ev, running);
  const badOs = bad.map(osOf).find((o) => o !== undefined);
  const goodOs = good.map(osOf).find((o) => o !== undefined && o !== badOs);
  const on = bad.length > 0 ? bad.join(', ') : 'another platform';
  const selector = goodOs ? `kubernetes.io/os: ${goodOs}` : 'kubernetes.io/os / kubernetes.io/arch';
  return {
    title: `the image has no build for ${on} nodes (no match for platform in manifest)${good.length > 0 ? `; it runs on ${good.join(', ')}` : ''}`,
    evidence: `failing pods run on ${on} nodes (${listNodesOf([...failing]).join(', ')})${good.length > 0 ? `; ${running.length} pod${running.length === 1 ? '' : 's'} run the same image on ${good.join(', ')} nodes` : ''}`,
    cause: `The image has no build for ${on}: the tag and the registry are fine (${good.length > 0 ? `the same image runs on ${good.join(', ')} nodes` : 'the error names the platform, not the tag'}). The pods were placed on ${on} nodes, typically a new node pool without the taint that keeps other workloads off, and a pod template without a ${selector} nodeSelector.`,
    action: `Keep the pods on nodes of the image's platform: add nodeSelector ${selector} to the pod template, or taint the ${badOs ?? 'other-platform'} nodes (e.g. os=${badOs ?? 'windows'}:NoSchedule) so only pods that tolerate it land there; then delete the stuck pods. Publish a multi-platform image only if the workload should run there.`,
    fix: `add nodeSelector ${selector} (or taint the ${badOs ?? 'other-platform'} nodes)`,
  };
}
