/**
 * A process the kernel refuses (EPERM, "Operation not permitted", EACCES, a read-only file system,
 * SIGSYS) in pods of a revision that tightened their sandbox: a seccomp profile, dropped
 * capabilities, no privilege escalation, a non-root user, a read-only root file system. The
 * refusal is that setting's doing, not the node's nor the image's: the previous revision ran the
 * same code unconfined. Hints the app prints about kernel settings mislead; the profile refuses.
 */
import type { PodEvidence, RevisionContainerEvidence, RevisionEvidence } from './evidence.js';
import { sortRevisions } from './revision-diff.js';
import { parseSecurityContext, type SecurityContextFields } from './security-context.js';
import { describeCapability, findRefusedExec, guessFileCapability, normalizeCapability, parsePorts } from './capability-loss.js';

export type SandboxSetting = 'seccomp' | 'capabilities' | 'no-new-privileges' | 'non-root' | 'read-only-root';

export interface SecurityRefusal {
  setting: SandboxSetting;
  /** As a reader names it: "seccomp profile RuntimeDefault", "capabilities drop ALL". */
  label: string;
  /** The revision that brought the setting in, and the one before it. */
  revision: number;
  previous: number;
  /** The log line that shows the refusal. */
  line: string;
  /** The system call the log names, when it names one ("io_uring"). */
  syscall?: string;
  /** A clause for a title: "the seccomp profile RuntimeDefault (new in revision 9) refuses it a system call (io_uring)". */
  clause: string;
  cause: string;
  fix: string;
}

/** EPERM as C, Go, Rust, Zig and Python print it; SIGSYS when a profile kills instead of refusing. */
const EPERM = /\bEPERM\b|operation not permitted|\bPermissionDenied\b/i;
// A database's "permission denied for table …" is its own grant system, not the kernel.
const EACCES = /\bEACCES\b|permission denied(?! for (?:table|relation|schema|database|sequence|function|view))/i;
const SIGSYS = /bad system call|\bSIGSYS\b|\bENOSYS\b|function not implemented|\bseccomp\b/i;
const EROFS = /read-only file system|\bEROFS\b/i;

/** System calls the runtimes' default seccomp profiles refuse, as logs name them. */
const FILTERED_SYSCALL = /\b(io_uring(?:_setup|_enter|_register)?|ptrace|unshare|setns|mount|umount2?|pivot_root|keyctl|add_key|request_key|perf_event_open|bpf|userfaultfd|personality|kexec_load|clone3|name_to_handle_at|open_by_handle_at|quotactl|acct|swapon|reboot|syslog|lookup_dcookie|init_module|finit_module|delete_module|mbind|set_mempolicy|move_pages)\b/;

type Sc = SecurityContextFields;

function field(sc: Sc, path: readonly string[]): unknown {
  let v: unknown = sc;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Sc)[k] : undefined;
  return v;
}

/** The effective security settings of one container of a revision: its own over the pod's. */
interface Effective {
  seccomp?: string;
  drop: string[];
  add: string[];
  /** Its container ports: a non-root process serving one below 1024 needs NET_BIND_SERVICE. */
  ports: number[];
  noNewPrivs: boolean;
  user?: number;
  nonRoot: boolean;
  readOnlyRoot: boolean;
}

function effective(r: RevisionEvidence, container: string): Effective | undefined {
  const c: RevisionContainerEvidence | undefined = [...r.containers, ...(r.template?.initContainers ?? [])].find((x) => x.name === container);
  if (c === undefined) return undefined;
  const pod = parseSecurityContext(r.template?.securityContext);
  const own = parseSecurityContext(c.securityContext);
  const pick = (path: readonly string[]): unknown => field(own, path) ?? field(pod, path);
  const seccomp = pick(['seccompProfile', 'type']);
  const user = pick(['runAsUser']);
  const caps = (path: readonly string[]) => {
    const v = field(own, path);
    return Array.isArray(v) ? v.map((x) => normalizeCapability(String(x))) : [];
  };
  return {
    ...(typeof seccomp === 'string' && seccomp !== 'Unconfined' ? { seccomp } : {}),
    drop: caps(['capabilities', 'drop']),
    add: caps(['capabilities', 'add']),
    ports: parsePorts(c.ports),
    noNewPrivs: field(own, ['allowPrivilegeEscalation']) === false,
    ...(typeof user === 'number' ? { user } : {}),
    nonRoot: pick(['runAsNonRoot']) === true || (typeof user === 'number' && user !== 0),
    readOnlyRoot: field(own, ['readOnlyRootFilesystem']) === true,
  };
}

interface Tightened {
  setting: SandboxSetting;
  label: string;
  /** Of capabilities: those the older revision added and the newer one no longer grants, the ones the process needed. */
  removed?: string[];
}

/** The capabilities a container runtime grants by default (containerd, CRI-O, Docker): losing an add of one of these without a drop loses nothing. */
const DEFAULT_CAPS = new Set(['CHOWN', 'DAC_OVERRIDE', 'FSETID', 'FOWNER', 'MKNOD', 'NET_RAW', 'SETGID', 'SETUID', 'SETFCAP', 'SETPCAP', 'NET_BIND_SERVICE', 'SYS_CHROOT', 'KILL', 'AUDIT_WRITE']);

/** Capabilities the older revision added that the newer one neither adds nor leaves by default. */
function listRemovedAdds(older: Effective, newer: Effective): string[] {
  const dropsAll = newer.drop.includes('ALL');
  return older.add.filter((c) => !newer.add.includes(c) && (dropsAll || newer.drop.includes(c) || !DEFAULT_CAPS.has(c)));
}

/** What the newer revision forbids that the older one allowed, for this container. */
function listTightened(older: Effective, newer: Effective): Tightened[] {
  const out: Tightened[] = [];
  if (newer.seccomp !== undefined && newer.seccomp !== older.seccomp) out.push({ setting: 'seccomp', label: `seccomp profile ${newer.seccomp}` });
  const dropped = newer.drop.filter((d) => !older.drop.includes(d));
  const removed = listRemovedAdds(older, newer);
  if (dropped.length > 0 || removed.length > 0) {
    const label = dropped.length > 0 ? `capabilities drop ${dropped.join(', ')}` : `capabilities.add ${removed.join(', ')} removed`;
    out.push({ setting: 'capabilities', label, ...(removed.length > 0 ? { removed } : {}) });
  }
  if (newer.noNewPrivs && !older.noNewPrivs) out.push({ setting: 'no-new-privileges', label: 'allowPrivilegeEscalation: false' });
  if (newer.nonRoot && (!older.nonRoot || newer.user !== older.user)) out.push({ setting: 'non-root', label: newer.user !== undefined ? `runAsUser ${newer.user}` : 'runAsNonRoot' });
  if (newer.readOnlyRoot && !older.readOnlyRoot) out.push({ setting: 'read-only-root', label: 'readOnlyRootFilesystem' });
  return out;
}

/**
 * The port below 1024 a refused bind names ("bind() to 0.0.0.0:80 failed (13: Permission denied)",
 * "listen tcp :80: bind: permission denied", "listen EACCES: permission denied 0.0.0.0:80"): only
 * root or NET_BIND_SERVICE may bind it. Read after the bind/listen word, past the log's timestamp.
 */
export function findPrivilegedPort(line: string): number | undefined {
  if (!EACCES.test(line)) return undefined;
  const at = line.search(/\b(?:bind|listen)|make_sock/i);
  if (at < 0) return undefined;
  const ports = [...line.slice(at).matchAll(/(?:[\w.\]]:|\s:|\bport\s+)(\d{1,5})\b/gi)].map((m) => Number(m[1]));
  const port = ports.at(-1);
  return port !== undefined && port > 0 && port < 1024 ? port : undefined;
}

/** Which settings can refuse what the line says, likeliest first. */
function suspectsFor(line: string): SandboxSetting[] {
  // A hedged guess ("read-only file system?") is a script's aside, not the refusal that stopped it.
  if (EROFS.test(line)) return /read-only file system\?/i.test(line) ? [] : ['read-only-root'];
  if (findPrivilegedPort(line) !== undefined) return ['non-root', 'capabilities'];
  // An exec refused EPERM is a binary with file capabilities the bounding set lacks: no seccomp profile refuses execve.
  if (findRefusedExec(line) !== undefined) return ['capabilities'];
  if (SIGSYS.test(line)) return ['seccomp'];
  if (EPERM.test(line)) return ['seccomp', 'capabilities', 'no-new-privileges', 'non-root'];
  if (EACCES.test(line)) return ['non-root', 'capabilities', 'no-new-privileges', 'seccomp'];
  return [];
}

type Told = Pick<SecurityRefusal, 'clause' | 'cause' | 'fix'>;

function tell(t: Tightened, revision: number, previous: number, syscall: string | undefined, port: number | undefined, line: string, newer: Effective): Told {
  const call = syscall ? ` (${syscall})` : '';
  if (port !== undefined && (t.setting === 'non-root' || t.setting === 'capabilities')) return tellPrivilegedPort(t, revision, previous, port);
  if (t.setting === 'capabilities') return tellLostCapability(t, revision, previous, line, newer);
  switch (t.setting) {
    case 'seccomp':
      return {
        clause: `the ${t.label} (new in revision ${revision}) refuses it a system call${call}`,
        cause: `Revision ${revision} put the container under ${t.label}: the runtime's filter refuses system calls outside its allow-list${syscall ? `, ${syscall} among them,` : ''} with EPERM ("Operation not permitted"), and the process gives up. Revision ${previous} ran the same code without the profile: what changed is the filter, not the kernel or the node.`,
        fix: `allow the refused system call${call}: a Localhost seccomp profile that permits it (Unconfined for this container as a stopgap)`,
      };
    case 'no-new-privileges':
      return {
        clause: `allowPrivilegeEscalation: false (new in revision ${revision}) refuses it an operation`,
        cause: `Revision ${revision} set allowPrivilegeEscalation: false (no_new_privs): setuid binaries and file capabilities (setcap) no longer grant anything, so what the process relied on them for is refused.`,
        fix: 'grant the capability to the container directly instead of through setuid or file capabilities, or re-allow privilege escalation',
      };
    case 'non-root':
      return {
        clause: `it runs as a non-root user since revision ${revision} (${t.label}) and is refused`,
        cause: `Revision ${revision} made the container run as a non-root user (${t.label}): files and directories the image leaves to root, and ports below 1024, are refused to it.`,
        fix: 'make what it writes owned by that user (fsGroup, a writable volume, chown in the image), or use a port above 1024',
      };
    case 'read-only-root':
      return {
        clause: `the root file system is read-only since revision ${revision} (readOnlyRootFilesystem)`,
        cause: `Revision ${revision} set readOnlyRootFilesystem: every write outside a mounted volume fails with "Read-only file system".`,
        fix: 'mount an emptyDir where it writes (/tmp, its cache or run directory)',
      };
  }
}

/**
 * Capabilities taken away: the one the revision before added, when it did, is the one the process
 * needs; a refused exec is a binary whose file capabilities the bounding set no longer holds.
 */
function tellLostCapability(t: Tightened, revision: number, previous: number, line: string, newer: Effective): Told {
  const removed = t.removed ?? [];
  const binary = findRefusedExec(line);
  if (binary !== undefined) {
    const guess = guessFileCapability({ removed, previous, ...(newer.user !== undefined ? { user: newer.user } : {}), nonRoot: newer.nonRoot, ports: newer.ports });
    const cap = guess ? ` (most likely cap_${guess.cap.toLowerCase()}: ${guess.why})` : '';
    return {
      clause: `${binary} carries file capabilities (setcap${guess ? `, most likely ${guess.cap}` : ''}) that revision ${revision}'s ${t.label} took out of the bounding set, so the kernel refuses to exec it`,
      cause: `The image gives ${binary} file capabilities (setcap)${cap}. Revision ${revision} dropped Linux capabilities (${t.label}); the kernel will not exec a binary whose file capabilities it cannot grant, so runc's exec fails "operation not permitted" before the process runs (StartError, exit 128). The runtime's default seccomp profile allows exec: it is not what refuses it. Revision ${previous} kept the capability in the bounding set.`,
      fix: guess
        ? `add ${guess.cap} back (securityContext.capabilities.add beside drop ALL)${guess.cap === 'NET_BIND_SERVICE' ? ', or make it listen on ports above 1024 and drop the file capability from the image' : ''}`
        : `add back the capability ${binary}'s file capabilities name (getcap ${binary} in the image; securityContext.capabilities.add beside drop ALL), or remove the file capability from the image`,
    };
  }
  if (removed.length > 0) {
    const names = removed.join(', ');
    return {
      clause: `revision ${revision} no longer grants it ${names} (${t.label}) and the kernel refuses it an operation`,
      cause: `Revision ${previous} added ${removed.map(describeCapability).join('; ')} to this container; revision ${revision} dropped capabilities (${t.label}) without adding ${removed.length === 1 ? 'it' : 'them'} back, so what the process did with ${removed.length === 1 ? 'it' : 'them'} is refused (EPERM, "Operation not permitted").`,
      fix: `add ${names} back to this container (securityContext.capabilities.add beside drop ALL)`,
    };
  }
  return {
    clause: `revision ${revision} dropped capabilities (${t.label}) and the kernel refuses it an operation`,
    cause: `Revision ${revision} dropped Linux capabilities (${t.label}): binding a port below 1024 needs NET_BIND_SERVICE, chown CHOWN, switching user SETUID/SETGID, raw sockets NET_RAW, tracing another process SYS_PTRACE. Revision ${previous} had them.`,
    fix: 'add back the one capability the refused operation needs (securityContext.capabilities.add)',
  };
}

/** A bind below 1024 refused: root or NET_BIND_SERVICE may bind it, the revision took both away. */
function tellPrivilegedPort(t: Tightened, revision: number, previous: number, port: number): Pick<SecurityRefusal, 'clause' | 'cause' | 'fix'> {
  const why = t.setting === 'non-root' ? `it runs as a non-root user since revision ${revision} (${t.label})` : `revision ${revision} dropped capabilities (${t.label})`;
  return {
    clause: `${why} and may not bind port ${port} (below 1024)`,
    cause: `Revision ${revision} ${t.setting === 'non-root' ? `made the container run as a non-root user (${t.label})` : `dropped its capabilities (${t.label})`}: ports below 1024 are privileged, only root or NET_BIND_SERVICE may bind them, so the kernel refuses the bind to port ${port} (EACCES) and the process exits. Revision ${previous} ran the same image ${t.setting === 'non-root' ? 'as root' : 'with the capability'}.`,
    fix: t.setting === 'non-root'
      ? `make it listen on a port above 1024 (the containerPort, probes and the Service's targetPort with it), or let unprivileged users bind low ports (sysctl net.ipv4.ip_unprivileged_port_start=0)`
      : 'add back NET_BIND_SERVICE (securityContext.capabilities.add), or make it listen on a port above 1024',
  };
}

/**
 * Why the kernel refuses this container of these pods, when a tightened security setting of their
 * revision explains the refusal `lines` show; undefined when no line is a refusal or nothing was
 * tightened (then the refusal is the app's or the node's story).
 */
export function findSecurityRefusal(revisions: readonly RevisionEvidence[], pods: readonly PodEvidence[], container: string, lines: readonly string[]): SecurityRefusal | undefined {
  const refusals = lines.filter((l) => suspectsFor(l).length > 0);
  if (refusals.length === 0) return undefined;
  const sorted = sortRevisions(revisions);
  const i = sorted.findIndex((r) => pods.some((p) => p.revisionHash === r.hash));
  const newer = sorted[i];
  const older = sorted[i + 1];
  if (newer === undefined || older === undefined) return undefined;
  const a = effective(older, container);
  const b = effective(newer, container);
  if (a === undefined || b === undefined) return undefined;
  const tightened = listTightened(a, b);
  // The last refusal is the one the process died of: explain it first, earlier ones after.
  const explained = [...refusals].reverse().map((l) => ({ l, t: suspectsFor(l).map((s) => tightened.find((x) => x.setting === s)).find((x) => x !== undefined) }));
  const hit = explained.find((x) => x.t !== undefined);
  const t = hit?.t;
  if (hit === undefined || t === undefined) return undefined;
  const syscall = t.setting === 'seccomp' ? lines.map((l) => FILTERED_SYSCALL.exec(l)?.[1]).find((x) => x !== undefined)?.replace(/_(setup|enter|register)$/, '') : undefined;
  const port = findPrivilegedPort(hit.l);
  return { setting: t.setting, label: t.label, revision: newer.revision, previous: older.revision, line: hit.l.trim(), ...(syscall ? { syscall } : {}), ...tell(t, newer.revision, older.revision, syscall, port, hit.l, b) };
}

/** Words that tie a mechanism to a security setting and the diff line that changed it. */
const SETTING_WORDS = /seccomp|capabilit|allowPrivilegeEscalation|runAsNonRoot|runAsUser|readOnlyRootFilesystem|sysctl/gi;

/** The diff line that changed the security setting a mechanism names; undefined when it names none. */
export function pickSecurityChange(mechanismText: string, diff: readonly string[]): string | undefined {
  const words = [...new Set((mechanismText.match(SETTING_WORDS) ?? []).map((w) => w.toLowerCase()))];
  if (words.length === 0) return undefined;
  return diff.find((l) => / securityContext(?::| sysctls) /.test(l) && words.some((w) => l.toLowerCase().includes(w)));
}
