import { describe, expect, it } from 'vitest';
import { findUnexplained } from '../../../src/domain/triage/unexplained.js';
import { keepSettings, pickSettingConfigReads } from '../../../src/domain/triage/setting-config.js';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import { baseEvidence, container, pod, NOW } from './scenarios/builders.js';

// A dependency error whose kind says what the configured address points at: the finding names that
// address with its value and where it is kept, so an edit of its ConfigMap reads as the change.

function mongoLog(): string[] {
  const out = ['{"level":30,"time":"2026-11-21T02:40:00.000Z","msg":"orders-api listening on :8080"}'];
  for (let i = 0; i < 6; i++) {
    out.push(`{"level":50,"time":"2026-11-21T03:0${i}:10.000Z","req":{"method":"POST","url":"/v1/orders"},"err":{"type":"MongoServerError","message":"Transaction numbers are only allowed on a replica set member or mongos","ok":0,"code":20,"codeName":"IllegalOperation"},"msg":"order failed"}`);
  }
  return out;
}

function s3Log(): string[] {
  const out = ['2026-11-21 02:40:00,000 INFO [app.main] starting'];
  for (let i = 0; i < 4; i++) {
    out.push(
      `2026-11-21 03:0${i}:10,000 ERROR [app.jobs] upload failed key=reports/${i}.pdf`,
      'botocore.exceptions.ClientError: An error occurred (PermanentRedirect) when calling the PutObject operation: The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
    );
  }
  return out;
}

function evidenceWith(c: Parameters<typeof container>[0], lines: string[]) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container(c)] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
}

describe('a dependency error of a known kind, tied to the configuration value that names the dependency', () => {
  it('reads the MongoDB URI from the ConfigMap the container takes whole, and names its host as a standalone mongod', () => {
    const ev = evidenceWith({ envFrom: [{ kind: 'configMap', name: 'orders-config' }] }, mongoLog());
    const [read] = pickSettingConfigReads({ logs: ev.logs, pods: ev.pods, now: NOW });
    expect(read).toMatchObject({ mechanism: 'server-address', configMap: 'orders-config', via: 'envFrom' });
    const settingConfig = read === undefined ? [] : keepSettings(read, 'orders-config', { MONGODB_URI: 'mongodb://app:s3cret@mongo-dev.shop.svc.cluster.local:27017/orders', LOG_LEVEL: 'info' });
    expect(settingConfig.map((c) => c.written)).toEqual(['MONGODB_URI=mongodb://app:***@mongo-dev.shop.svc.cluster.local:27017/orders']);
    const [f] = findUnexplained({ ...ev, settingConfig }, []);
    expect(f?.title).toBe('MongoDB at mongo-dev.shop.svc.cluster.local (MONGODB_URI, ConfigMap orders-config) is a standalone mongod, not a replica set: every transaction fails there (code 20 IllegalOperation) — in the logs of 2 ready pods');
    expect(f?.decisive).toBe('Transaction numbers are only allowed on a replica set member or mongos');
    expect(f?.nextAction).toMatch(/^Point MONGODB_URI in ConfigMap orders-config at the replica set/);
    expect(f?.evidence.join('\n')).toContain('MONGODB_URI (ConfigMap orders-config): mongodb://app:***@mongo-dev.shop.svc.cluster.local:27017/orders');
    expect(JSON.stringify(f)).not.toContain('s3cret');
    expect(f?.noRollback).toContain('ConfigMap orders-config');
  });

  it('names a literal URI of the pod template, and offers no refusal of a rollback: a revision may have set it', () => {
    const ev = evidenceWith({ env: [{ name: 'MONGO_URL', value: 'mongodb://mongo-dev.shop.svc:27017/orders' }] }, mongoLog());
    const [f] = findUnexplained(ev, []);
    expect(f?.title).toContain('MongoDB at mongo-dev.shop.svc (MONGO_URL in the pod template) is a standalone mongod');
    expect(f?.noRollback).toBeUndefined();
  });

  it('states the mechanism without an address when none was read', () => {
    const ev = evidenceWith({ envFrom: [{ kind: 'configMap', name: 'orders-config' }] }, mongoLog());
    const [f] = findUnexplained(ev, []);
    expect(f?.title).toMatch(/^The MongoDB server the client's connection string names is a standalone mongod, not a replica set/);
  });

  it('names the bucket key and the region setting of an S3 client answered PermanentRedirect', () => {
    const ev = evidenceWith({ envFrom: [{ kind: 'configMap', name: 'reports-config' }] }, s3Log());
    const [read] = pickSettingConfigReads({ logs: ev.logs, pods: ev.pods, now: NOW });
    expect(read).toMatchObject({ mechanism: 'server-address', configMap: 'reports-config' });
    const settingConfig = read === undefined ? [] : keepSettings(read, 'reports-config', { AWS_REGION: 'eu-central-1', REPORTS_BUCKET: 'shop-reports-ap-south-1', WORKERS: '4' });
    expect(settingConfig.map((c) => c.written).sort()).toEqual(['AWS_REGION=eu-central-1', 'REPORTS_BUCKET=shop-reports-ap-south-1']);
    const [f] = findUnexplained({ ...ev, settingConfig }, []);
    expect(f?.title).toBe('S3 answers PermanentRedirect: bucket shop-reports-ap-south-1 (REPORTS_BUCKET, ConfigMap reports-config) is in another region than AWS_REGION=eu-central-1, the region the client addresses; its name says ap-south-1 — in the logs of 2 ready pods');
    expect(f?.decisive).toBe('An error occurred (PermanentRedirect) when calling the PutObject operation: The bucket you are attempting to access must be addressed using the specified endpoint.');
    expect(f?.nextAction).toMatch(/^Set REPORTS_BUCKET in ConfigMap reports-config back to a bucket in eu-central-1, or AWS_REGION in ConfigMap reports-config to the bucket's region \(ap-south-1\)/);
    expect(`${f?.title} ${f?.likelyCause} ${f?.nextAction}`).not.toMatch(/AccessDenied|credential|IAM/i);
  });

  it('takes the region S3 names in its endpoint over a guess from the bucket name', () => {
    const lines = s3Log().map((l) => (l.includes('PermanentRedirect') ? `${l} Endpoint: shop-reports.s3.us-west-2.amazonaws.com` : l));
    const ev = evidenceWith({ env: [{ name: 'S3_BUCKET', value: 'shop-reports' }, { name: 'AWS_REGION', value: 'eu-central-1' }] }, lines);
    const [f] = findUnexplained(ev, []);
    expect(f?.title).toContain('bucket shop-reports (S3_BUCKET in the pod template) is in another region than AWS_REGION=eu-central-1, the region the client addresses; S3 says it is in us-west-2');
  });

  it('reads nothing for one stray line', () => {
    const ev = evidenceWith({ envFrom: [{ kind: 'configMap', name: 'orders-config' }] }, mongoLog().slice(0, 2));
    expect(pickSettingConfigReads({ logs: ev.logs.slice(0, 1), pods: ev.pods, now: NOW })).toEqual([]);
  });
});

describe('a cluster-mode Redis client pointed at a standalone server', () => {
  it('names the Redis address the client reads', () => {
    const lines = ['2026-11-21T02:40:00.000Z INFO starting', ...[0, 1, 2, 3, 4, 5].map((i) => `2026-11-21T03:0${i}:10.000Z ERROR cache connect failed: ReplyError: ERR This instance has cluster support disabled`)];
    const ev = evidenceWith({ env: [{ name: 'REDIS_URL', value: 'redis://cache-dev.shop.svc:6379/0' }] }, lines);
    const [f] = findUnexplained(ev, []);
    expect(f?.title).toBe('Redis at cache-dev.shop.svc (REDIS_URL in the pod template) is a standalone server, not a cluster: the cluster-mode client gets no connection ("cluster support disabled") — in the logs of 2 ready pods');
  });
});

describe('a TLS handshake answered in plain text (wrong version number)', () => {
  it('reads the ConfigMap the client takes its URLs from, keeping the URL keys', () => {
    const line = 'redis.exceptions.ConnectionError: Error 1 connecting to cache.shop.svc.cluster.local:6379. [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1000).';
    const ev = evidenceWith({ envFrom: [{ kind: 'configMap', name: 'orders-config' }] }, [line, line, line, line]);
    const [read] = pickSettingConfigReads({ logs: ev.logs, pods: ev.pods, now: NOW });
    expect(read).toMatchObject({ mechanism: 'server-address', configMap: 'orders-config' });
    const kept = read === undefined ? [] : keepSettings(read, 'orders-config', { CACHE_URL: 'rediss://cache.shop.svc.cluster.local:6379/0', BILLING_API_URL: 'https://billing:8443', LOG_LEVEL: 'info' });
    expect(kept.map((c) => c.written).sort()).toEqual(['BILLING_API_URL=https://billing:8443', 'CACHE_URL=rediss://cache.shop.svc.cluster.local:6379/0']);
    const [f] = analyzeDependencyErrors({ ...ev, settingConfig: kept });
    expect(f?.title).toContain('CACHE_URL (ConfigMap orders-config) asks for TLS with rediss://');
    expect(f?.fix).toContain('back to redis://');
  });
});
