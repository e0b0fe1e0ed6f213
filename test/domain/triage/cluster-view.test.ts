import { describe, expect, it } from 'vitest';
import { readViewSize } from '../../../src/domain/triage/cluster-view.js';

describe('the cluster view a member logs', () => {
  it('reads its size as the clustering libraries print it', () => {
    expect(readViewSize('Members {size:2, ver:4} [')).toBe(2);
    expect(readViewSize('ISPN000094: Received new cluster view for channel app: [node-a-1|3] (3) [node-a-1, node-b-2, node-c-3]')).toBe(3);
    expect(readViewSize('WARN Could not connect to any of [[10.0.0.2]:7000] in 30000 ms, forming a cluster by itself')).toBe(1);
    expect(readViewSize('cluster size: 4 (expected 5)')).toBe(4);
    expect(readViewSize('joined a cluster of 3 nodes')).toBe(3);
  });

  it('reads nothing from lines that give no view', () => {
    expect(readViewSize('GET /v1/items 200 11ms')).toBeUndefined();
    expect(readViewSize('cluster_size:3 cluster_known_nodes:6')).toBeUndefined();
  });
});
