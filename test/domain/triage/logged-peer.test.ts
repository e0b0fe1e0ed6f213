import { describe, expect, it } from 'vitest';
import { describeLoggedPeer, findLoggedPeer } from '../../../src/domain/triage/logged-peer.js';

describe('findLoggedPeer', () => {
  it('takes the host:port the lines name, not a stack frame\'s file and line', () => {
    const peer = findLoggedPeer([
      '\tat org.example.mailer.Postman.deliver(Postman.java:88)',
      '\tat java.base/sun.security.ssl.SSLSocketImpl.startHandshake(SSLSocketImpl.java:443)',
      'WARN letter 7 failed, parked; relay=mx-legacy.example.net:587',
    ]);
    expect(peer).toEqual({ host: 'mx-legacy.example.net', port: '587', role: 'SMTP' });
    expect(describeLoggedPeer(peer ?? { host: '', port: '' })).toBe('mx-legacy.example.net:587 (SMTP)');
  });

  it('prefers the address named most often and gives no role to an unknown port', () => {
    expect(findLoggedPeer(['retry to api.partner.example:8443', 'from cache.local.example:6380', 'retry to api.partner.example:8443'])).toEqual({ host: 'api.partner.example', port: '8443' });
  });

  it('finds nothing in a bare stack', () => {
    expect(findLoggedPeer(['  File "/srv/app/main.py", line 12, in run', '\tat Foo.bar(Foo.kt:12)', 'at handler (/srv/app/index.js:40:7)'])).toBeUndefined();
  });
});
