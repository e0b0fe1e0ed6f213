import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import type { EnvVarEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { IMAGE_V14, IMAGE_V15, REV6, REV7, minutesAgo, revision, revisionContainer, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

const gems = '/usr/local/bundle/ruby/3.3.0/gems';
const BOOT = [
  `${gems}/activesupport-7.1.3/lib/active_support/message_encryptor.rb:354:in 'ActiveSupport::MessageEncryptor#_decrypt': ActiveSupport::MessageEncryptor::InvalidMessage (ActiveSupport::MessageEncryptor::InvalidMessage)`,
  `\tfrom ${gems}/activesupport-7.1.3/lib/active_support/encrypted_file.rb:111:in 'ActiveSupport::EncryptedFile#decrypt'`,
  `\tfrom ${gems}/activesupport-7.1.3/lib/active_support/encrypted_configuration.rb:58:in 'ActiveSupport::EncryptedConfiguration#read'`,
  `\tfrom /srv/app/config/initializers/payments.rb:3:in '<main>'`,
  `${gems}/activesupport-7.1.3/lib/active_support/message_encryptor.rb:334:in 'OpenSSL::Cipher#final': OpenSSL::Cipher::CipherError`,
];
const KEY: EnvVarEvidence = { name: 'RAILS_MASTER_KEY', ref: { kind: 'secret', name: 'payment-service-rails', key: 'master_key' } };

/** Two pods of revision 7 (a new image, the same key source) crash at boot; three of revision 6 serve. */
function newRelease(logs: string[]): TriageEvidence {
  const ev = crashScenario(2, () => terminated(1, 'Error', 2), { logs });
  const withKey = (image: string) => [revisionContainer({ image, env: [{ name: 'RAILS_ENV', value: 'production' }, KEY] })];
  const pods = ev.pods.map((p, i) => (i < 2 ? { ...p, revisionHash: REV7.hash, containers: p.containers.map((c) => ({ ...c, image: IMAGE_V15, env: [KEY] })) } : p));
  return { ...ev, pods, revisions: [revision(REV6, minutesAgo(9 * 24 * 60), { containers: withKey(IMAGE_V14) }), revision(REV7, minutesAgo(20), { containers: withKey(IMAGE_V15) })] };
}

describe('analyzeExitCodes: Rails unable to decrypt its credentials at boot', () => {
  it('names the master key env and its Secret, and the revision whose image brought credentials the key does not open', () => {
    const [f] = analyzeExitCodes(newRelease(BOOT));
    expect(f?.title).toContain(': Rails cannot decrypt its credentials with the master key it was given (RAILS_MASTER_KEY from Secret payment-service-rails, key master_key)');
    expect(f?.likelyCause).toContain('Revision 7 changed the image, and with it the credentials file');
    expect(f?.likelyCause).toContain("revision 6's pods start with that very key and serve");
    expect(f?.nextAction).toContain("Put the master key that decrypts revision 7's credentials into Secret payment-service-rails (key master_key) — or roll back to revision 6 until it does");
    expect(f?.confidence).toBe('high');
  });

  it('with no new revision, points at the key at its source and offers no rollback', () => {
    const ev = crashScenario(5, () => terminated(1, 'Error', 2), { logs: BOOT });
    const pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, env: [KEY] })) }));
    const [f] = analyzeExitCodes({ ...ev, pods, revisions: ev.revisions.slice(-1) });
    expect(f?.likelyCause).toContain('the key at its source is the likelier change (a rotation or an edit of Secret payment-service-rails (key master_key))');
    expect(f?.nextAction).not.toMatch(/roll back/);
  });

  it('leaves an InvalidMessage not raised through the credentials reader (a cookie, a signed message) alone', () => {
    const cookie = [`${gems}/activesupport-7.1.3/lib/active_support/message_encryptor.rb:354:in 'ActiveSupport::MessageEncryptor#_decrypt': ActiveSupport::MessageEncryptor::InvalidMessage (ActiveSupport::MessageEncryptor::InvalidMessage)`, `\tfrom /srv/app/lib/session_store.rb:20:in 'load'`];
    const [f] = analyzeExitCodes(newRelease(cookie));
    expect(f?.title).not.toContain('credentials');
  });
});
