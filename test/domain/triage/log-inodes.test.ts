import { describe, expect, it } from 'vitest';
import { findInodeExhaustion } from '../../../src/domain/triage/log-inodes.js';

describe('findInodeExhaustion', () => {
  it('reads a usage report whose inodes are all used, the newest one', () => {
    const lines = [
      'level=info msg="store stats" bytes_used=41% inodes=4,190,000/4,194,304',
      'level=info msg="store stats" bytes_used=42% inodes=4,194,304/4,194,304',
    ];
    expect(findInodeExhaustion(lines)).toEqual({ line: lines[1], used: 4194304, total: 4194304 });
  });

  it('reads "inodes N of N used" and ignores a report with inodes to spare', () => {
    expect(findInodeExhaustion(['spool: 3.1 GiB of 9.8 GiB, inodes 655360 of 655360 used'])?.used).toBe(655360);
    expect(findInodeExhaustion(['spool: 3.1 GiB of 9.8 GiB, inodes 120000 of 655360 used'])).toBeUndefined();
  });

  it('reads a df -i row at 100% for the mount, not one for another mount', () => {
    const lines = ['Filesystem Inodes IUsed IFree IUse% Mounted on', '/dev/sdb 2621440 2621440 0 100% /srv/spool', '/dev/sda 6553600 120000 6433600 2% /'];
    expect(findInodeExhaustion(lines, '/srv/spool')?.line).toBe('/dev/sdb 2621440 2621440 0 100% /srv/spool');
    expect(findInodeExhaustion(lines, '/data')).toBeUndefined();
  });

  it('reads plain words, and says nothing of a plain full-disk line', () => {
    expect(findInodeExhaustion(['WARN indexer: filesystem out of inodes, cannot create segment'])?.line).toMatch(/out of inodes/);
    expect(findInodeExhaustion(['ERROR write /srv/spool/a.tmp: no space left on device'])).toBeUndefined();
  });
});
