import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import { findClassVersionRefusal, javaRelease } from '../../../../src/domain/triage/class-version.js';
import { terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

const REFUSED = [
  'Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75.0',
  'Error: LinkageError occurred while loading main class com.acme.shop.Application',
  '\tjava.lang.UnsupportedClassVersionError: com/acme/shop/Application has been compiled by a more recent version of the Java Runtime (class file version 65.0), this version of the Java Runtime only recognizes class file versions up to 61.0',
];

describe('class file versions: what a JVM refusing classes built by a newer JDK says', () => {
  it('maps class file versions to Java releases (N − 44)', () => {
    expect(javaRelease(65)).toBe(21);
    expect(javaRelease(61)).toBe(17);
    expect(javaRelease(52)).toBe(8);
  });

  it('reads the compiled and the supported version, and the older runtimes\' "Unsupported major.minor version"', () => {
    expect(findClassVersionRefusal(REFUSED)).toMatchObject({ className: 'com/acme/shop/Application', compiled: 65, supported: 61, mainClass: true });
    const old = findClassVersionRefusal(['Exception in thread "main" java.lang.UnsupportedClassVersionError: com/acme/Tool : Unsupported major.minor version 52.0']);
    expect(old).toMatchObject({ className: 'com/acme/Tool', compiled: 52 });
    expect(old?.supported).toBeUndefined();
    expect(findClassVersionRefusal(['java.lang.NoClassDefFoundError: com/acme/Tool'])).toBeUndefined();
  });
});

describe('analyzeExitCodes: classes compiled for a newer Java than the image\'s runtime', () => {
  it('names both Java releases, the revision and image that brought the classes, and the rebuild', () => {
    const [f] = analyzeExitCodes(crashScenario(2, () => terminated(1, 'Error', 1), { logs: REFUSED }));
    expect(f?.title).toContain(': compiled for Java 21 (class file 65), the image\'s runtime is Java 17 (up to 61)');
    expect(f?.confidence).toBe('high');
    expect(f?.decisive).toContain('UnsupportedClassVersionError: com/acme/shop/Application has been compiled');
    expect(f?.fix).toBe('rebuild the image on a Java 21 runtime (or compile with --release 17)');
    expect(f?.likelyCause).toMatch(/Revision 6 brought the image \(\S+:2\.14\.0; revision 5 ran 2\.13\.2\)/);
    expect(f?.outsideWorkload).toBeUndefined();
  });
});
