/**
 * The specific readings of a crash, tried in order; the first that explains it is told and the
 * rest are not tried. What stops the process before it runs comes first (a memory quantity no
 * process fits in, an environment past the exec limit), then what the log and the runtime's
 * message say (the runtime's own heap, a node's kernel setting or runtime ulimit or metadata service or GPU driver,
 * an API the cluster stopped serving, a token never re-read, an edited migration, classes built
 * for a newer Java, reflection a newer JDK encapsulates, a key store read as another type, a rejection nothing caught, a record every run dies on, a redo log an old version left unrecovered, a damaged filesystem on a replica's own claim). The line those
 * quote decides the crash; the readings after them read that line (a port held by another
 * process, a variable the Downward API left empty, a value the process could not parse) or the
 * log around it (a store's password, an RBAC refusal, a volume's file mode, a security setting, root squashed by an NFS export, a volume's owner, another cluster's data,
 * a privilege PostgreSQL denies the app's role).
 */
import type { RevisionEvidence, TerminatedStateEvidence, TriageEvidence } from '../evidence.js';
import { describeBadInterpreter, findBadInterpreter, findBadInterpreterInLog, readImageBase } from '../bad-interpreter.js';
import { findGlibcTooOld, findLoaderFailure, tellLoaderFailure } from '../loader-failure.js';
import { findKestrelWithoutCertificate, tellKestrelWithoutCertificate } from '../kestrel-certificate.js';
import { findBadValue, showControls } from '../config-value.js';
import { findYamlBoolean, tellYamlBoolean } from '../yaml-boolean.js';
import { findErrexitStop, tellErrexitStop } from '../entrypoint-errexit.js';
import { findAbsentDownwardKey, tellAbsentDownwardKey } from '../downward-key-env.js';
import { findPrefixedAway, tellPrefixedAway } from '../env-from-prefix.js';
import { findRenamedEnvKey, tellRenamedEnvKey } from '../renamed-env-key.js';
import { condenseStructuredLine, findLog, listPodEvents, pickDecisiveLine } from '../evidence-lookup.js';
import type { ContainerRef } from '../pod-status.js';
import { describePortClash, findPortInUse, tellPortClash } from '../port-clash.js';
import { findNodeHolders } from '../host-port-holders.js';
import { formatBytes, parseQuantity } from '../quantity.js';
import { describeHeap, findHeapSetting, findJvmPoolCap } from '../runtime-flags.js';
import { findHeapRefusal } from '../heap-refusal.js';
import { findNodeKernelLimit, tellNodeKernelLimit } from '../node-kernel-limit.js';
import { findRuntimeUlimit, tellRuntimeUlimit } from '../runtime-ulimit.js';
import { findMetadataUnreachable, tellMetadataUnreachable } from '../metadata-unreachable.js';
import { findUnreadWebIdentity, tellUnreadWebIdentity } from '../web-identity-unread.js';
import { findNodeIdentityDenial, tellNodeIdentityDenial } from '../node-identity-denial.js';
import { findCudaDriverTooOld, tellCudaDriverTooOld } from '../cuda-driver.js';
import { tellIllegalInstruction } from '../illegal-instruction.js';
import { findLegacyVsyscall } from '../legacy-vsyscall.js';
import { findRemovedApi, tellRemovedApi } from '../removed-api.js';
import { findStaleToken, tellStaleToken } from '../stale-token.js';
import { findTokenNotMounted, tellTokenNotMounted } from '../token-not-mounted.js';
import { findSecurityRefusal } from '../security-refusal.js';
import { findMemoryTypo, tellMemoryTypo } from '../memory-typo.js';
import { findArgListTooLong, tellArgListTooLong } from '../exec-arg-limit.js';
import { findServiceLink, tellServiceLink } from '../service-links.js';
import { diffRevisions, sortRevisions } from '../revision-diff.js';
import { findStorePassword, tellStorePassword } from '../store-password.js';
import { findKeystoreType, tellKeystoreType } from '../keystore-type.js';
import { findRbacForbidden, tellRbacForbidden } from '../rbac-forbidden.js';
import { findVolumeOwnership } from '../volume-ownership.js';
import { findRootSquashRefusal, tellRootSquashRefusal } from '../nfs-root-squash.js';
import { findKeyFileMode, tellKeyFileMode } from '../key-file-mode.js';
import { findMountFileMode, tellMountFileMode } from '../mount-file-mode.js';
import { findForeignClusterClaim, tellForeignClusterClaim } from '../foreign-cluster-claim.js';
import { findCoordinatorReset, tellCoordinatorReset } from '../coordinator-reset.js';
import { findMigrationChecksum, tellMigrationChecksum } from '../migration-checksum.js';
import { findFailedMigration, tellFailedMigration } from '../failed-migration.js';
import { findFailedMigrationRow, findFirstFailure, tellFailedMigrationRow } from '../failed-migration-row.js';
import { findClassVersionRefusal, tellClassVersionRefusal } from '../class-version.js';
import { findSecurityManagerRefusal, tellSecurityManagerRefusal } from '../security-manager-removed.js';
import { findEncapsulationRefusal, tellEncapsulationRefusal } from '../jdk-strong-encapsulation.js';
import { findJvmOptionRefusal, tellJvmOptionRefusal } from '../jvm-option-refused.js';
import { findArgsRefusal, tellArgsRefusal } from '../entrypoint-args-refused.js';
import { findMissingFileSystem, tellMissingFileSystem } from '../hadoop-filesystem-scheme.js';
import { findPsychSafeLoadRefusal, tellPsychSafeLoad } from '../psych-safe-load.js';
import { findLibraryMajorMove, tellLibraryMajorMove } from '../library-major-move.js';
import { findNumpyAbiBreak, tellNumpyAbiBreak } from '../numpy-abi-break.js';
import { findEngineWithoutPlatform, tellEngineWithoutPlatform } from '../engine-platform.js';
import { findNoOffsetCrash, tellNoOffsetCrash } from '../kafka-no-offset.js';
import { findInequivalentDeclare, tellInequivalentDeclare } from '../amqp-inequivalent-declare.js';
import { findFatalRejection, findRuntimeMove, tellFatalRejection } from '../unhandled-rejection-exit.js';
import { findPoisonMessage, tellPoisonMessage } from '../poison-message.js';
import { findLeaseLoss } from '../leader-election.js';
import { tellLeaseLoss } from '../lease-loss-reading.js';
import { findCpuLimitCut } from '../cpu-limit-cut.js';
import { findNodeReboot, tellNodeReboot } from '../node-reboot.js';
import { findStalePidFile, tellStalePidFile } from '../stale-pid-file.js';
import { findCrashRecoveryUpgrade, tellCrashRecoveryUpgrade } from '../crash-recovery-upgrade.js';
import { findCorruptStateFile, tellCorruptStateFile } from '../corrupt-state-file.js';
import { findVolumeFilesystemError, tellVolumeFilesystemError } from '../volume-filesystem-error.js';
import { findRailsCredentials, tellRailsCredentials } from '../rails-credentials.js';
import { findCredentialSecret, findGrantRefusal, tellGrantRefusal } from '../oauth-grant-refusal.js';
import type { ToldReading } from '../told-reading.js';
import { readRefusedBucketSize, tellServerNamesHash } from '../server-names-hash.js';
import { findCodeDefect, findCrashesSinceRollout, tellCodeDefect } from '../code-defect-crash.js';
import { findConnectRole, findMigrationJob, findPrivilegeRefusal, tellPrivilegeRefusal } from '../pg-privilege.js';
import { findOnset } from '../failure-onset.js';
import { findFatalNotNull, tellNotNullViolation } from '../not-null-violation.js';
import { describeMigrationRuns } from '../migration-job-log.js';
import { findEtcdRejoin, tellEtcdRejoin } from '../etcd-member-rejoin.js';
import { findSpringBootFailure, tellBeanCycle } from '../spring-boot-failure.js';
import { findServerAtOldVersion, findServerVersionRequirement, tellServerVersionRequirement } from '../server-version-requirement.js';
import { describeUpgradedServer } from '../server-upgrade.js';
import { capitalize } from '../../text.js';
import { findGrpcProbeOnTls, fixFor } from '../grpc-probe-tls.js';
import { listProbeEvents, resolveProbePort } from '../probe-failures.js';
import { explainHostKeyChanged, findHostKeyRefusal } from '../host-key-changed.js';
import { findDataClaim, findStoreDataVersion, tellStoreDataVersion } from '../store-data-version.js';
import { findBusyExecutable, tellBusyExecutable } from '../busy-executable.js';
import { findPreloadedAllocator, tellPreloadedAllocator } from '../preloaded-allocator.js';
import { findRemovedStdlibModule, tellRemovedStdlibModule } from '../removed-stdlib-module.js';
import { explainMissingCaBundle } from '../missing-ca-bundle.js';
import { explainOpensslSecurityLevel } from '../openssl-security-level.js';
import { explainMissingLocale, findDroppedLocale } from '../missing-locale.js';

export type ExitClass = 'busy-executable' | 'bad-interpreter' | 'missing-library' | 'not-found' | 'not-executable' | 'wrong-arch' | 'start-failed' | 'illegal-instruction' | 'segfault' | 'abort' | 'app-error';

export interface ExitHit {
  ref: ContainerRef;
  term: TerminatedStateEvidence;
  recent: boolean;
  cls: ExitClass;
}

/** One group of exits (one class, one container) and the log that came with them. */
export interface Crash {
  ev: TriageEvidence;
  hits: readonly ExitHit[];
  first: ExitHit;
  /** The log of the first of the pods whose container logged anything; empty when none did. */
  lines: readonly string[];
}

/**
 * What one reading says about a crash. A part it leaves out is said by the exit class's own text;
 * the rest decides how the finding is held.
 */
export interface CrashReading extends Partial<ToldReading> {
  evidence: readonly string[];
  /** The line that decides it, quoted in the headline. */
  decisive?: string;
  /** The fault is outside the workload (a node's setting, the cluster's): says why, and no rollback is offered. */
  outside?: string;
  /** The revision brought it on, but the one before is no way back (Finding.noRollback): says why. */
  noRollback?: string;
  /** The fault lives on the nodes the pods run on. */
  onNodes?: true;
  /** See Finding.sharedLimit. */
  sharedLimit?: string;
  /** See Finding.rollbackThen. */
  rollbackThen?: string;
  /** The reading names its cause for certain. */
  sure?: true;
  /** Services of the namespace the reading found behind the crash. */
  services?: string[];
  /** The fault was in the process from this time, before its first crash (Finding.onset, with `buildsUp` saying why). */
  onset?: string;
  buildsUp?: string;
}

type Reader = (crash: Crash, decisive: string | undefined) => CrashReading | undefined;

const podsOf = (c: Crash) => c.hits.map((h) => h.ref.pod);
const isAppError = (c: Crash) => c.first.cls === 'app-error';

/** A fault of some nodes (their driver, the identity they give pods): keep the pods off those nodes, then the fix there. */
function onSomeNodes(told: { title: string; cause: string; fix: string; evidence: string[]; outside: string; datesChange?: true }, decisive: string): CrashReading {
  return {
    title: told.title,
    cause: told.cause,
    fix: told.fix,
    action: `Keep the pods off those nodes meanwhile (nodeSelector or affinity), then ${told.fix}; restarting the pods will not help.`,
    ...(told.datesChange ? { datesChange: true as const } : {}),
    evidence: told.evidence,
    decisive,
    outside: told.outside,
    onNodes: true,
    sure: true,
  };
}

/** A run that ended as its node went down (the kubelet's Rebooted event just after): the reboot's restart, not the process's exit. */
const nodeReboot: Reader = (c) => {
  if (c.first.cls !== 'app-error' && c.first.cls !== 'abort' && c.first.cls !== 'segfault') return undefined;
  const reboot = findNodeReboot(c.ev, c.hits.map((h) => ({ pod: h.ref.pod, term: h.term })));
  return reboot && { ...tellNodeReboot(reboot, c.first.ref.container.name, c.ev.collectedAt), outside: `the node ${reboot.node} was rebooted`, onNodes: true, sure: true };
};

/** The entrypoint names an interpreter the image lacks (CRLF line endings, a missing shell, a dynamic loader a static or musl base has not). */
const interpreter: Reader = ({ ev, first, lines }) => {
  const bad = first.cls === 'bad-interpreter' ? findBadInterpreter(first.term.message) ?? findBadInterpreterInLog(lines) : undefined;
  if (bad === undefined) return undefined;
  // The base the pod's revision names (its image, a build annotation, its change cause) tells a missing loader from a bad shebang.
  const revision = ev.revisions.find((r) => r.hash === first.ref.pod.revisionHash);
  const base = readImageBase([first.ref.container.image, ...Object.values(revision?.template?.annotations ?? {}), revision?.changeCause ?? '']);
  const told = describeBadInterpreter(bad, base);
  const said = base && `image base: ${base.name} (${base.libc === 'none' ? 'no dynamic loader, no libc, no shell' : 'musl libc, not glibc'})`;
  return { title: `: ${told.clause}`, cause: told.cause, fix: told.fix, evidence: said ? [said] : [] };
};

/** An executable exec'd while something writes it (ETXTBSY): the container of the pod that copies it over in place. */
const busyExecutable: Reader = (c) => {
  if (c.first.cls !== 'busy-executable') return undefined;
  const { pod, container } = c.first.ref;
  const found = findBusyExecutable({ ...(c.first.term.message ? { message: c.first.term.message } : {}), lines: c.lines, container, pod, logsOf: (name) => findLog(c.ev, pod.name, name)?.lines ?? [] });
  if (found === undefined) return undefined;
  const { evidence, ...told } = tellBusyExecutable(found, container.name);
  return { ...told, evidence, decisive: condenseRuntimeMessage(found.line) ?? found.line, sure: true };
};

/** An abort or segfault under LD_PRELOAD (a replacement allocator): the preload, not the line the runtime died with, is the mechanism. */
const preloadedAllocator: Reader = (c) => {
  if (c.first.cls !== 'abort' && c.first.cls !== 'segfault') return undefined;
  const { pod, container } = c.first.ref;
  const found = findPreloadedAllocator({ env: container.env, lines: c.lines, revisions: c.ev.revisions, revisionHash: pod.revisionHash, container: container.name });
  if (found === undefined) return undefined;
  const { evidence, ...told } = tellPreloadedAllocator(found, container.name);
  return { ...told, evidence, ...(found.line ? { decisive: found.line } : {}), sure: true };
};

/** The dynamic loader stopping the binary: the libraries (or symbols) it could not find, and its own line over the symbols it lists after. */
const loaderFailure: Reader = (c) => {
  // glibc's loader exits 1 for a symbol version it lacks: that reads as the application's error, though it never ran.
  const found = c.first.cls === 'missing-library' ? findLoaderFailure([c.first.term.message ?? '', ...c.lines]) : isAppError(c) ? findGlibcTooOld([c.first.term.message ?? '', ...c.lines.slice(-40)]) : undefined;
  return found && { ...tellLoaderFailure(found), decisive: found.line, sure: true };
};

/** Kestrel refusing an https endpoint it has no certificate for: the setting that asks for https, not the abort. */
const kestrelCertificate: Reader = (c) => {
  if (c.first.cls !== 'abort' && !isAppError(c)) return undefined;
  const found = findKestrelWithoutCertificate(c.lines.slice(-60), c.first.ref.container.env ?? []);
  return found && { ...tellKestrelWithoutCertificate(found), decisive: found.line, sure: true };
};

/** A start failure under a memory quantity no process fits in ("512m" is millibytes): the unit slip is the cause. */
const memoryTypo: Reader = ({ first }) => {
  const slip = first.cls === 'start-failed' ? findMemoryTypo(first.ref.container) : undefined;
  if (slip === undefined) return undefined;
  const { evidence, ...told } = tellMemoryTypo(slip, first.ref.container.name);
  return { ...told, evidence: [evidence], sure: true };
};

/** A script run from a mounted ConfigMap under `set -e`, ended silently by a command that returned non-zero on an ordinary outcome. */
const errexitStop: Reader = (c) => {
  const stop = isAppError(c) ? findErrexitStop(c.ev.entrypointScripts, c.lines) : undefined;
  return stop && { ...tellErrexitStop(stop), sure: true };
};

/**
 * E2BIG at exec: an environment string past 128 KiB, usually a ConfigMap value injected as env.
 * runc says so in the start error; older runtimes in the log ("exec user process caused: …"), not the app's own spawns.
 */
const argListTooLong: Reader = (c) => {
  if (c.first.cls !== 'start-failed' && !isAppError(c)) return undefined;
  const execLines = c.lines.slice(-5).filter((l) => /exec user process caused/i.test(l));
  const found = findArgListTooLong([c.first.term.message ?? '', ...execLines].join('\n'), c.ev, c.first.ref.container, podsOf(c));
  if (found === undefined) return undefined;
  return { ...tellArgListTooLong(found, c.first.ref.container.name, c.ev.collectedAt), ...(found.oversized.length > 0 ? { sure: true as const } : {}) };
};

/** A heap (or a JVM pool beside it) too small for the work, or one the JVM refuses at start (a unit mistake in -Xmx). */
const runtimeHeap: Reader = (c) => {
  const refused = findHeapRefusal(c.lines.slice(-20), c.first.ref.container);
  const exhausted = describeHeapExhaustion(c.first, c.lines);
  const heap = exhausted ?? refused;
  if (heap === undefined) return undefined;
  const action = refused?.action ?? exhausted?.action;
  return { title: heap.title, cause: heap.cause, fix: heap.fix, ...(action ? { action } : {}), evidence: refused?.evidence ?? [], ...(refused ? { decisive: refused.line } : {}), sure: true };
};

/** A kernel setting of the node (a sysctl, a per-user inotify limit) is the node's to fix, not the app's. */
const nodeKernelLimit: Reader = (c) => {
  const limit = findNodeKernelLimit(c.lines.slice(-40));
  if (limit === undefined) return undefined;
  const { evidence, outside, shared, title, cause, action, fix, datesChange } = tellNodeKernelLimit(c.ev, limit, podsOf(c), c.first.ref.container.name);
  return { title, cause, action, fix, evidence, decisive: limit.line, outside, ...(shared ? { sharedLimit: shared } : {}), ...(datesChange ? { datesChange } : {}), onNodes: true, sure: true };
};

/** A search engine's bootstrap check on a ulimit (memlock, nofile, nproc) the nodes' container runtime sets. */
const runtimeUlimit: Reader = (c) => {
  const limit = findRuntimeUlimit(c.lines.slice(-60));
  if (limit === undefined) return undefined;
  const { evidence, outside, ...told } = tellRuntimeUlimit(c.ev, limit, podsOf(c));
  // A revision that moved the pods onto those nodes (nodeSelector, affinity, tolerations) brought them to the limit: it stays the trigger.
  const [newest, previous] = sortRevisions(c.ev.revisions);
  const moved = newest && previous ? diffRevisions(previous, newest).some((l) => /^(nodeSelector|required node affinity|tolerations)\b/.test(l)) : false;
  return { ...told, evidence, decisive: limit.line, ...(moved ? {} : { outside }), onNodes: true, sure: true };
};

/**
 * A pod with IRSA's web identity whose AWS SDK finds no credentials at all: the SDK does not read
 * the token (too old), so the image is to rebuild; read before the metadata service, the chain's
 * last provider, whose failure is only the fall-through.
 */
const unreadWebIdentity: Reader = (c) => {
  if (!isAppError(c)) return undefined;
  const { container, pod } = c.first.ref;
  const found = findUnreadWebIdentity({ lines: c.lines, container, revisions: c.ev.revisions, ...(pod.revisionHash !== undefined ? { revisionHash: pod.revisionHash } : {}) });
  if (found === undefined) return undefined;
  const { evidence, noRollback, sure, ...told } = tellUnreadWebIdentity(found);
  return { ...told, evidence, decisive: found.line, ...(noRollback !== undefined ? { noRollback } : {}), ...(sure ? { sure: true as const } : {}) };
};

/** No answer from the instance metadata service: the nodes' metadata settings (a hop limit), not the app. */
const metadataService: Reader = (c) => {
  const unreachable = findMetadataUnreachable(c.lines.slice(-60));
  if (unreachable === undefined) return undefined;
  const told = tellMetadataUnreachable(c.ev, unreachable, podsOf(c), c.ev.target.name);
  return {
    title: told.title,
    cause: told.cause,
    fix: told.fix,
    action: `${capitalize(told.fix)}; restarting the pods will not help.`,
    ...(told.datesChange ? { datesChange: true as const } : {}),
    evidence: told.evidence,
    decisive: unreachable.line,
    ...(told.outside ? { outside: told.outside, onNodes: true as const, sure: true as const } : {}),
  };
};

/**
 * A cloud call refused for the node's own identity (GCE's default compute account, an EC2
 * instance role) only from pods on one pool: that pool hands pods the node's credentials instead
 * of their workload identity. Read before the line, whose 403 alone reads as an IAM grant to add.
 */
const nodeIdentity: Reader = (c) => {
  if (!isAppError(c)) return undefined;
  const found = findNodeIdentityDenial(c.lines.slice(-60));
  const told = found && tellNodeIdentityDenial(c.ev, found, podsOf(c));
  if (found === undefined || told === undefined) return undefined;
  return { ...onSomeNodes(told, found.line), noRollback: told.noRollback };
};

/** SIGILL: the build uses CPU instructions some nodes lack; told by the node type it fails on and the features it lacks. */
const illegalInstruction: Reader = (c) => {
  if (c.first.cls !== 'illegal-instruction') return undefined;
  const { evidence, ...told } = tellIllegalInstruction(c.ev, podsOf(c));
  return { ...told, evidence, sure: true };
};

/** A CUDA runtime newer than the node's NVIDIA driver: the nodes' image is to move, not the app. */
const cudaDriver: Reader = (c) => {
  const tooOld = findCudaDriverTooOld([...c.lines.slice(-60), c.first.term.message ?? '']);
  if (tooOld === undefined) return undefined;
  return onSomeNodes(tellCudaDriverTooOld(c.ev, tooOld, podsOf(c)), tooOld.quote);
};

/** A segfault only on nodes booted without the legacy vsyscall page, of a build old enough to call it: the nodes' boot options, not the code. */
const legacyVsyscall: Reader = (c) => {
  if (c.first.cls !== 'segfault') return undefined;
  const found = findLegacyVsyscall(c.ev, podsOf(c), c.lines.slice(-40));
  if (found === undefined) return undefined;
  const { sure, evidence, datesChange, ...told } = found;
  const decisive = pickDecisiveLine(c.lines);
  return {
    ...told,
    action: `Keep the pods off those nodes meanwhile (nodeSelector or affinity), then ${told.fix}; restarting the pods will not help.`,
    evidence,
    ...(decisive ? { decisive } : {}),
    ...(datesChange ? { datesChange } : {}),
    onNodes: true,
    ...(sure ? { sure: true as const } : {}),
  };
};

/** An API version the cluster stopped serving (after an upgrade): the client's to move, not a rollback. */
const removedApi: Reader = (c) => {
  const removed = findRemovedApi(c.ev, c.lines.slice(-60));
  if (!removed) return undefined;
  const { outside, ...told } = tellRemovedApi(removed, c.first.ref.container.name, c.first.ref.container.image);
  return { ...told, ...(outside ? { outside } : {}), sure: true };
};

/** Refused 401 a token-lifetime into each run, fine after the restart: the client keeps its first token. */
const staleToken: Reader = (c) => {
  const found = isAppError(c) ? findStaleToken(c.ev, c.hits.map((h) => ({ pod: h.ref.pod, container: h.ref.container, term: h.term }))) : undefined;
  if (found === undefined) return undefined;
  const { line, ...told } = tellStaleToken(found);
  return { ...told, decisive: line, sure: true };
};

/** A Kubernetes client that finds no service-account token: the pods mount none (automount off), not RBAC. */
const tokenNotMounted: Reader = (c) => {
  const found = isAppError(c) ? findTokenNotMounted(c.lines.slice(-60), podsOf(c), c.first.ref.container.name, c.ev.revisions) : undefined;
  if (found === undefined) return undefined;
  const { evidence, ...told } = tellTokenNotMounted(found, c.first.ref.container.name);
  return { ...told, evidence: evidence ?? [], ...(found.revision !== undefined ? { datesChange: true as const } : {}), sure: true };
};

/**
 * A controller whose run ends on a lost leader-election lease it had acquired: it could not renew
 * in time. A revision that cut the CPU limit of the same pods is the lead when they log slow work.
 */
const leaseLoss: Reader = (c) => {
  const loss = isAppError(c) ? findLeaseLoss(c.lines) : undefined;
  if (loss === undefined) return undefined;
  const pods = podsOf(c);
  const { container } = c.first.ref;
  const names = new Set(pods.map((p) => p.name));
  const cut = findCpuLimitCut(c.ev, pods, container.name);
  const told = tellLeaseLoss({
    loss,
    container: container.name,
    exitCode: c.first.term.exitCode,
    logs: c.ev.logs.filter((l) => names.has(l.pod) && l.container === container.name),
    unhealthy: listPodEvents(c.ev, ['Unhealthy'], [...names]),
    ...(cut ? { cut } : {}),
    collectedAt: c.ev.collectedAt,
  });
  const { sure, ...rest } = told;
  return { ...rest, ...(sure ? { sure: true as const } : {}) };
};

/** A schema tool refusing an applied migration edited since: the image brought the edit, a new migration is the fix. */
const migrationChecksum: Reader = (c) => {
  const edited = isAppError(c) ? findMigrationChecksum(c.lines) : undefined;
  return edited && { ...tellMigrationChecksum(edited, c.first.ref.container.image), sure: true };
};

/**
 * A schema tool refusing to start over a migration an earlier run left failed (Flyway's failed row, golang-migrate's
 * dirty version): what the first run failed on is the cause, quoted from any log read that still has it.
 */
const failedMigrationRow: Reader = (c) => {
  const row = isAppError(c) ? findFailedMigrationRow(c.lines) : undefined;
  if (row === undefined) return undefined;
  const first = findFirstFailure(c.ev.logs, row);
  const restarts = Math.max(...c.hits.map((h) => h.ref.container.restartCount));
  return { ...tellFailedMigrationRow(row, first, restarts), decisive: row.line, sure: true };
};

/** A JVM refusing classes compiled for a newer Java than the image's runtime: the build and the image disagree. */
const classVersion: Reader = (c) => {
  const found = isAppError(c) ? findClassVersionRefusal(c.lines.slice(-40)) : undefined;
  if (found === undefined) return undefined;
  const { container } = c.first.ref;
  return { ...tellClassVersionRefusal(found, c.ev, podsOf(c), container.name, container.image), decisive: found.line, sure: true };
};

/** A JVM option the runtime does not know (one a newer JDK removed): the option and where it is set decide it, not the JVM's generic trailer. */
const jvmOption: Reader = (c) => {
  if (!isAppError(c)) return undefined;
  const sorted = sortRevisions(c.ev.revisions);
  const at = sorted.findIndex((r) => r.hash === c.first.ref.pod.revisionHash);
  const [current, previous] = at >= 0 ? [sorted[at], sorted[at + 1]] : [undefined, undefined];
  const found = findJvmOptionRefusal(c.lines.slice(-20), c.first.ref.container, current, previous);
  if (found === undefined) return undefined;
  return { ...tellJvmOptionRefusal(found), decisive: found.line, sure: true };
};

/** A flag of the unchanged args refused after only the image changed, command unset: the args likely reach the new image's ENTRYPOINT. */
const argsToEntrypoint: Reader = (c) => {
  if (!isAppError(c)) return undefined;
  const sorted = sortRevisions(c.ev.revisions);
  const at = sorted.findIndex((r) => r.hash === c.first.ref.pod.revisionHash);
  const found = at >= 0 ? findArgsRefusal(c.lines.slice(-40), c.first.ref.container, sorted[at], sorted[at + 1]) : undefined;
  if (found === undefined) return undefined;
  return { ...tellArgsRefusal(found), decisive: found.line };
};

/** A Security Manager installed on a JDK past 17, which refuses it by default: the JDK moved under code that only warned before. */
const securityManager: Reader = (c) => {
  if (!isAppError(c)) return undefined;
  const sorted = sortRevisions(c.ev.revisions);
  const at = sorted.findIndex((r) => r.hash === c.first.ref.pod.revisionHash);
  const [current, previous] = at >= 0 ? [sorted[at], sorted[at + 1]] : [undefined, undefined];
  // Pods of the revision before still run on the JDK that only warned: their banner names it.
  const others = previous ? c.ev.pods.filter((p) => p.revisionHash === previous.hash).flatMap((p) => findLog(c.ev, p.name, c.first.ref.container.name)?.lines.slice(0, 40) ?? []) : [];
  const found = findSecurityManagerRefusal(c.lines, current, previous, others);
  if (found === undefined) return undefined;
  return { ...tellSecurityManagerRefusal(found), decisive: found.line, sure: true };
};

/** Reflection into the JDK's internals on a JDK past 15, which encapsulates them: the JDK moved under a library that only got a warning before. */
const strongEncapsulation: Reader = (c) => {
  if (!isAppError(c)) return undefined;
  const sorted = sortRevisions(c.ev.revisions);
  const at = sorted.findIndex((r) => r.hash === c.first.ref.pod.revisionHash);
  const found = at >= 0 ? findEncapsulationRefusal(c.lines, sorted[at], sorted[at + 1]) : findEncapsulationRefusal(c.lines);
  if (found === undefined) return undefined;
  return { ...tellEncapsulationRefusal(found), decisive: found.line, sure: true };
};

/** A Hadoop URI scheme no jar of the image registers: the build's packaging (a shaded jar's services files), not the store. */
const hadoopScheme: Reader = (c) => {
  const { container } = c.first.ref;
  const found = isAppError(c) ? findMissingFileSystem(c.lines.slice(-80), [...(container.command ?? []), ...(container.args ?? [])]) : undefined;
  if (found === undefined) return undefined;
  const { clause, ...told } = tellMissingFileSystem(found);
  return { ...told, title: `: ${clause}`, decisive: found.line, sure: true };
};

/** Ruby 3.1's Psych 4 refusing a YAML alias or class that the older Ruby's YAML.load took: the runtime moved under an unchanged file. */
const psychSafeLoad: Reader = (c) => {
  const found = isAppError(c) ? findPsychSafeLoadRefusal(c.lines.slice(-60)) : undefined;
  if (found === undefined) return undefined;
  return { ...tellPsychSafeLoad(found, podsOf(c), c.ev.logs, c.first.ref.container.name), decisive: found.line.replace(/^\S+\.rb:\d+:in [`'][^`']+': /, ''), sure: true };
};

/** A package compiled for NumPy 1 imported under NumPy 2: numpy moved under the package, not the package's own pin. */
const numpyAbi: Reader = (c) => {
  if (!isAppError(c)) return undefined;
  const { container, pod } = c.first.ref;
  const found = findNumpyAbiBreak({ lines: c.lines, revisions: c.ev.revisions, revisionHash: pod.revisionHash, container: container.name });
  return found && { ...tellNumpyAbiBreak(found), decisive: found.line, sure: true };
};

/** A module the standard library used to ship, removed by the newer Python the image now runs (distutils in 3.12). */
const removedStdlib: Reader = (c) => {
  const found = isAppError(c) ? findRemovedStdlibModule(c.lines) : undefined;
  if (found === undefined) return undefined;
  const { evidence, ...told } = tellRemovedStdlibModule(found);
  return { ...told, evidence, decisive: found.line, sure: true };
};

/** A client with a native engine per platform (Prisma) finding none for the image's: the base image moved under a client generated for another. */
const enginePlatform: Reader = (c) => {
  const found = isAppError(c) ? findEngineWithoutPlatform(c.lines) : undefined;
  return found && { ...tellEngineWithoutPlatform(found), decisive: found.line, sure: true };
};

/** A traceback raised in a library's own code after a rebuild of the same app version: the build pulled the library's new major. */
const libraryMajor: Reader = (c) => {
  if (!isAppError(c)) return undefined;
  const { container, pod } = c.first.ref;
  const crashed = c.hits.map((h) => c.ev.logs.find((l) => l.pod === h.ref.pod.name && l.container === container.name && l.previous)?.lines ?? []);
  const servingLogs = c.ev.logs.filter((l) => !l.previous && l.container === container.name && c.ev.pods.some((p) => p.name === l.pod && p.revisionHash !== pod.revisionHash));
  const found = [...crashed, c.lines]
    .map((lines) => findLibraryMajorMove({ lines, revisions: c.ev.revisions, revisionHash: pod.revisionHash, container: container.name, servingLogs }))
    .find((m) => m !== undefined);
  if (found === undefined) return undefined;
  return { ...tellLibraryMajorMove(found), decisive: found.line, sure: true };
};

/** A Kafka consumer whose group has no committed offset while auto.offset.reset is none: a new or renamed group.id. */
const kafkaNoOffset: Reader = (c) => {
  const found = isAppError(c) ? findNoOffsetCrash(c.lines.slice(-40), c.ev.revisions, c.first.ref.pod.revisionHash) : undefined;
  if (found === undefined) return undefined;
  return { ...tellNoOffsetCrash(found), decisive: found.line, sure: true };
};

/** An AMQP declaration the broker refuses for other arguments than the existing queue's (406 PRECONDITION_FAILED, inequivalent arg). */
const inequivalentDeclare: Reader = (c) => {
  const found = isAppError(c) ? findInequivalentDeclare(c.lines.slice(-60), c.ev.revisions, c.first.ref.pod.revisionHash) : undefined;
  if (found === undefined) return undefined;
  return { ...tellInequivalentDeclare(found), decisive: found.line, sure: true };
};

/** A Java key or trust store read as another type than its file's (PKCS12 vs JKS/JCEKS): the type setting, usually changed by a revision. */
const keystoreType: Reader = (c) => {
  const found = isAppError(c) ? findKeystoreType(c.lines.slice(-80), c.first.ref.container, c.first.ref.pod, c.ev.revisions) : undefined;
  if (found === undefined) return undefined;
  const { evidence, ...told } = tellKeystoreType(found);
  return { ...told, evidence, decisive: found.line, ...(found.changed ? { datesChange: true as const } : {}), sure: true };
};

/** Node.js ending the process on a rejection nothing caught: the code path each pod ran last, and the runtime that made it fatal. */
const fatalRejection: Reader = (c) => {
  if (!isAppError(c)) return undefined;
  const rejections = c.hits.flatMap((h) => findFatalRejection(findLog(c.ev, h.ref.pod.name, c.first.ref.container.name)?.lines ?? []) ?? []);
  return rejections.length > 0 ? { ...tellFatalRejection(rejections, findRuntimeMove(c.ev.revisions)), sure: true } : undefined;
};

/**
 * The crashed runs of two or more pods (or restarts) all end on the same input record: a poison
 * message the broker keeps handing out. The error line stays the decisive quote; the record is the cause.
 */
const poisonMessage: Reader = (c) => {
  if (!isAppError(c)) return undefined;
  const { container } = c.first.ref;
  const pods = new Set(podsOf(c).map((p) => p.name));
  const logs = c.ev.logs.filter((l) => pods.has(l.pod) && l.container === container.name);
  const terminated = new Set(c.hits.filter((h) => h.ref.container.state !== undefined && 'terminated' in h.ref.container.state).map((h) => h.ref.pod.name));
  const poison = findPoisonMessage(logs, terminated);
  return poison && { ...tellPoisonMessage(poison, container), sure: true };
};

/** On the host network the port is the node's: another host-network pod there may hold it. */
const portClash: Reader = (c, decisive) => {
  if (decisive === undefined) return undefined;
  const holders = findNodeHolders(c.ev.hostNetworkHolders, podsOf(c), findPortInUse(decisive) ?? 0);
  const clash = describePortClash(decisive, c.first.ref.pod, c.first.ref.container.name, holders);
  return clash && tellPortClash(clash, c.first.ref.container.name);
};

/**
 * The line says a variable is empty or unset, and the Downward API fills it from a label (or an
 * annotation) the pods do not carry: the kubelet set it to "" without a word.
 */
const absentDownwardKey: Reader = (c, decisive) => {
  if (decisive === undefined || !isAppError(c)) return undefined;
  const found = findAbsentDownwardKey(c.first.ref.container.env ?? [], podsOf(c), c.ev.nodes, decisive);
  return found && { ...tellAbsentDownwardKey(found), sure: true };
};

/** The line says a variable is unset that a ConfigMap holds, but envFrom prefixes its keys: the container sees another name. */
const envFromPrefix: Reader = (c, decisive) => {
  if (decisive === undefined || !isAppError(c)) return undefined;
  const found = findPrefixedAway(c.first.ref.container, c.ev.namespaceObjects ?? [], c.ev.revisions, decisive);
  return found && { ...tellPrefixedAway(found, c.first.ref.container.name), sure: true };
};

/**
 * The app cannot resolve a variable, and a ConfigMap the container takes through envFrom holds a key
 * a letter or two away instead: an edit renamed the key. Restoring it is the fix; a rollback reads the same ConfigMap.
 */
const renamedEnvKey: Reader = (c, decisive) => {
  if (!isAppError(c)) return undefined;
  const found = findRenamedEnvKey(c.first.ref.container, c.ev.namespaceObjects ?? [], [...c.lines.slice(-80), ...(decisive ? [decisive] : [])]);
  if (found === undefined) return undefined;
  const { evidence, ...told } = tellRenamedEnvKey(found, c.first.ref.container.name, c.ev.collectedAt);
  // A wrapped exception's "Caused by:" says nothing of the cause: quote the message.
  return { ...told, evidence, decisive: found.line.replace(/^Caused by:\s*/, ''), outside: `ConfigMap ${found.configMap} lost key ${found.variable} (now ${found.key}), and every revision reads it`, sure: true };
};

/** A setting the log reports as a boolean, held in a mounted ConfigMap as a bare YAML 1.1 word (`- NO`): quoting it is the fix. */
const yamlBoolean: Reader = (c) => {
  const found = isAppError(c) ? findYamlBoolean(c.ev.yamlBooleans, c.lines.slice(-40)) : undefined;
  return found && { ...tellYamlBoolean(found), sure: true };
};

/**
 * A value the process could not parse: where it came from decides the fix. A `tcp://ip:port` it
 * cannot read as a number is the kubelet's link variable for a namespace Service.
 */
const unparsedValue: Reader = (c, decisive) => {
  if (decisive === undefined) return undefined;
  const { container } = c.first.ref;
  const nearby = findBadValue(decisive, container) === undefined ? findNearbyBadValue(c.lines, decisive, container) : undefined;
  const bad = findBadValue(decisive, container) ?? nearby;
  const linkText = bad?.value ?? (/invalid|pars|conver|bad port|number|integer|expected/i.test(decisive) ? decisive : undefined);
  const names = new Set(podsOf(c).map((p) => p.name));
  const found = linkText ? findServiceLink(linkText, c.ev, container, c.ev.pods.filter((p) => names.has(p.name))) : undefined;
  const link = found ? tellServiceLink(found, c.ev.collectedAt, sortRevisions(c.ev.revisions)[0]?.createdAt) : undefined;
  if (bad === undefined && link === undefined) return undefined;
  const told = bad ? describeBadValue(bad) : {};
  return {
    ...told,
    ...(link ? { title: link.title, cause: link.cause, action: link.action, fix: link.fix } : {}),
    evidence: [
      ...(link?.evidence ?? []),
      ...(bad && bad.sources.length > 0 ? [`env fed from Secrets or ConfigMaps that could hold "${bad.value}": ${bad.sources.join(', ')} (a change there reaches new pods without a rollout)`] : []),
    ],
    ...(link?.outside ? { outside: link.outside } : {}),
    ...(found ? { services: [found.service.name] } : {}),
    ...(bad && link === undefined && quoteUpToValue(decisive, bad.value) !== decisive ? { decisive: quoteUpToValue(decisive, bad.value) } : {}),
  };
};

/**
 * The deciding line says a conversion failed ("Failed to bind properties under 'x' to int:") and a
 * line just after it quotes the value ("Reason: … For input string: "30\r""): the value the
 * process could not parse, from the same report.
 */
function findNearbyBadValue(lines: readonly string[], decisive: string, container: Crash['first']['ref']['container']): ReturnType<typeof findBadValue> {
  if (!/convert|bind|pars|invalid|number|integer/i.test(decisive)) return undefined;
  const recent = lines.slice(-40);
  const head = decisive.slice(0, 40);
  const at = recent.findLastIndex((l) => l.includes(head));
  if (at < 0) return undefined;
  return recent.slice(at + 1, at + 8).map((l) => findBadValue(l, container)).find((b) => b !== undefined);
}

/** The deciding line, up to where it first names the value between double quotes (control characters shown): what follows repeats it. */
function quoteUpToValue(decisive: string, value: string): string {
  const shown = showControls(decisive);
  const at = shown.indexOf(`"${value}"`);
  return at < 0 ? decisive : shown.slice(0, at + value.length + 2);
}

/** A Java key or trust store the JVM cannot open with the password it was given. */
const storePassword: Reader = (c) => {
  const store = findStorePassword(c.lines, c.first.ref.container, c.first.ref.pod);
  return store && { ...tellStorePassword(store), evidence: [], decisive: store.line };
};

/** The API server refusing the pod's identity ("… is forbidden: User … cannot list …"): the RBAC grant it lacks, not the code. */
const rbacForbidden: Reader = (c, decisive) => {
  if (decisive === undefined || !isAppError(c) || findRbacForbidden([decisive]) === undefined) return undefined;
  const found = findRbacForbidden(c.lines.slice(-60));
  return found && { ...tellRbacForbidden(found), sure: true };
};

/** A refusal by the kernel in pods whose revision tightened their sandbox: that setting's doing. */
const securityRefusal: Reader = (c) => {
  if (c.first.cls === 'not-found' || c.first.cls === 'wrong-arch') return undefined;
  const refusal = findSecurityRefusal(c.ev.revisions, podsOf(c), c.first.ref.container.name, [...c.lines.slice(-20), c.first.term.message ?? '']);
  if (refusal === undefined) return undefined;
  return {
    title: `: ${refusal.clause}`,
    cause: refusal.cause,
    fix: refusal.fix,
    action: `${capitalize(refusal.fix)}; rolling back to revision ${refusal.previous} lifts the setting meanwhile.`,
    // The setting's refusal names the revision that tightened it.
    datesChange: true,
    evidence: [`revision ${refusal.revision} brought in ${refusal.label}; revision ${refusal.previous} ran without it`],
    sure: true,
  };
};

/** A private key refused for its mode (ssh's "too open"): the mode of the volume it is mounted from, not the key. */
const keyFileMode: Reader = (c) => {
  const found = isAppError(c) ? findKeyFileMode(c.ev.revisions, podsOf(c), c.first.ref.container.name, c.lines.slice(-40)) : undefined;
  return found && { ...tellKeyFileMode(found), decisive: found.line, sure: true };
};

/** A config or secret file refused for the mode its volume mounts it with (a decimal defaultMode meant as octal): the mode, not the file. */
const mountFileMode: Reader = (c) => {
  const found = isAppError(c) ? findMountFileMode(c.ev.revisions, podsOf(c), c.first.ref.container.name, c.lines.slice(-20)) : undefined;
  return found && { ...tellMountFileMode(found), sure: true };
};

/** Root refused a chown or chmod on an NFS volume: the server squashes root (nfs-root-squash.ts). */
const rootSquash: Reader = (c) => {
  const found = isAppError(c) ? findRootSquashRefusal(c.ev, podsOf(c), c.first.ref.container.name, c.lines.slice(-20)) : undefined;
  return found && { ...tellRootSquashRefusal(found), decisive: found.line, sure: true };
};

/** Refused a file on a kept volume while the sandbox is unchanged: its data's owner is not the process's user. */
const volumeOwner: Reader = (c) => {
  const owner = isAppError(c) ? findVolumeOwnership(c.ev.revisions, podsOf(c), c.first.ref.container.name, c.lines.slice(-20)) : undefined;
  if (owner === undefined) return undefined;
  return {
    title: `: ${owner.clause}`,
    cause: owner.cause,
    fix: owner.fix,
    action: `${capitalize(owner.fix)}${owner.imageChange ? `; rolling back to revision ${owner.imageChange.previous} runs the old user meanwhile` : ''}.`,
    evidence: owner.evidence,
    sure: true,
  };
};

/** A store refusing another cluster's data, on a claim older than its StatefulSet: the reused leftover is the cause; or its coordinator re-created on fresh claims. */
const foreignClusterData: Reader = (c) => {
  const foreign = isAppError(c) ? findForeignClusterClaim(c.ev, podsOf(c), c.lines.slice(-60)) : undefined;
  if (foreign) return { ...tellForeignClusterClaim(foreign, c.ev.workload?.name ?? c.ev.target.name, c.ev.collectedAt), decisive: foreign.line, sure: true };
  // The members' data is theirs, but the coordinator that hands out the cluster id was re-created empty.
  const reset = isAppError(c) ? findCoordinatorReset(c.ev, podsOf(c), c.lines.slice(-60)) : undefined;
  return reset && { ...tellCoordinatorReset(reset, c.ev.collectedAt), decisive: reset.line, sure: true };
};

/** nginx stopping at start for a server_name too long for its hash buckets: the name, the ConfigMap it is in, and the bucket size to set. */
const serverNamesHash: Reader = (c, decisive) => {
  const refused = decisive === undefined ? undefined : readRefusedBucketSize(decisive);
  if (refused === undefined) return undefined;
  const found = [...(c.ev.serverNames ?? [])].sort((a, b) => b.longest.length - a.longest.length)[0];
  return { ...tellServerNamesHash(refused, found), sure: true };
};

/**
 * The Go runtime reporting a synchronisation bug in the program (a map written by goroutines
 * without a lock, a mutex unlocked twice): the code is at fault. When every crash happened under the newest revision
 * all through its pods' life, the fault came with it however late the first crash came.
 */
const codeDefect: Reader = (c) => {
  if (!isAppError(c)) return undefined;
  const { container } = c.first.ref;
  const crashed = c.hits.map((h) => c.ev.logs.find((l) => l.pod === h.ref.pod.name && l.container === container.name && l.previous)?.lines ?? []);
  const defect = [...crashed, c.lines].map(findCodeDefect).find((d) => d !== undefined);
  if (defect === undefined) return undefined;
  const since = findCrashesSinceRollout(c.ev, c.hits.map((h) => ({ pod: h.ref.pod, container: h.ref.container, term: h.term })));
  return {
    ...tellCodeDefect(defect, c.first.term.exitCode),
    evidence: since ? [since.said] : [],
    decisive: defect.line,
    sure: true,
    ...(since ? { onset: since.onset, buildsUp: since.said } : {}),
  };
};

/**
 * PostgreSQL refusing the app's role a privilege on an object (42501): the grant it lacks, and the
 * migration Job that ran as another role just before the first crash, when the namespace shows one.
 */
const pgPrivilege: Reader = (c, decisive) => {
  if (!isAppError(c)) return undefined;
  // The line that decides the crash must be the refusal; a denial earlier in the run may have been survived.
  const refused = findPrivilegeRefusal(decisive !== undefined ? [decisive] : c.lines.slice(-5));
  if (refused === undefined) return undefined;
  const onset = findOnset(c.ev, podsOf(c));
  const migration = findMigrationJob(c.ev.namespaceJobs?.jobs ?? [], onset);
  const { evidence, ...told } = tellPrivilegeRefusal(refused, findConnectRole(c.first.ref.container.env ?? []), migration);
  return { ...told, evidence, sure: true };
};

/**
 * The database refusing the writes for a NULL in a NOT NULL column (23502): a column made required
 * that this writer does not set. Read before the line: a writer that retries logs the refusal on
 * each attempt and dies of its own wrapper ("giving up after 3 attempts"). The migration Job that
 * ran just before the first crash is the change behind it.
 */
const notNullViolation: Reader = (c) => {
  if (!isAppError(c)) return undefined;
  const violation = findFatalNotNull(c.lines);
  if (violation === undefined) return undefined;
  const migration = findMigrationJob(c.ev.namespaceJobs?.jobs ?? [], findOnset(c.ev, podsOf(c)));
  const applied = migration ? describeMigrationRuns((c.ev.migrationJobLogs ?? []).filter((r) => r.job === migration.job.name), c.ev.collectedAt) : undefined;
  const told = tellNotNullViolation(violation, migration, applied);
  return { ...told, decisive: violation.line, sure: true, ...(migration ? { outside: `the schema changed under this writer (migration Job ${migration.job.name}); its own code did not` } : {}) };
};

/**
 * A table or column the app needs is missing and the migration Job meant to create it failed: the
 * Job's own error is the cause; a rollback of the app creates neither.
 */
const failedMigration: Reader = (c, decisive) => {
  if (!isAppError(c)) return undefined;
  const found = findFailedMigration(decisive !== undefined ? [decisive, ...c.lines.slice(-5)] : c.lines.slice(-5), c.ev.failedMigrationLogs ?? [], c.ev.namespaceJobs?.jobs ?? []);
  if (found === undefined) return undefined;
  const { evidence, ...told } = tellFailedMigration(found);
  return { ...told, evidence, outside: `the migration Job ${found.run.job} failed to create ${found.missing.what}; a rollback of the app does not create it`, sure: true };
};

/**
 * An etcd member on an empty volume that the running cluster already lists: removing and re-adding
 * the member is the fix. Read before the line, ahead of another cluster's data on an old claim.
 */
const etcdRejoin: Reader = (c) => {
  if (!isAppError(c)) return undefined;
  const found = findEtcdRejoin(c.ev, c.first.ref.pod, c.first.ref.container.name, c.lines);
  return found && { ...tellEtcdRejoin(found), sure: true };
};

/** Spring Boot's failure analysis naming a dependency cycle: the beans, the default since 2.6 that refuses it, the fix. */
const beanCycle: Reader = (c) => {
  const found = isAppError(c) ? findSpringBootFailure(c.lines) : undefined;
  if (found?.cycle === undefined) return undefined;
  return { ...tellBeanCycle({ ...found, cycle: found.cycle }), decisive: found.line, sure: true };
};

/**
 * A container whose native gRPC probes meet a port that now serves TLS: the probes dial plaintext,
 * fail every time, and liveness restarts an app that serves. The probe is what to change.
 */
const grpcProbeOnTls: Reader = (c) => {
  const { container } = c.first.ref;
  const messages = listProbeEvents(c.ev, c.first.ref).map((e) => e.message).join('\n');
  const found = findGrpcProbeOnTls(container, c.lines.slice(-60), messages, (p) => resolveProbePort(p, container));
  if (found === undefined) return undefined;
  const at = found.port === undefined ? 'its gRPC port' : `port ${found.port}`;
  const kinds = found.kinds.join(' and ');
  const fix = fixFor(found);
  return {
    title: `: ${at} serves TLS, but its ${kinds} probe${found.kinds.length === 1 ? ' is a' : 's are'} kubelet native gRPC probe${found.kinds.length === 1 ? '' : 's'}, which dial plaintext, so every probe is refused${found.kinds.includes('liveness') ? ' and liveness restarts it' : ''}`,
    cause: `The kubelet's native gRPC probe has no TLS setting: it always dials plaintext. The app serves TLS on ${at}, so it refuses each probe ("${found.line.trim().slice(-80)}") and the kubelet reports "error reading server preface"; the pod never turns Ready${found.kinds.includes('liveness') ? ' and is restarted by liveness' : ''}, however well it serves.`,
    action: `${capitalize(fix)}; restarting the pods or longer probe timeouts will not help.`,
    fix,
    evidence: [`${kinds} probe: native gRPC on ${at} (plaintext only)`],
    decisive: found.line.trim(),
    sure: true,
  };
};

/**
 * A client library refusing, at start, a server older than it requires (Sidekiq 7 and Redis 6.0):
 * both versions, and the server's workload with its image when its pod was read. The client's
 * bump (the revision) brought the requirement: roll it back, or upgrade the server. Or the other
 * way round, a server newer than the driver supports: the server's rollout dates it, the driver is the fix.
 */
const serverVersionRequirement: Reader = (c) => {
  const found = isAppError(c) ? findServerVersionRequirement(c.lines.slice(-60)) : undefined;
  if (found === undefined) return undefined;
  const sorted = sortRevisions(c.ev.revisions);
  const at = sorted.findIndex((r) => r.hash === c.first.ref.pod.revisionHash);
  const previous = at >= 0 ? sorted[at + 1]?.revision : undefined;
  // A server newer than the driver supports: its own rollout (when read) is the change.
  const rolled = found.ceiling ? describeUpgradedServer(c.ev) : undefined;
  const { evidence, datesChange, outside, ...told } = tellServerVersionRequirement(found, findServerAtOldVersion(c.ev, found), previous, rolled);
  return { ...told, evidence, decisive: found.line, ...(datesChange ? { datesChange } : {}), ...(outside ? { outside } : {}), sure: true };
};

/**
 * A server refusing to start over its own pid or lock file, left by a killed run on a volume that
 * outlives the container (an emptyDir) or the pod: the file decides the line, not the trailer
 * ("Exiting") after it; a new pod or removing the file is the fix, not a rollback.
 */
const stalePidFile: Reader = (c) => {
  if (!isAppError(c)) return undefined;
  const pods = podsOf(c);
  const found = findStalePidFile({ lines: c.lines, container: c.first.ref.container, pods, events: c.ev.events, onset: findOnset(c.ev, pods) });
  if (found === undefined) return undefined;
  const { evidence, ...told } = tellStalePidFile(found, pods.map((p) => p.name), c.first.ref.container.name, c.ev.collectedAt);
  return { ...told, evidence, decisive: found.line, sure: true };
};

/**
 * A database's new version refusing a data directory its old version left without a clean
 * shutdown (InnoDB's "Upgrade after a crash is not supported"): the stop that made the pod again
 * (an eviction) dates it; the old version recovers, shuts down cleanly, then the upgrade runs.
 */
const crashRecoveryUpgrade: Reader = (c) => {
  if (!isAppError(c)) return undefined;
  const { pod, container } = c.first.ref;
  const found = findCrashRecoveryUpgrade(c.ev, { lines: c.lines, container: container.name, image: container.image, pod });
  if (found === undefined) return undefined;
  const { evidence, ...told } = tellCrashRecoveryUpgrade(c.ev, found, pod.name, container.name);
  return { ...told, evidence, decisive: found.line, sure: true };
};

/**
 * A process dying at every start loading a state file it persisted (a pickled shelve, a dbm or
 * SQLite file) that is corrupt or truncated, on a volume that outlives the pod: the file is the
 * mechanism, so removing or restoring it is the fix, not a rollback.
 */
const corruptStateFile: Reader = (c) => {
  if (!isAppError(c)) return undefined;
  const found = findCorruptStateFile({ lines: c.lines, container: c.first.ref.container, pod: c.first.ref.pod });
  if (found === undefined) return undefined;
  const { evidence, ...told } = tellCorruptStateFile(found, podsOf(c).map((p) => p.name), c.first.ref.container.name);
  return { ...told, evidence, decisive: found.line, sure: true };
};

/**
 * A filesystem error (EUCLEAN, EIO, ext4 or XFS corruption) under the mount of a claim of the
 * failing replicas: the disk is damaged, typically by an unclean shutdown of its node, so the
 * repair (or a rebuilt claim) is the fix, not a rollback; the node's going down dates it.
 */
const volumeFilesystemError: Reader = (c) => {
  if (!isAppError(c) && c.first.cls !== 'abort') return undefined;
  const pods = podsOf(c);
  const found = findVolumeFilesystemError(c.ev, { lines: c.lines, container: c.first.ref.container, pods, onset: findOnset(c.ev, pods) });
  if (found === undefined) return undefined;
  const { evidence, ...told } = tellVolumeFilesystemError(found, c.first.ref.container.name, c.ev.collectedAt);
  return { ...told, evidence, decisive: found.line, outside: `the filesystem on ${found.claims.map((x) => x.claim).join(', ')} is damaged`, sure: true };
};

/**
 * Rails unable to decrypt its credentials at boot: the master key (RAILS_MASTER_KEY, from a Secret)
 * does not match the credentials file the image brought. The Secret to update is the fix; a
 * rollback only when the revision brought the file.
 */
const railsCredentials: Reader = (c) => {
  if (!isAppError(c)) return undefined;
  const found = findRailsCredentials({ lines: c.lines, container: c.first.ref.container, pod: c.first.ref.pod, pods: c.ev.pods, revisions: c.ev.revisions });
  if (found === undefined) return undefined;
  const { evidence, ...told } = tellRailsCredentials(found);
  return { ...told, evidence, sure: true };
};

/**
 * An identity provider refusing the process's own credential (invalid_grant): the start-up check
 * that gives up after it says only the consequence, so the refusal decides the crash.
 */
const grantRefusal: Reader = (c) => {
  const found = isAppError(c) ? findGrantRefusal(c.lines.slice(-60)) : undefined;
  if (found === undefined) return undefined;
  const secret = findCredentialSecret([c.first.ref.container], c.first.ref.pod.volumes ?? []);
  const told = tellGrantRefusal(found, secret);
  return { title: `: ${told.clause}`, cause: told.cause, action: told.action, fix: told.fix, outside: told.outside, decisive: condenseStructuredLine(found.line), evidence: secret ? [`credential file from Secret ${secret}`] : [], sure: true };
};

/**
 * An SSH client (a Git clone or fetch, an sftp pull) refusing a server whose host key no longer
 * matches the known_hosts the pod mounts: the server changed, not the revision, so the file (its
 * ConfigMap) is what to update after verifying the new key, and a rollback would not help.
 */
const hostKeyChanged: Reader = (c) => {
  if (!isAppError(c)) return undefined;
  const lines = c.lines.slice(-40);
  const refusal = findHostKeyRefusal(lines);
  const told = refusal && explainHostKeyChanged([refusal.line], lines, [c.first.ref.container], c.first.ref.pod.volumes ?? []);
  if (refusal === undefined || told === undefined) return undefined;
  return { title: `: ${told.summary}`, cause: told.likelyCause, action: told.nextAction, fix: told.fix, decisive: refusal.quote, outside: "the SSH server's host key changed", evidence: [], sure: true };
};

/**
 * A data store refusing the data on its claim because another version of it wrote it (a major
 * bump over an old data directory, a pin back under a newer dump, an FCV never raised): the line
 * naming both versions decides, not the "Exiting" after it; the store's own upgrade step follows
 * the rollback.
 */
const storeDataVersion: Reader = (c) => {
  const { container, pod } = c.first.ref;
  const found = isAppError(c) ? findStoreDataVersion(c.lines, container) : undefined;
  if (found === undefined) return undefined;
  const { evidence, ...told } = tellStoreDataVersion(found, findDataClaim(container, pod));
  return { ...told, evidence, decisive: found.line, sure: true };
};

/** The revision the crashing pods run and the one before it. */
function revisionsOf(c: Crash): { revision?: RevisionEvidence; previous?: RevisionEvidence } {
  const sorted = sortRevisions(c.ev.revisions);
  const at = sorted.findIndex((r) => r.hash === c.first.ref.pod.revisionHash);
  const revision = at < 0 ? undefined : sorted[at];
  const previous = at < 0 ? undefined : sorted[at + 1];
  return { ...(revision ? { revision } : {}), ...(previous ? { previous } : {}) };
}

/**
 * A TLS library that found no CA certificates at all in the image (Go's "failed to load system
 * roots", the JDK's empty trustAnchors): every outbound call fails, whatever the server, so the
 * image that lost its bundle is the mechanism, not the server the call went to.
 */
const missingCaBundle: Reader = (c) => {
  if (!isAppError(c)) return undefined;
  const { revision, previous } = revisionsOf(c);
  const told = explainMissingCaBundle(c.lines.slice(-60), revision, previous);
  if (told === undefined) return undefined;
  return { title: `: ${told.summary}`, cause: told.likelyCause, action: told.nextAction, fix: told.fix, decisive: condenseStructuredLine(told.decisive ?? ''), evidence: told.evidence ?? [], sure: true };
};

/** OpenSSL refusing a certificate for its security level (SHA-1 signed, a short key): a stricter OpenSSL came with the image. */
const opensslSecurityLevel: Reader = (c) => {
  if (!isAppError(c)) return undefined;
  const told = explainOpensslSecurityLevel(c.lines.slice(-20), c.lines);
  if (told === undefined) return undefined;
  return { title: `: ${told.summary}`, cause: told.likelyCause, action: told.nextAction, fix: told.fix, decisive: condenseStructuredLine(told.decisive ?? ''), evidence: [], sure: true };
};

/**
 * A process in the POSIX (ASCII) locale failing on the first non-ASCII name (Python's "'ascii'
 * codec can't encode"): the image or env that lost the UTF-8 locale, with the variables the
 * revision dropped when it did.
 */
const asciiLocale: Reader = (c) => {
  if (!isAppError(c)) return undefined;
  const { container } = c.first.ref;
  const tail = c.lines.slice(-5);
  const told = explainMissingLocale(tail, c.lines, [container]);
  if (told === undefined) return undefined;
  const { revision, previous } = revisionsOf(c);
  const dropped = findDroppedLocale(revision, previous, container.name);
  const said = dropped !== undefined && revision !== undefined && previous !== undefined ? `revision ${revision.revision} dropped ${dropped}, which revision ${previous.revision} set` : undefined;
  const decisive = [...tail].reverse().find((l) => /codec can't|unmappable|invalid byte sequence/.test(l));
  return {
    title: `: ${told.summary}${said !== undefined ? ` (${said})` : ''}`,
    cause: `${told.likelyCause}${said !== undefined ? ` ${capitalize(said)}.` : ''}`,
    action: told.nextAction,
    fix: told.fix,
    ...(decisive !== undefined ? { decisive: decisive.trim() } : {}),
    evidence: said !== undefined ? [said] : [],
    sure: true,
  };
};

/** Read before the deciding line is known: what stops the start, then what the log and the runtime say. */
const BEFORE_THE_LINE: readonly Reader[] = [nodeReboot, busyExecutable, interpreter, loaderFailure, kestrelCertificate, preloadedAllocator, errexitStop, memoryTypo, argListTooLong, runtimeHeap, nodeKernelLimit, runtimeUlimit, unreadWebIdentity, metadataService, nodeIdentity, cudaDriver, illegalInstruction, legacyVsyscall, removedApi, staleToken, tokenNotMounted, leaseLoss, migrationChecksum, failedMigrationRow, classVersion, jvmOption, argsToEntrypoint, securityManager, strongEncapsulation, hadoopScheme, psychSafeLoad, removedStdlib, numpyAbi, missingCaBundle, opensslSecurityLevel, asciiLocale, enginePlatform, libraryMajor, kafkaNoOffset, inequivalentDeclare, keystoreType, fatalRejection, poisonMessage, grpcProbeOnTls, codeDefect, etcdRejoin, beanCycle, notNullViolation, serverVersionRequirement, stalePidFile, crashRecoveryUpgrade, volumeFilesystemError, corruptStateFile, railsCredentials, grantRefusal, hostKeyChanged, storeDataVersion];

/** Read from the deciding line and the log around it. */
const FROM_THE_LINE: readonly Reader[] = [portClash, absentDownwardKey, envFromPrefix, renamedEnvKey, yamlBoolean, unparsedValue, storePassword, rbacForbidden, keyFileMode, mountFileMode, securityRefusal, rootSquash, volumeOwner, foreignClusterData, serverNamesHash, pgPrivilege, failedMigration];

/** The crash's specific reading, if one explains it, and the line that decides it. */
export function readCrash(crash: Crash): { reading?: CrashReading; decisive?: string } {
  const early = firstFound(BEFORE_THE_LINE, crash, undefined);
  // The runtime's message decides a start failure; the log's last error decides an app's exit.
  const { cls, term } = crash.first;
  const message = condenseRuntimeMessage(term.message?.trim().split('\n')[0]);
  const decisive = early?.decisive ?? (cls === 'app-error' || cls === 'abort' || cls === 'segfault' ? undefined : message) ?? pickDecisiveLine(crash.lines) ?? message;
  const reading = early ?? firstFound(FROM_THE_LINE, crash, decisive);
  return { ...(reading ? { reading } : {}), ...(reading?.decisive ?? decisive ? { decisive: reading?.decisive ?? decisive } : {}) };
}

function firstFound(readers: readonly Reader[], crash: Crash, decisive: string | undefined): CrashReading | undefined {
  for (const read of readers) {
    const reading = read(crash, decisive);
    if (reading) return reading;
  }
  return undefined;
}

/**
 * containerd and runc wrap the reason in layers ("failed to create containerd task: failed to
 * create shim task: OCI runtime create failed: runc create failed: unable to start container
 * process: exec: …"): keep what the process start itself said.
 */
export function condenseRuntimeMessage(message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  const inner = /unable to start container process: (.*)$/.exec(message)?.[1] ?? /OCI runtime (?:create|exec) failed: (.*)$/.exec(message)?.[1] ?? message;
  return inner.replace(/: unknown$/, '').trim();
}

/** A heap (or a JVM pool beside it) too small for the work: the runtime's own out-of-memory message, with the flag that sized it. */
function describeHeapExhaustion(first: ExitHit, lines: readonly string[]): { title: string; fix: string; cause: string; action?: string } | undefined {
  const text = lines.join('\n');
  const { container } = first.ref;
  const v8 = /JavaScript heap out of memory|Reached heap limit/i.test(text);
  const jvm = /OutOfMemoryError: (Java heap space|GC overhead limit exceeded|Metaspace|Compressed class space|Direct buffer memory)/.exec(text);
  if (!v8 && !jvm) return undefined;
  const limit = parseQuantity(container.resources.limits['memory']);
  const what = v8 ? 'JavaScript heap out of memory' : `java.lang.OutOfMemoryError: ${jvm?.[1] ?? ''}`;
  const within = `the process gave up while the container itself still had memory${limit !== undefined ? ` (limit ${formatBytes(limit)})` : ''}. The kernel did not kill it; the runtime's own limit did, so a bigger memory limit would change nothing`;
  // A pool outside the heap is capped by its own flag: the heap's size has nothing to do with it.
  const pool = jvm && !/Java heap|GC overhead/.test(jvm[1] ?? '') ? jvm[1] ?? '' : undefined;
  if (pool !== undefined) {
    const cap = findJvmPoolCap(container, pool);
    const size = cap?.bytes !== undefined ? ` at ${formatBytes(cap.bytes)}` : '';
    return cap
      ? {
          title: `: ${what}; ${cap.flag} (${cap.where}) caps ${cap.what}${size}`,
          fix: `raise ${cap.name} (or drop it: the JVM sizes the pool to need)`,
          cause: `The JVM ran out of ${pool}, the memory for ${cap.what}, which ${cap.flag} (${cap.where}) caps${size}: the app needs more than that, so the JVM throws ${what} and ${within}.`,
          action: `Raise or remove ${cap.name} in ${cap.where.replace(/^env /, '')}; until then every start fails the same way. Restarting pods will not help.`,
        }
      : { title: `: ${what}`, fix: `find what fills ${pool} (a class-loader or buffer leak)`, cause: `The JVM ran out of ${pool} (${what}): ${within}.` };
  }
  const heap = findHeapSetting(container);
  const setting = heap ? `; ${describeHeap(heap, limit)}` : '';
  return {
    title: `: ${what}${setting}`,
    fix: heap ? `raise ${heap.flag.replace(/[=\d]+[a-z]*$/i, '')} within the container limit, or find what grows` : 'size the heap to the work (or find what grows)',
    cause: `The runtime's own heap ran out (${what}): ${within}.`,
  };
}

/** A value the process could not parse: where it came from decides the fix. */
function describeBadValue(bad: NonNullable<ReturnType<typeof findBadValue>>): Partial<ToldReading> {
  const fromSource = bad.sources.length > 0;
  // A carriage return at a value's end is a file saved with Windows line endings: every line of it carries one.
  const crlf = bad.flaw === 'a trailing carriage return';
  const flaw = bad.flaw ? ` (${bad.flaw}${crlf ? ': saved with Windows CRLF line endings' : ''})` : '';
  return {
    title: `: it cannot parse "${bad.value}"${flaw}${fromSource && bad.sources.length <= 2 ? `, from env ${bad.sources.join(' or ')}` : ''}`,
    cause: `The process was handed "${bad.value}" where it needs a ${/^\s*[\d.]/.test(bad.value) ? 'number' : 'valid value'}${bad.flaw ? `; the value carries ${bad.flaw}` : ''}. ${fromSource ? 'Values from a Secret or ConfigMap change without a rollout: a rotation or an edit there is the usual story when the revision is old.' : 'Its configuration says where the value comes from.'}`,
    ...(fromSource ? { action: `Fix the value at its source (${bad.sources[0]})${bad.flaw ? ` without ${bad.flaw}` : ''}; the pods pick it up when they restart.`, fix: `${bad.flaw ? `remove ${bad.flaw.replace(/^a /, 'the ')} from` : 'fix the value of'} ${bad.sources[0]}` } : {}),
    ...(!fromSource && crlf ? { action: 'Save the configuration the process reads again with LF line endings (no carriage returns); every pod that starts reads it as it is now.', fix: 'save the configuration with LF line endings' } : {}),
  };
}
