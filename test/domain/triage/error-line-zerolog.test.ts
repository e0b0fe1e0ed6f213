// zerolog's console writer (Traefik v3 and other Go programs) writes a three-letter level after the
// time: ERR, FTL and PNC report failures; INF, WRN and DBG do not.
import { describe, expect, it } from 'vitest';
import { isErrorLine } from '../../../src/domain/triage/error-line.js';

describe("zerolog's console lines", () => {
  it('counts ERR, FTL and PNC lines as errors', () => {
    expect(isErrorLine('2026-11-21T03:12:41Z ERR github.com/acme/proxy/pkg/server/router.go:136 > error="middleware \\"gateway-auth@file\\" does not exist" entryPointName=web routerName=orders@file')).toBe(true);
    expect(isErrorLine('2026-11-21T03:12:41.123+01:00 FTL cmd/main.go:88 > cannot open config file error="open /etc/app.yaml: no such file or directory"')).toBe(true);
    expect(isErrorLine('3:12AM PNC runtime error: index out of range')).toBe(true);
  });

  it('leaves INF, WRN and DBG lines alone', () => {
    expect(isErrorLine('2026-11-21T03:12:41Z INF Starting provider *file.Provider')).toBe(false);
    expect(isErrorLine('2026-11-21T03:12:41Z WRN Retrying connection error="dial tcp: i/o timeout"')).toBe(false);
    expect(isErrorLine('3:12AM DBG reloading configuration')).toBe(false);
  });
});
