/**
 * A segfault (exit 139) only on nodes whose kernel maps no legacy vsyscall page. Binaries linked
 * against glibc before 2.14 (RHEL/CentOS 6 and older), or statically against an old libc, call
 * time(), gettimeofday() and getcpu() through that fixed page; a kernel booted with vsyscall=none
 * (hardened images set it) does not map it, so the first such call faults before the program does
 * anything. The same build runs on nodes that boot without it: the nodes' boot options are the
 * cause, the old build the reason it is exposed. Told for certain when the failing nodes' boot
 * options (a label or annotation, node-feature-discovery's kernel-config label) say vsyscall=none
 * and the healthy nodes' do not; told as likely when those options cannot be read but the log
 * names an old build and the failing nodes run another kernel than the healthy ones.
 */
import type { NodeEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { findPlace, nodesOf } from './failing-place.js';
import { isPodHealthy, unique } from './pod-status.js';

/** node-feature-discovery's label for a kernel built with no vsyscall page by default. */
const NFD_VSYSCALL_NONE = 'feature.node.kubernetes.io/kernel-config.LEGACY_VSYSCALL_NONE';

/** What a log or an image says of a build that predates the vDSO-only glibc: an el5/el6 or CentOS/RHEL 5–6 build, or glibc 2.5–2.13 named. */
const OLD_LIBC = /\bel[56]\b|\b(?:centos|rhel|red hat enterprise linux)[ -:]?[56](?:\.\d+)?\b|\bglibc[ _-]?2\.(?:[5-9]|1[0-3])\b/i;

/** A build dated before 2015, when toolchains still emitted vsyscall calls: a weaker hint, told beside the other. */
const OLD_YEAR = /\b(?:buil[dt]|compiled)\b[^\n]{0,24}?\b(200\d|201[0-4])(?:[-/.]\d\d)?\b/i;

export interface LegacyVsyscall {
  title: string;
  cause: string;
  fix: string;
  evidence: string[];
  outside: string;
  datesChange?: true;
  /** The failing nodes' boot options say vsyscall=none: the reading is certain, not inferred. */
  sure: boolean;
}

/** The vsyscall mode a node boots with: its command line's vsyscall= option, else none when its kernel is built so. */
export function readVsyscallMode(n: NodeEvidence): string | undefined {
  const opt = /(?:^|\s)vsyscall=(\w+)/.exec(n.bootOptions ?? '')?.[1];
  if (opt !== undefined) return opt.toLowerCase();
  return n.labels?.[NFD_VSYSCALL_NONE] === 'true' ? 'none' : undefined;
}

/** The words of the log lines or images that name an old build ("el6, build 2014-03"), with the first line that does. */
export function findOldBuild(texts: readonly string[]): { hint: string; line: string } | undefined {
  const hints: string[] = [];
  let line: string | undefined;
  for (const re of [OLD_LIBC, OLD_YEAR]) {
    const t = texts.find((x) => re.test(x));
    const m = t === undefined ? null : re.exec(t);
    if (t === undefined || m === null) continue;
    hints.push(re === OLD_YEAR ? `built ${m[1] ?? ''}` : m[0]);
    line ??= t.trim().slice(0, 200);
  }
  return line === undefined ? undefined : { hint: hints.join(', '), line };
}

function kernelsOf(nodes: readonly NodeEvidence[]): string[] | undefined {
  const k = nodes.map((n) => n.kernelVersion);
  return k.every((v): v is string => v !== undefined) ? unique(k) : undefined;
}

/**
 * The reading of a segfault confined to nodes booted without the vsyscall page; undefined when
 * the failing pods share their nodes with healthy ones, or nothing says vsyscall=none or an old
 * build on another kernel.
 */
export function findLegacyVsyscall(ev: TriageEvidence, failing: readonly PodEvidence[], lines: readonly string[]): LegacyVsyscall | undefined {
  const names = new Set(failing.map((p) => p.name));
  const revisions = new Set(failing.map((p) => p.revisionHash));
  // The same revision running elsewhere is what clears the build: an older one says nothing of it.
  const fine = ev.pods.filter((p) => !names.has(p.name) && revisions.has(p.revisionHash) && isPodHealthy(p, ev.collectedAt));
  const place = fine.length > 0 ? findPlace(ev, failing, fine) : undefined;
  if (place === undefined) return undefined;
  const bad = nodesOf(ev, failing);
  const good = nodesOf(ev, fine);
  if (bad.length === 0 || good.length === 0) return undefined;
  // A kernel that maps the page where it fails, or maps none where the build runs, clears it.
  if (bad.some((n) => readVsyscallMode(n) !== undefined && readVsyscallMode(n) !== 'none') || good.some((n) => readVsyscallMode(n) === 'none')) return undefined;
  const booted = bad.every((n) => readVsyscallMode(n) === 'none') && good.every((n) => readVsyscallMode(n) !== 'none');
  const images = unique(failing.flatMap((p) => p.containers.map((c) => c.image)));
  const old = findOldBuild([...lines, ...images]);
  const badKernels = kernelsOf(bad);
  const goodKernels = kernelsOf(good);
  const otherKernel = badKernels !== undefined && goodKernels !== undefined && badKernels.every((k) => !goodKernels.includes(k));
  if (!booted && !(old !== undefined && otherKernel)) return undefined;
  const where = place.name;
  const kernel = badKernels?.join(', ');
  const goodKernel = goodKernels?.join(', ');
  const build = old ? `this old build (${old.hint})` : 'the binary';
  const dated = place.addedAgo ? `; ${place.byPool ? 'its nodes were' : 'they were'} added ${place.addedAgo}` : '';
  const title = booted
    ? `: ${where} boots its kernel with vsyscall=none, and ${build} calls the legacy vsyscall page${dated}`
    : `: ${build} likely calls the legacy vsyscall page, which the kernel of ${where} (${kernel ?? 'another kernel'}) may not map${dated}`;
  const setting = booted
    ? `${where} boots with vsyscall=none, so its kernel maps no such page and the first such call faults (SIGSEGV, exit 139) before the program does anything`
    : `${where} runs kernel ${kernel ?? 'another kernel'}, not the ${goodKernel ?? 'healthy nodes\''} kernel; if it boots with vsyscall=none (hardened images set it), its kernel maps no such page and the first such call faults (SIGSEGV, exit 139)`;
  const evidence = [
    ...bad.slice(0, 2).map((n) => `node ${n.name}: kernel ${n.kernelVersion ?? 'unknown'}${n.osImage ? ` (${n.osImage})` : ''}; vsyscall=${readVsyscallMode(n) ?? 'not stated'}`),
    `the same revision runs on ${place.elsewhere}: kernel ${goodKernel ?? 'unknown'}${unique(good.flatMap((n) => n.osImage ?? [])).map((o) => ` (${o})`).join('')}; vsyscall=${unique(good.map((n) => readVsyscallMode(n) ?? 'not stated')).join(', ')}`,
    ...(old ? [`log: ${old.line}`] : []),
  ];
  return {
    title,
    cause:
      `Binaries linked against glibc before 2.14 (RHEL/CentOS 6 and older), or statically against an old libc, call time(), gettimeofday() and getcpu() through the kernel's fixed legacy vsyscall page. ` +
      `${setting}. The same revision runs on ${place.elsewhere}${goodKernel ? ` (kernel ${goodKernel})` : ''}: the nodes' kernel boot options are the cause, not the workload, and restarting will not help.`,
    fix: `boot ${where} with vsyscall=xonly (or emulate), or rebuild the binary against a current glibc`,
    evidence,
    outside: `the kernel boot options of ${where}: any revision of this binary fails the same way there`,
    ...(dated ? { datesChange: true as const } : {}),
    sure: booted,
  };
}

