import { describe, expect, it } from 'vitest';
import { pickServerNamesReads, readRefusedBucketSize, readServerNames, suggestBucketSize, tellServerNamesHash } from '../../../src/domain/triage/server-names-hash.js';
import { REV6, baseEvidence, container, pod } from './scenarios/builders.js';

const LONG = 'storefront-preview-eu-west-1.internal.prod.acme-retail-platform.example.com';
const CONF = [
  'server {',
  '    listen 8080 default_server;',
  '    # server_name old-preview.example.com;',
  `    server_name shop.example.com www.example.com ${LONG};`,
  '    location / { proxy_pass http://app; }',
  '}',
].join('\n');

describe('server_names_hash', () => {
  it("reads the bucket size nginx refused at from its [emerg] line", () => {
    expect(readRefusedBucketSize('nginx: [emerg] could not build server_names_hash, you should increase server_names_hash_bucket_size: 64')).toBe(64);
    expect(readRefusedBucketSize('nginx: [emerg] unknown directive "proxy_pas"')).toBeUndefined();
  });

  it('finds the longest server_name of the file, comments left out, and the bucket size it sets', () => {
    expect(readServerNames(CONF)).toEqual({ longest: LONG });
    expect(readServerNames(['server_names_hash_bucket_size 128;', CONF].join('\n'))?.bucketSize).toBe('128');
    expect(readServerNames('location / { return 200; }')).toBeUndefined();
  });

  it('suggests a bucket size that holds the name', () => {
    expect(suggestBucketSize(64, LONG)).toBe(128);
    expect(suggestBucketSize(64, 'x'.repeat(130))).toBe(256);
  });

  it('names the name, the ConfigMap and both fixes', () => {
    const told = tellServerNamesHash(64, { configMap: 'storefront-web-nginx', key: 'storefront.conf', longest: LONG });
    expect(told.title).toBe(`: server_name ${LONG} (75 characters) in ConfigMap storefront-web-nginx (storefront.conf) does not fit nginx's server_names_hash_bucket_size 64`);
    expect(told.fix).toContain('`server_names_hash_bucket_size 128;`');
    expect(told.fix).toContain(`or shorten or remove ${LONG}`);
    expect(told.action).toContain('Rolling back would not help');
  });

  it('reads the ConfigMap only for a container whose log carries the refusal', () => {
    const pods = [pod(0, { revisionHash: REV6.hash, volumes: [{ name: 'conf', source: 'configMap', ref: 'web-nginx' }], containers: [container(), container({ name: 'nginx', volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d' }] })] })];
    const ev = baseEvidence({ pods });
    const refused = { pod: pods[0]?.name ?? '', container: 'nginx', previous: true, lines: ['nginx: [emerg] could not build server_names_hash, you should increase server_names_hash_bucket_size: 64'] };
    expect(pickServerNamesReads({ logs: [refused], pods, revisions: ev.revisions })).toEqual([{ configMap: 'web-nginx', mountedNow: true }]);
    expect(pickServerNamesReads({ logs: [{ ...refused, lines: ['nginx: [emerg] unknown directive "x"'] }], pods, revisions: ev.revisions })).toEqual([]);
  });
});
