import { describe, expect, it } from 'vitest';
import { explainObjectStoreDenial } from '../../../src/domain/triage/object-store-denial.js';

const BUCKET = 'acme-prod-flink-checkpoints';
const key = (chk: number) => `s3a://${BUCKET}/fraud-scoring/checkpoints/5f1c0e9a7b3d4c2e8a6f1d0b9e7c3a21/chk-${chk}/_metadata`;
const denied = (chk: number) =>
  `Caused by: java.nio.file.AccessDeniedException: ${key(chk)}: PUT 0-byte object  on ${key(chk)}: com.amazonaws.services.s3.model.AmazonS3Exception: Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: QW${chk}7K2M9PX4T1E; Proxy: null), S3 Extended Request ID: q8Zt3xk1VhY7w0rTnJm2bC4fLs9dQeG5aHcP6uRyKiO=:AccessDenied`;
const restart = (chk: number) => [
  denied(chk),
  '2026-11-21 03:10:12,000 INFO  org.apache.flink.runtime.jobmaster.JobMaster                 [] - Trying to recover from a global failure.',
  'org.apache.flink.util.FlinkRuntimeException: Exceeded checkpoint tolerable failure threshold. The latest checkpoint failed due to Asynchronous task checkpoint failed., view the Checkpoint History tab or the Job Manager log to find out why continuous checkpoints failed.',
  '2026-11-21 03:10:12,000 INFO  org.apache.flink.runtime.executiongraph.ExecutionGraph       [] - Job fraud-scoring (5f1c0e9a7b3d4c2e8a6f1d0b9e7c3a21) switched from state RUNNING to RESTARTING.',
];

describe('explainObjectStoreDenial', () => {
  it('reads denied checkpoint writes and the job restarting past its tolerable checkpoint failures', () => {
    const lines = [...restart(17942), ...restart(17946)];
    const told = explainObjectStoreDenial([denied(17942), denied(17946)], lines);
    expect(told?.summary).toBe(`checkpoint writes to s3a://${BUCKET} are denied (AccessDenied on s3:PutObject): the job exceeds its tolerable checkpoint failure threshold and restarts, again and again (RESTARTING 2 times in its last lines)`);
    expect(told?.fix).toBe(`restore s3:PutObject on ${BUCKET}: check its bucket policy (a Deny, e.g. one requiring SSE-KMS) and the IAM policy of the pods' role`);
    expect(told?.likelyCause).toContain('restarting the pods will not help');
  });

  it('reads a denied read of a bucket as s3:GetObject, without a job to restart', () => {
    const line = 'ERROR ingest: open s3://acme-raw-events/2026/11/21/part-0001.parquet: AccessDenied: Access Denied status code: 403, request id: 7G2K9Q, host id: x';
    expect(explainObjectStoreDenial([line], [line])?.summary).toBe('reads of s3://acme-raw-events are denied (AccessDenied on s3:GetObject)');
  });

  it('reads nothing into a denial without a bucket path', () => {
    const line = 'ERROR api: AccessDeniedException: User: arn:aws:sts::1:assumed-role/app/x is not authorized to perform: dynamodb:PutItem';
    expect(explainObjectStoreDenial([line], [line])).toBeUndefined();
  });
});
