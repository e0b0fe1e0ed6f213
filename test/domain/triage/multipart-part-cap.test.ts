import { describe, expect, it } from 'vitest';
import { findPartCap, tellPartCap } from '../../../src/domain/triage/multipart-part-cap.js';

const REFUSAL = 'botocore.exceptions.ClientError: An error occurred (InvalidArgument) when calling the UploadPart operation: Part number must be an integer between 1 and 10000, inclusive';

describe('findPartCap', () => {
  it('reads the part size from the env that sets it and tells the cap it puts on the object', () => {
    const found = findPartCap(['INFO uploaded part 10000', REFUSAL], { env: [{ name: 'UPLOAD_PART_SIZE', value: '8388608' }, { name: 'BUCKET', value: 'exports' }] });
    expect(found).toEqual({ line: REFUSAL, partSize: { bytes: 8388608, source: 'env UPLOAD_PART_SIZE=8388608' } });
    const told = tellPartCap(found!);
    expect(told.clause).toContain('at most 10,000 parts');
    expect(told.clause).toContain('env UPLOAD_PART_SIZE=8388608: 8 MiB parts');
    expect(told.clause).toContain('10,000 × 8 MiB ≈ 78.1 GiB');
    expect(told.fix).toMatch(/^raise the part size \(UPLOAD_PART_SIZE\)/);
    expect(`${told.clause} ${told.cause} ${told.fix}`).not.toMatch(/credential|permission|AccessDenied/i);
  });

  it('takes a unit from the variable name, a flag of the command, or the uploader\'s own log', () => {
    expect(findPartCap([REFUSAL], { env: [{ name: 'CHUNK_SIZE_MB', value: '16' }] })?.partSize?.bytes).toBe(16 * 2 ** 20);
    expect(findPartCap([REFUSAL], { args: ['upload', '--part-size=32MiB'] })?.partSize?.bytes).toBe(32 * 2 ** 20);
    expect(findPartCap(['multipart started, part_size=6291456', REFUSAL])?.partSize).toEqual({ bytes: 6291456, source: "the log's part_size=6291456" });
    // Below S3's 5 MiB minimum part it is some other chunk (rows, say), not the part size.
    expect(findPartCap([REFUSAL], { env: [{ name: 'CHUNK_SIZE', value: '1000' }] })?.partSize).toBeUndefined();
  });

  it('says nothing of a part size it could not read, and nothing at all without the refusal', () => {
    const found = findPartCap([REFUSAL]);
    expect(found?.partSize).toBeUndefined();
    expect(tellPartCap(found!).clause).toContain('caps the object: the data outgrew it');
    expect(findPartCap(['An error occurred (AccessDenied) when calling the UploadPart operation'], { env: [{ name: 'PART_SIZE', value: '5242880' }] })).toBeUndefined();
  });
});
