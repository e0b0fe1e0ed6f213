/**
 * The shape of a Python traceback in a log: `Traceback (most recent call last):`, then frames —
 * a `  File "…", line N, in f` header with the indented source line (and caret markers) under it —
 * then, flush left, the exception that ends it (`hvac.exceptions.VaultDown: Vault is sealed`).
 * The frames say where; the exception says why, whatever its name (not every exception is called
 * …Error). A chain ("During handling of the above exception…", "The above exception was the
 * direct cause…") is several tracebacks, each ending with its own exception.
 */

/** The header, flush left or after the prefix a log handler puts on it (gunicorn's `[time] [pid] [ERROR] Traceback …`). */
const HEADER = /(?:^|\s)Traceback \(most recent call last\):\s*$/;
const FRAME = /^\s+File "[^"]*", line \d+/;
/** `module.Name: message`, or a bare `Name` (KeyboardInterrupt): a dotted identifier, flush left. */
const EXCEPTION = /^(?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*(?::(?:\s.*)?)?$/;

export interface PythonTracebacks {
  /** Indexes of frame lines (headers, their source lines, caret markers): code, never the reason. */
  frames: Set<number>;
  /** Indexes of the exception lines that end each traceback. */
  exceptions: Set<number>;
}

/** The frames and exceptions of every Python traceback among the raw (untrimmed) lines. */
export function findPythonTracebacks(lines: readonly string[]): PythonTracebacks {
  const frames = new Set<number>();
  const exceptions = new Set<number>();
  let inTrace = false;
  let inFrame = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (HEADER.test(line.trim())) {
      inTrace = true;
      inFrame = false;
      continue;
    }
    if (!inTrace) continue;
    if (FRAME.test(line)) {
      frames.add(i);
      inFrame = true;
    } else if (inFrame && /^\s/.test(line) && line.trim() !== '') {
      // The source line under a frame header, and its caret markers: indented, before the next header.
      frames.add(i);
    } else if (line.trim() !== '') {
      if (EXCEPTION.test(line)) exceptions.add(i);
      inTrace = false;
      inFrame = false;
    }
  }
  return { frames, exceptions };
}
