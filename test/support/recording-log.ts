/** A Log that keeps its lines for assertions and prints nothing. */
import type { Log } from '../../src/domain/ports.js';

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  obj: object;
  msg: string | undefined;
}

export class RecordingLog implements Log {
  readonly lines: LogLine[] = [];

  info(obj: object, msg?: string): void {
    this.lines.push({ level: 'info', obj, msg });
  }

  warn(obj: object, msg?: string): void {
    this.lines.push({ level: 'warn', obj, msg });
  }

  error(obj: object, msg?: string): void {
    this.lines.push({ level: 'error', obj, msg });
  }
}
