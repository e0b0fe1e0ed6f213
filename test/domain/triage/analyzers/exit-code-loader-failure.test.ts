import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import { findLoaderFailure } from '../../../../src/domain/triage/loader-failure.js';
import { terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

/** musl's loader: the missing libraries, then every symbol they would have given (last, and only the consequence). */
const MUSL_LOG = [
  'Error loading shared library libpq.so.5: No such file or directory (needed by /opt/ledger/bin/ledgerd)',
  'Error loading shared library libzstd.so.1: No such file or directory (needed by /opt/ledger/bin/ledgerd)',
  'Error relocating /opt/ledger/bin/ledgerd: PQconnectdb: symbol not found',
  'Error relocating /opt/ledger/bin/ledgerd: ZSTD_compress: symbol not found',
];

describe('exit 127 from the dynamic loader', () => {
  it('names the libraries missing from the image and quotes the loader, not command-not-found nor the symbols it lists after', () => {
    const [f] = analyzeExitCodes(crashScenario(2, () => terminated(127, 'Error', 2, { runSeconds: 0 }), { logs: MUSL_LOG }));
    expect(f?.title).not.toContain('command not found');
    expect(f?.title).toContain('libpq.so.5 and libzstd.so.1 are not in the image');
    expect(f?.decisive).toBe('Error loading shared library libpq.so.5: No such file or directory (needed by /opt/ledger/bin/ledgerd)');
    expect(f?.likelyCause).toMatch(/musl/);
    expect(f?.fix).toBe("ship libpq.so.5 and libzstd.so.1 in the image, or build /opt/ledger/bin/ledgerd against the image's own libraries");
    expect(f?.confidence).toBe('high');
  });

  it("reads glibc's wording, in the termination message as well as the log", () => {
    const message = '/usr/bin/indexer: error while loading shared libraries: libicuuc.so.72: cannot open shared object file: No such file or directory';
    const [f] = analyzeExitCodes(crashScenario(1, () => terminated(127, 'Error', 2, { message })));
    expect(f?.title).toContain('libicuuc.so.72 is not in the image');
    expect(f?.likelyCause).not.toMatch(/musl/);
  });

  it('tells symbols missing while every library loads: other versions of the libraries than the binary was built for', () => {
    const found = findLoaderFailure(['/srv/api: symbol lookup error: /srv/api: undefined symbol: EVP_MD_get_size']);
    expect(found).toEqual({ libraries: [], symbols: ['EVP_MD_get_size'], binary: '/srv/api', musl: false, line: '/srv/api: symbol lookup error: /srv/api: undefined symbol: EVP_MD_get_size' });
    const [f] = analyzeExitCodes(crashScenario(1, () => terminated(127, 'Error', 2), { logs: ["/srv/api: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.38' not found (required by /srv/api)"] }));
    expect(f?.title).toContain("/srv/api was built against glibc 2.38, newer than the image's runtime provides (GLIBC_2.38 not found)");
  });

  it("reads glibc's symbol versions under exit 1 as a build on a newer glibc than the runtime base, not the application's error", () => {
    const line = (v: string) => `/app/orders-api: /lib/x86_64-linux-gnu/libc.so.6: version \`GLIBC_${v}' not found (required by /app/orders-api)`;
    const [f] = analyzeExitCodes(crashScenario(1, () => terminated(1, 'Error', 2, { runSeconds: 0 }), { logs: [line('2.34'), line('2.32')] }));
    expect(f?.title).toContain("/app/orders-api was built against glibc 2.34, newer than the image's runtime provides (GLIBC_2.34 and GLIBC_2.32 not found)");
    expect(f?.likelyCause).toMatch(/builder image moved to a newer distribution release while the runtime stage stayed on the older one|musl/);
    expect(f?.fix).toMatch(/^build \/app\/orders-api on the runtime image's own distribution .* or move the runtime base up to one with glibc 2\.34 or newer/);
    expect(f?.decisive).toBe(line('2.34'));
  });

  it("reads libstdc++'s symbol versions a native module needs, when a runtime's dlopen reports them, as a build on a newer toolchain than the runtime base", () => {
    const line = "ImportError: /usr/lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.32' not found (required by /opt/venv/lib/python3.12/site-packages/fastgeo/_native.so)";
    const [f] = analyzeExitCodes(crashScenario(1, () => terminated(1, 'Error', 2, { runSeconds: 1 }), { logs: ['Traceback (most recent call last):', '  File "/srv/main.py", line 3, in <module>', line] }));
    expect(f?.title).toContain("/opt/venv/lib/python3.12/site-packages/fastgeo/_native.so was built against a newer libstdc++ than the image's runtime provides (GLIBCXX_3.4.32 not found)");
    expect(f?.likelyCause).toMatch(/builder image moved to a newer distribution release while the runtime stage stayed on the older one/);
    expect(f?.fix).toMatch(/libstdc\+\+ provides GLIBCXX_3\.4\.32/);
    expect(f?.decisive).toBe(line);
  });

  it('keeps command-not-found for an exit 127 the loader did not cause', () => {
    const [f] = analyzeExitCodes(crashScenario(1, () => terminated(127, 'Error', 2), { logs: ['/docker-entrypoint.sh: line 12: ledgerd: command not found'] }));
    expect(f?.title).toContain('command not found');
  });
});
