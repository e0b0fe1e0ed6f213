// A claim whose volume is restored from a VolumeSnapshot (spec.dataSourceRef) cannot be
// provisioned until that snapshot is ready to use: the external provisioner says so on the claim
// ("error getting handle for DataSource Type VolumeSnapshot by Name X: snapshot X is not Ready")
// and retries for ever, while the driver's controller runs fine. Why the snapshot is not ready is
// the snapshotter's to say: the csi-snapshotter sidecar next to the driver asks the cloud for the
// snapshot and logs its refusal (a full snapshot quota, a permission).
import type { EventEvidence, PvcEvidence, TriageEvidence } from './evidence.js';
import type { LogEvidence } from './evidence-pod.js';
import type { ControllerCandidate } from './evidence-provisioner.js';
import { formatKubectl } from './kubectl-command.js';

export type SnapshotState = 'not ready' | 'not found' | 'being deleted';

export interface UnreadySnapshotSource {
  claim: string;
  snapshot: string;
  state: SnapshotState;
  /** The provisioner's newest refusal on the claim. */
  event: EventEvidence;
}

const HANDLE = /DataSource Type VolumeSnapshot by Name ([^\s:]+)/;

function stateOf(message: string): SnapshotState | undefined {
  if (/is currently being deleted/i.test(message)) return 'being deleted';
  if (/not found/i.test(message)) return 'not found';
  if (/is not Ready|not ready to use|not bound/i.test(message)) return 'not ready';
  return undefined;
}

/** The Pending claim the provisioner will not fill because the snapshot it restores from is not usable. */
export function pickUnreadySnapshotSource(pvcs: readonly PvcEvidence[], events: readonly EventEvidence[]): UnreadySnapshotSource | undefined {
  for (const pvc of pvcs) {
    if (pvc.phase !== 'Pending') continue;
    const named = pvc.dataSource?.kind === 'VolumeSnapshot' ? pvc.dataSource.name : undefined;
    const refusals = events
      .filter((e) => e.object.kind === 'PersistentVolumeClaim' && e.object.name === pvc.name && e.type === 'Warning')
      .filter((e) => HANDLE.test(e.message) || (named !== undefined && e.message.includes(`snapshot ${named} `)))
      .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
    for (const e of refusals) {
      const snapshot = named ?? HANDLE.exec(e.message)?.[1];
      const state = stateOf(e.message);
      if (snapshot !== undefined && state !== undefined) return { claim: pvc.name, snapshot, state, event: e };
    }
  }
  return undefined;
}

const SNAPSHOTTER_SIDECAR = /csi-snapshotter|external-snapshotter/i;

/** The snapshotter sidecar of a CSI driver's controller; none when the driver takes no snapshots. */
export function findSnapshotterContainer(c: ControllerCandidate): string | undefined {
  return c.containers.find((k) => SNAPSHOTTER_SIDECAR.test(k.name) || SNAPSHOTTER_SIDECAR.test(k.image))?.name;
}

export interface SnapshotRefusal {
  /** The cloud's error code (SnapshotLimitExceeded, quotaExceeded), else the gRPC code. */
  code: string;
  message: string;
  /** The cloud said it (not only the driver's gRPC status). */
  cloud: boolean;
  /** A quota or limit on snapshots is full. */
  quota: boolean;
  /** The newest line that says it. */
  line: string;
  /** Lines of the tails that say it. */
  count: number;
}

// The cloud SDKs' own words inside the driver's error: AWS SDK v2, Google API, Azure.
const CLOUD_ERRORS: readonly RegExp[] = [
  /api error (?<code>\w+): (?<message>[^"\\\n]*[^"\\\n\s])/,
  /googleapi: Error \d+: (?<message>.+?), (?<code>\w+)(?:\\?"|$)/,
  /Code="(?<code>\w+)" Message="(?<message>[^"\\]+)/,
];
const GRPC_ERROR = /code = (?<code>\w+) desc = (?<message>[^\n]{1,200})/;
const ERROR_LINE = /^[EW]\d{4} |\berror\b|\bfailed\b/i;
const QUOTA = /LimitExceeded|QuotaExceeded|quota|ResourceExhausted|maximum number/i;

function readRefusal(line: string): Omit<SnapshotRefusal, 'line' | 'count'> | undefined {
  for (const re of CLOUD_ERRORS) {
    const g = re.exec(line)?.groups;
    if (g?.['code'] !== undefined && g['message'] !== undefined) return { code: g['code'], message: g['message'], cloud: true, quota: QUOTA.test(`${g['code']} ${g['message']}`) };
  }
  const g = GRPC_ERROR.exec(line)?.groups;
  if (g?.['code'] === undefined || g['message'] === undefined) return undefined;
  return { code: g['code'], message: g['message'], cloud: false, quota: QUOTA.test(`${g['code']} ${g['message']}`) };
}

/** Why snapshots are not taken, from the snapshotter's error lines: the newest refusal and how often it recurs. */
export function findSnapshotRefusal(logs: readonly LogEvidence[]): SnapshotRefusal | undefined {
  let newest: Omit<SnapshotRefusal, 'count'> | undefined;
  const counts = new Map<string, number>();
  for (const log of logs) {
    for (const line of log.lines) {
      if (!ERROR_LINE.test(line) || !/snapshot/i.test(line)) continue;
      const r = readRefusal(line);
      if (r === undefined) continue;
      newest = { ...r, line };
      counts.set(r.code, (counts.get(r.code) ?? 0) + 1);
    }
  }
  return newest === undefined ? undefined : { ...newest, count: counts.get(newest.code) ?? 1 };
}

/** What the claim's finding says; the same shape as the other claim diagnoses. */
export interface SnapshotSourceDiagnosis {
  what: string;
  cause: string;
  action: string;
  fix: string;
  decisive: string;
  fact?: string;
  confirm: string;
}

const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);
/** A wrapped Go error ends with the innermost cause (the cloud's words): keep the end. */
const clipStart = (s: string, max: number): string => (s.length <= max ? s : `…${s.slice(-(max - 1))}`);

/** The claim restores from a snapshot the provisioner says is not usable: which, and why when its snapshotter log was read. */
export function diagnoseSnapshotSource(ev: TriageEvidence, pvc: PvcEvidence, events: readonly EventEvidence[]): SnapshotSourceDiagnosis | undefined {
  const src = pickUnreadySnapshotSource([pvc], events);
  if (src === undefined) return undefined;
  const { snapshot, state, event } = src;
  const show = formatKubectl(ev.target, `get volumesnapshot ${snapshot} -o yaml`);
  const pods = pvc.usedByPods.length > 0 ? `pod ${pvc.usedByPods.join(', ')} cannot be scheduled` : 'no pod can use it';
  const mechanism = `The claim's volume is restored from VolumeSnapshot ${snapshot} (spec.dataSourceRef), and the external provisioner creates no volume from a snapshot that is not ready to use: it says so on every attempt (×${event.count}), so the claim stays Pending and ${pods}. Volumes that exist keep working.`;
  if (state !== 'not ready') {
    const is = state === 'not found' ? 'does not exist' : 'is being deleted';
    return {
      what: `it restores from VolumeSnapshot ${snapshot}, which ${is}`,
      cause: `${mechanism} The snapshot ${is} (deleted, or re-created under that name and not yet taken).`,
      action: `Re-create VolumeSnapshot ${snapshot}, or point the claim template's dataSourceRef at a snapshot that is ready (${formatKubectl(ev.target, 'get volumesnapshot')}); the provisioner retries by itself.`,
      fix: `re-create VolumeSnapshot ${snapshot} or restore from one that is ready`,
      decisive: clip(event.message, 300),
      confirm: show,
    };
  }
  const read = ev.snapshotterLog?.snapshot === snapshot ? ev.snapshotterLog : undefined;
  const refusal = read === undefined ? undefined : findSnapshotRefusal(read.logs);
  const look = `Look at the snapshot's status and error (\`${show}\`: status.readyToUse, status.error) and its VolumeSnapshotContent`;
  if (read === undefined || refusal === undefined) {
    const why = read === undefined
      ? "Why it is not ready was not read (the snapshotter's log of the driver's controller): it may still be being taken, or the cloud refuses it (a snapshot quota, a permission)."
      : `The snapshotter's log tail (${read.controller}) names no failure: the snapshot may still be being taken, or failed before that tail.`;
    return {
      what: `it restores from VolumeSnapshot ${snapshot}, which is not ready`,
      cause: `${mechanism} ${why} Its status.error says which.`,
      action: `${look}; fix what its error says and re-create it, or restore from a ready snapshot; the provisioner creates the volume by itself once the snapshot is ready.`,
      fix: `make VolumeSnapshot ${snapshot} ready (see its status.error) or restore from a ready one`,
      decisive: clip(event.message, 300),
      confirm: show,
    };
  }
  const who = refusal.cloud ? 'the cloud refuses to take it' : 'the snapshotter fails to take it';
  const container = read.logs.find((l) => l.lines.includes(refusal.line))?.container ?? 'snapshotter';
  const remedy = refusal.quota ? 'free snapshot quota (delete snapshots no longer needed, or raise the limit)' : `fix what ${refusal.code} says`;
  return {
    what: `it restores from VolumeSnapshot ${snapshot}, which is not ready: ${who} (${refusal.code})`,
    cause: `${mechanism} The snapshot is not ready because it is never taken: the driver's snapshotter (${container} in ${read.controller}) logs ${refusal.cloud ? "the cloud's refusal" : 'the failure'} of its attempts, ${refusal.code}: ${refusal.message}${refusal.quota ? ' — the snapshot quota is full' : ''}.`,
    action: `${look}; ${remedy}, then re-create VolumeSnapshot ${snapshot} (or restore from a ready snapshot); the provisioner creates the volume by itself once it is ready.`,
    fix: `${refusal.quota ? 'free snapshot quota' : `fix the ${refusal.code} refusal`}, then re-create VolumeSnapshot ${snapshot}`,
    // The title names the code; the headline quotes the cloud's own words after it.
    decisive: refusal.message,
    fact: `snapshotter log of ${read.controller} (${container}, ×${refusal.count}): ${clipStart(refusal.line, 400)}`,
    confirm: show,
  };
}
