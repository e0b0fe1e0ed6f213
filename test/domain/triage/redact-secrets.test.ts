import { describe, expect, it } from 'vitest';
import { redactLines, redactSecrets } from '../../../src/domain/triage/redact-secrets.js';

describe('redactSecrets', () => {
  it.each([
    ['postgres://payments:hunter2@postgres.payments.svc:5432/payments', 'postgres://payments:[REDACTED]@postgres.payments.svc:5432/payments'],
    ['redis://:s3cr3tP4ss@redis-master.cache.svc:6379/0', 'redis://:[REDACTED]@redis-master.cache.svc:6379/0'],
    ['amqp://guest:guest@rabbitmq:5672/', 'amqp://guest:[REDACTED]@rabbitmq:5672/'],
    ['DB_PASSWORD=hunter2 DB_HOST=postgres', 'DB_PASSWORD=[REDACTED] DB_HOST=postgres'],
    ['password=hunter2&user=alice', 'password=[REDACTED]&user=alice'],
    ['{"user":"alice","password":"correct horse battery staple"}', '{"user":"alice","password":"[REDACTED]"}'],
    ['{"secret":"d41d8cd98f00b204e9800998ecf8427e","id":7}', '{"secret":"[REDACTED]","id":7}'],
    ['client_secret: 9f8e7d6c5b4a', 'client_secret: [REDACTED]'],
    ['GET /oauth/callback?code=abc&access_token=ya29.a0AfH6SMBx&state=xyz', 'GET /oauth/callback?code=abc&access_token=[REDACTED]&state=xyz'],
    ['Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.abc.def-ghi_jkl', 'Authorization: Bearer [REDACTED]'],
    ['Authorization: Basic cGF5bWVudHM6aHVudGVyMg==', 'Authorization: Basic [REDACTED]'],
    ['token eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U accepted', 'token [REDACTED] accepted'],
    ['using key AKIAIOSFODNN7EXAMPLE for s3', 'using key [REDACTED] for s3'],
    ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'aws_secret_access_key = [REDACTED]'],
    ['slack token xoxb-2048-4096-AbCdEfGhIjKlMnOp rejected', 'slack token [REDACTED] rejected'],
    ['github: ghp_16C7e42F292c6912E7710c838347Ae178B4a refused', 'github: [REDACTED] refused'],
    ['stripe key sk_live_51Hx4mKQq2o9Xb7cVfG3dL8e', 'stripe key [REDACTED]'],
    ['Set-Cookie: session=abc123; Path=/; HttpOnly', 'Set-Cookie: [REDACTED]'],
    ['psql --password hunter2 -h db', 'psql --password [REDACTED] -h db'],
    ['mysql --db-password hunter2 --host db', 'mysql --db-password [REDACTED] --host db'],
    ['x-api-key: 0a1b2c3d4e5f', 'x-api-key: [REDACTED]'],
    ['Authorization: Token token=y_NbAkKc66ryYTWUXYEu', 'Authorization: Token token=[REDACTED]'],
    ['Server=db;Database=pay;User Id=sa;Pwd=Tr0ub4dor;', 'Server=db;Database=pay;User Id=sa;Pwd=[REDACTED];'],
    ['GET /v1/login?access_token=ya29.a0AfH6 from /var/log', 'GET /v1/login?access_token=[REDACTED] from /var/log'],
    ['https://hooks.example.com/notify&token=abc123def', 'https://hooks.example.com/notify&token=[REDACTED]'],
    ['loaded /etc/app/config.yaml password: hunter2', 'loaded /etc/app/config.yaml password: [REDACTED]'],
    ['password: true-blue-42', 'password: [REDACTED]'],
    ["x-hub-signature: 'sha256=7d38cdd689735b008b3c702edd92eea23791c5f6'", "x-hub-signature: '[REDACTED]'"],
    ['{"signature":"MEUCIQDkX2c8m3p/0Zg1Qf5t+9a0yL0pO6rV2aVhE2wYjS1rAg=="}', '{"signature":"[REDACTED]"}'],
    ["db-password: 'failed horse battery staple'", "db-password: '[REDACTED]'"],
  ])('redacts %s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it.each([
    'dial tcp 10.100.42.7:5432: connect: connection refused',
    'POST /v1/charges request_id=9f1c2b7e-4a3d-4f6b-8e21-5c0d7a9b3e14 amount=1299 currency=EUR',
    'connecting to postgres.payments.svc.cluster.local:5432 as payments',
    'pulled image registry.example.com/payments@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac',
    'FATAL: password authentication failed for user "payments"',
    'Basic authentication required for /admin',
    'Token refreshed successfully for tenant acme',
    'max_tokens=4096 temperature=0.2',
    'secret_name=payment-db rotated',
    'token=/var/run/secrets/kubernetes.io/serviceaccount/token',
    'GET https://ledger-api.payments.svc:8443/v1/entries?page=3 200 12ms',
    'refresh-token expired for user alice',
    'PWD=/app HOME=/root',
    '2026-11-21T03:12:40Z level=info msg="bypass=true for health checks"',
    'error building kubernetes config: open /var/run/secrets/kubernetes.io/serviceaccount/token: no such file or directory',
    'read /etc/app/db-password: permission denied',
    'open C:\\secrets\\api_key: access is denied',
    'failed to refresh token: context deadline exceeded',
    'automountServiceAccountToken: (unset) → false',
    'automountServiceAccountToken: true',
    // An admission policy's rule name followed by its message (Kyverno verifyImages, validate):
    // the rule is named after what it checks, the message is prose, not a credential.
    "verify-image-signatures:\n  verify-cosign-signature: 'failed to verify image 1234.dkr.ecr.eu-west-1.amazonaws.com/storefront/cart-api:3.18.0: .attestors[0].entries[0].keys: no matching signatures: invalid signature when validating ASN.1 encoded signature'",
    "restrict-secrets:\n  check-secret: 'validation error: Secrets must be mounted as volumes, not env. rule check-secret failed at path /spec/containers/0/env/0/valueFrom/secretKeyRef/'",
    'verify-signature: failed to verify image signature',
    // Go's verifier refusing a SHA-1 signed chain: an error, not a signature value.
    'tls: failed to verify certificate: x509: cannot verify signature: insecure algorithm SHA1-RSA (temporarily override with GODEBUG=x509sha1=1)',
    "check-image-signature: 'image registry.example.com/cart:3.18.0: no matching signatures'",
  ])('leaves ordinary text alone: %s', (line) => {
    expect(redactSecrets(line)).toBe(line);
  });

  // An issuer, endpoint or the validator's sentence quoted after a token key is public: where
  // the tokens come from, not a token.
  it.each([
    'api refuses every bearer token: "Invalid token issuer. Expected \'https://old-id.example.com/realms/main\', got \'https://id.example.com/realms/main\'" — the expected one is its issuer setting',
    "the client secret: 'rejected by the provider, rotate it in the vault'",
    'token issuer: https://id.example.com/realms/main',
    "access_token: 'https://id.example.com:8443/realms/main/protocol/openid-connect/token'",
  ])('leaves an issuer URL or a quoted message after a token key alone: %s', (line) => {
    expect(redactSecrets(line)).toBe(line);
  });

  it.each([
    ['{"client_secret":"correct horse battery staple"}', '{"client_secret":"[REDACTED]"}'],
    ["api_token: 'ab12 cd34 ef56'", "api_token: '[REDACTED]'"],
    ['password: "Invalid. Expected \'x\'"', 'password: "[REDACTED]"'],
    ['webhook_secret=https://hooks.example.com/services/T0A1B2C3D/B0A1B2C3D/x9Y8z7W6v5U4t3S2r1Q0', 'webhook_secret=[REDACTED]'],
    ['token: https://id.example.com/cb?code=abc123', 'token: [REDACTED]'],
    ['api_key: "https://alice:s3cr3t@id.example.com/x"', 'api_key: "[REDACTED]"'],
  ])('still redacts a token, passphrase or secret-bearing URL: %s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  // A `tool namespace:subcommand` in a code span is a command, not a key and its value.
  it.each([
    'Missing `secret_key_base` for this environment, set this string with `bin/rails credentials:edit` (ArgumentError)',
    'run `app secrets:setup` first',
    'try `cli token:refresh --profile ops`',
  ])('leaves a command in backticks alone: %s', (line) => {
    expect(redactSecrets(line)).toBe(line);
  });

  it.each([
    // A password may be a plain word; a value with digits, capitals or symbols looks like a secret.
    ['export it with `password:hunter` first', 'export it with `password:[REDACTED] first'],
    ['call `login token:a1b2c3d4e5` now', 'call `login token:[REDACTED] now'],
    ['run `deploy secret:Xy7_pQ` now', 'run `deploy secret:[REDACTED] now'],
    ['use `cli token: refresh` now', 'use `cli token: [REDACTED] now'],
    ['credentials:edit outside a code span', 'credentials:[REDACTED] outside a code span'],
    ['`x` then api_key:abcdef', '`x` then api_key:[REDACTED]'],
  ])('still redacts a value in or near a code span: %s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it('redacts a PEM block spanning log lines as one', () => {
    const lines = ['loading key', '-----BEGIN RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEA7bq1', 'q2o9Xb7cVfG3dL8e', '-----END RSA PRIVATE KEY-----', 'key loaded'];
    expect(redactLines(lines)).toEqual(['loading key', '[REDACTED PEM BLOCK]', 'key loaded']);
  });

  it('redacts a PEM block escaped inside JSON and one cut off by the tail', () => {
    expect(redactSecrets('{"private_key":"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg\\n-----END PRIVATE KEY-----\\n","client_email":"x@y.iam"}')).toBe(
      '{"private_key":"[REDACTED PEM BLOCK]\\n","client_email":"x@y.iam"}',
    );
    expect(redactLines(['-----BEGIN EC PRIVATE KEY-----', 'MHcCAQEEIBkg'])).toEqual(['[REDACTED PEM BLOCK]']);
  });
});
