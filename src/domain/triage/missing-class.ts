/**
 * A class the program's own code names and its autoloader cannot find, on requests of pods that
 * stay Ready: PHP's `Class "App\Billing\Renderer" not found` (an uncaught Error, HTTP 500, logged
 * per request). The process is up and its probes pass, so only the routes that need the class fail,
 * every time. That is a packaging defect of the image the pods run, not noise: the class's file is
 * missing from the image, or its file name differs from the class name only in letter case — a
 * rename on a case-insensitive filesystem (macOS) that git kept under the old name, which works on
 * the developer's machine and not on Linux, where PSR-4 autoloading looks for the exact name.
 */

/** PHP 8 quotes the name in double quotes, PHP 7 in single ones; interfaces, traits and enums fail alike. */
const PHP_MISSING = /\b(Class|Interface|Trait|Enum) ["']([A-Za-z_\\][\w\\]*)["'] not found\b/;

export interface MissingClassLine {
  /** "Class", "Interface", "Trait" or "Enum", as PHP words it. */
  what: string;
  /** The fully qualified name, with single backslashes: "App\Billing\Renderer". */
  name: string;
  /** "Class "App\Billing\Renderer" not found", as the error states it. */
  quote: string;
}

/** The class a log line says could not be found, or undefined. JSON-escaped backslashes are read as one. */
export function parseMissingClass(line: string): MissingClassLine | undefined {
  const m = PHP_MISSING.exec(line);
  if (!m) return undefined;
  const what = m[1] ?? 'Class';
  const name = (m[2] ?? '').replace(/\\+/g, '\\').replace(/^\\/, '');
  if (!name) return undefined;
  return { what, name, quote: `${what} "${name}" not found` };
}
