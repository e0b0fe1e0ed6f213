import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../src/domain/triage/analyzers/exit-code.js';
import { findEngineWithoutPlatform } from '../../../src/domain/triage/engine-platform.js';
import { terminated } from './scenarios/builders.js';
import { crashScenario } from './scenarios/crashes.js';

const LOG = [
  'prisma:warn Prisma failed to detect the libssl/openssl version to use, and may not work as expected. Defaulting to "openssl-1.1.x".',
  'PrismaClientInitializationError: Query engine library for current platform "debian-openssl-3.0.x" could not be found.',
  'You incorrectly pinned it to debian-openssl-3.0.x',
  'This probably happens, because your code was generated for "debian-openssl-1.1.x", but the actual deployment required "debian-openssl-3.0.x".',
  '    at Object.loadLibrary (/srv/node_modules/@prisma/client/runtime/library.js:111:10243)',
];

describe('a client generated for another platform than the image it runs on (Prisma query engine)', () => {
  it('finds the platform it looked for and the one it was generated for', () => {
    expect(findEngineWithoutPlatform(LOG)).toEqual({ platform: 'debian-openssl-3.0.x', generatedFor: ['debian-openssl-1.1.x'], line: LOG[1] });
    expect(findEngineWithoutPlatform(['Error: connect ECONNREFUSED 10.0.0.7:5432'])).toBeUndefined();
  });

  it('names the missing engine and the binaryTargets fix, not "fix what the log names"', () => {
    const [f] = analyzeExitCodes(crashScenario(2, () => terminated(1, 'Error', 3, { runSeconds: 1 }), { logs: LOG }));
    expect(f?.title).toContain("the Prisma client has no query engine for the image's platform debian-openssl-3.0.x (it was generated for debian-openssl-1.1.x)");
    expect(f?.fix).toMatch(/binaryTargets/);
    expect(f?.decisive).toBe(LOG[1]);
  });
});
