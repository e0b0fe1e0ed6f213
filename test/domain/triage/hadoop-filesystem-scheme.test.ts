import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../src/domain/triage/analyzers/exit-code.js';
import { findMissingFileSystem, tellMissingFileSystem } from '../../../src/domain/triage/hadoop-filesystem-scheme.js';
import { terminated } from './scenarios/builders.js';
import { crashScenario } from './scenarios/crashes.js';

const LOG = [
  '2026-11-21 02:00:04,112 ERROR [main] c.a.Main - compaction failed',
  'org.apache.hadoop.fs.UnsupportedFileSystemException: No FileSystem for scheme "s3a"',
  '\tat org.apache.hadoop.fs.FileSystem.getFileSystemClass(FileSystem.java:3581)',
];

describe('findMissingFileSystem', () => {
  it('names the class and module that register the scheme, and the fat jar the container runs', () => {
    const found = findMissingFileSystem(LOG, ['java', '-jar', '/app/compactor-all.jar']);
    expect(found).toMatchObject({ scheme: 's3a', impl: { module: 'hadoop-aws' }, fatJar: 'compactor-all.jar' });
    const told = tellMissingFileSystem(found ?? { line: '', scheme: '' });
    expect(told.clause).toContain('S3AFileSystem (hadoop-aws) not in META-INF/services of the fat jar compactor-all.jar');
    expect(told.fix).toContain('mergeServiceFiles()');
    expect(told.cause).toContain('fs.s3a.impl=org.apache.hadoop.fs.s3a.S3AFileSystem');
  });

  it('reads the older message without quotes and an unknown scheme, and nothing else', () => {
    expect(findMissingFileSystem(['java.io.IOException: No FileSystem for scheme: gs'])?.impl?.module).toBe('gcs-connector');
    expect(findMissingFileSystem(['No FileSystem for scheme "lakefs"'])?.impl).toBeUndefined();
    expect(findMissingFileSystem(['java.io.FileNotFoundException: s3a://bucket/x'])).toBeUndefined();
  });
});

describe('analyzeExitCodes: a service crashing on a Hadoop scheme its jar does not register', () => {
  it('tells the packaging fault in the title', () => {
    const [f] = analyzeExitCodes(crashScenario(2, () => terminated(1, 'Error', 1), { logs: LOG }));
    expect(f?.title).toContain('no Hadoop FileSystem registered for "s3a": S3AFileSystem (hadoop-aws)');
    expect(f?.fix).toContain('mergeServiceFiles()');
  });
});
