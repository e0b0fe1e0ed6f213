import { describe, expect, it } from 'vitest';
import { innermostError } from '../../../src/domain/triage/pvc-resize.js';

describe('innermostError', () => {
  it('keeps what the storage provider itself said, under the gRPC and SDK wrapping', () => {
    expect(innermostError('resize volume "pvc-1" by resizer "ebs.csi.aws.com" failed: rpc error: code = Internal desc = could not modify AWS volume "vol-1": operation error EC2: ModifyVolume, https response error StatusCode: 400, api error VolumeModificationRateExceeded: You\'ve reached the maximum modification rate per volume limit.'))
      .toBe("VolumeModificationRateExceeded: You've reached the maximum modification rate per volume limit.");
    expect(innermostError('resize volume "pvc-2" by resizer "pd.csi.storage.gke.io" failed: rpc error: code = Internal desc = ControllerExpandVolume failed to resize disk: googleapi: Error 400: Disk size cannot be decreased., invalid'))
      .toBe('Disk size cannot be decreased., invalid');
    expect(innermostError('only expansion is supported')).toBe('only expansion is supported');
  });
});
