/**
 * A compiled Python package built against NumPy 1.x imported under NumPy 2.x. NumPy 2 changed its C
 * ABI, so the package's extension fails at import: "numpy.dtype size changed, may indicate binary
 * incompatibility. Expected 96 from C header, got 88 from PyObject", "A module that was compiled
 * using NumPy 1.x cannot be run in NumPy 2.x", "_ARRAY_API not found". The package itself is often
 * pinned; numpy, pulled in as its dependency without an upper bound, moved under it when the image
 * was rebuilt. Not an API break of the package (library-major-move.ts): its pin is not what moved.
 */
import type { RevisionEvidence } from './evidence.js';
import { findLibraryVersion, findRebuild, type LibraryMajorMove } from './library-major-move.js';

export interface NumpyAbiBreak {
  /** The import error's own line. */
  line: string;
  /** The compiled package whose import failed ("pandas"), from the traceback's last frames. */
  package?: string;
  /** The numpy version the crashed run logged, if it did. */
  numpy?: string;
  rebuild?: LibraryMajorMove['rebuild'];
}

const ABI_LINE = /numpy\.(?:dtype|ndarray|ufunc) size changed, may indicate binary incompatibility|compiled using NumPy 1\.x cannot be run in\s+NumPy 2|_ARRAY_API not found/;
/** A frame under an installed package, or a Cython frame named relative to it ("pandas/_libs/interval.pyx"). */
const PACKAGE_FRAME = /^\s+File "(?:[^"]*\/(?:site|dist)-packages\/)?([A-Za-z_]\w*)\/[^"]*"/;

function findFailingPackage(lines: readonly string[], at: number): string | undefined {
  for (let i = at - 1; i >= 0 && i >= at - 40; i--) {
    const l = lines[i] ?? '';
    if (/Traceback \(most recent call last\):/.test(l)) break;
    const pkg = PACKAGE_FRAME.exec(l)?.[1];
    if (pkg !== undefined && pkg.toLowerCase() !== 'numpy') return pkg;
  }
  return undefined;
}

export function findNumpyAbiBreak(input: {
  lines: readonly string[];
  revisions: readonly RevisionEvidence[];
  revisionHash: string | undefined;
  container: string;
}): NumpyAbiBreak | undefined {
  const at = input.lines.findIndex((l) => ABI_LINE.test(l));
  if (at < 0) return undefined;
  const pkg = findFailingPackage(input.lines, at);
  const numpy = findLibraryVersion(input.lines, 'numpy');
  const rebuild = findRebuild(input.revisions, input.revisionHash, input.container);
  return {
    line: (input.lines[at] ?? '').trim(),
    ...(pkg ? { package: pkg } : {}),
    ...(numpy ? { numpy } : {}),
    ...(rebuild ? { rebuild } : {}),
  };
}

/** The finding's words: a package compiled for NumPy 1 under NumPy 2, and the pin that holds numpy back. */
export function tellNumpyAbiBreak(b: NumpyAbiBreak): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const pkg = b.package ?? 'a compiled package';
  const np2 = `NumPy 2${b.numpy ? ` (${b.numpy})` : ''}`;
  const built = b.rebuild ? `Revision ${b.rebuild.revision} rebuilt the same code (${b.rebuild.app}) as revision ${b.rebuild.previous}, and the rebuild` : 'The build';
  const upgrade = b.package ? `upgrade ${b.package} to a release built for NumPy 2` : 'upgrade the compiled package to a release built for NumPy 2';
  const fix = `pin numpy<2 in the requirements (or ${upgrade}) and rebuild`;
  return {
    title: `: ${pkg} was compiled against NumPy 1.x and is imported under ${np2} (binary incompatibility)`,
    cause: `${built} resolved numpy to ${np2}: numpy has no upper bound in the requirements (it is pulled in unpinned as ${pkg}'s dependency), and NumPy 2 changed its C ABI, so ${pkg}'s compiled extensions, built against NumPy 1.x, fail at import. The app's code did not change; the numpy under it did.`,
    action: `Roll back to the previous build${b.rebuild ? ` (revision ${b.rebuild.previous})` : ''}, then ${fix}. Restarting the pods will not help.`,
    fix,
    evidence: [
      `import fails in ${pkg}'s compiled extension: ${b.line}`,
      `numpy installed by the crashed run: ${b.numpy ?? 'not logged'}`,
      ...(b.rebuild ? [`revision ${b.rebuild.revision} rebuilt app version ${b.rebuild.app}${b.rebuild.cause ? ` — ${b.rebuild.cause}` : ''}`] : []),
    ],
  };
}
