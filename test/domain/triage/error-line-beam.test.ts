// Elixir's Logger and Erlang's logger write their level in lower case (`[error]`, `error:`), and
// Erlang distribution writes its refusals framed in `** … **`: these are errors like any other.
import { describe, expect, it } from 'vitest';
import { isErrorLine } from '../../../src/domain/triage/error-line.js';

describe("BEAM (Elixir, Erlang) logs", () => {
  it('counts Elixir Logger lines at error and above', () => {
    expect(isErrorLine('03:02:11.481 [error] ** Connection attempt from node :"presence@10.0.3.142" rejected. Invalid challenge reply. **')).toBe(true);
    expect(isErrorLine('03:02:11.481 request_id=F8x2 [error] GenServer #PID<0.512.0> terminating')).toBe(true);
    expect(isErrorLine('2026-11-21 03:02:11.481 [critical] Oban.Queue crashed')).toBe(true);
  });

  it("counts Erlang logger's `error:` lines, its report headers and distribution refusals at any level", () => {
    expect(isErrorLine('2026-11-21T03:02:11.481023+00:00 error: Supervisor received unexpected message')).toBe(true);
    expect(isErrorLine('=ERROR REPORT==== 21-Nov-2026::03:02:11.481 ===')).toBe(true);
    expect(isErrorLine("** Connection attempt from disallowed node 'rabbit@rabbitmq-2' **")).toBe(true);
  });

  it('leaves info, warning and debug lines alone', () => {
    expect(isErrorLine('03:02:11.481 [info] JOINED presence:doc:8813 in 88µs')).toBe(false);
    expect(isErrorLine('03:02:11.481 [warning] [libcluster:presence] unable to connect to :"presence@10.0.3.142"')).toBe(false);
    expect(isErrorLine('2026-11-21T03:02:11.481023+00:00 notice: Application started')).toBe(false);
  });
});
