import { describe, expect, it } from 'vitest';
import { pickDecisiveLine, pickErrorLines } from '../../../src/domain/triage/evidence-lookup.js';

// A Python traceback says where in its frames ("  File …" and the indented source under each) and
// why in its last line, the exception: the source lines are code, even when they mention an error.
describe('pickDecisiveLine: Python tracebacks', () => {
  it('takes the exception, not a source line of a frame that mentions an error', () => {
    const lines = [
      '2026-11-21 03:11:40,101 WARNING [worker.secrets] login failed (attempt 5/5): service is sealed',
      '2026-11-21 03:11:40,102 ERROR [worker.main] cannot start without its secrets',
      'Traceback (most recent call last):',
      '  File "/app/worker/secrets.py", line 52, in load_secrets',
      '    client.auth.kubernetes.login(role=settings.role, jwt=_token())',
      '  File "/usr/local/lib/python3.12/site-packages/hvac/adapters.py", line 315, in _raise_for_error',
      '    utils.raise_for_error(',
      '  File "/usr/local/lib/python3.12/site-packages/hvac/utils.py", line 41, in raise_for_error',
      '    raise exceptions.VaultDown(',
      'hvac.exceptions.VaultDown: Vault is sealed, on post http://vault.vault.svc:8200/v1/auth/kubernetes/login',
    ];
    expect(pickDecisiveLine(lines)).toBe('hvac.exceptions.VaultDown: Vault is sealed, on post http://vault.vault.svc:8200/v1/auth/kubernetes/login');
  });

  it('takes an exception whose name says neither Error nor Exception', () => {
    const lines = [
      'Traceback (most recent call last):',
      '  File "/app/manage.py", line 22, in <module>',
      '    execute_from_command_line(sys.argv)',
      '  File "/usr/local/lib/python3.11/site-packages/django/conf/__init__.py", line 89, in __getattr__',
      '    self._setup(name)',
      '    ~~~~~~~~~~~^^^^^^',
      'django.core.exceptions.ImproperlyConfigured: The SECRET_KEY setting must not be empty.',
    ];
    expect(pickDecisiveLine(lines)).toBe('django.core.exceptions.ImproperlyConfigured: The SECRET_KEY setting must not be empty.');
  });

  it('takes the last exception of a chain raised while handling another', () => {
    const lines = [
      'Traceback (most recent call last):',
      '  File "/app/config.py", line 14, in load',
      '    return os.environ["PAYMENTS_DB_URL"]',
      '           ~~~~~~~~~~^^^^^^^^^^^^^^^^^^^',
      "KeyError: 'PAYMENTS_DB_URL'",
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      'Traceback (most recent call last):',
      '  File "/app/main.py", line 9, in <module>',
      '    settings = load()',
      '  File "/app/config.py", line 16, in load',
      '    raise_config_error("PAYMENTS_DB_URL")',
      'config.MissingSetting: PAYMENTS_DB_URL is not set',
    ];
    expect(pickDecisiveLine(lines)).toBe('config.MissingSetting: PAYMENTS_DB_URL is not set');
  });

  it('reads a traceback whose header a log handler prefixed (gunicorn), past the master\'s "Worker failed to boot"', () => {
    const lines = [
      '[2026-11-21 03:12:06 +0000] [7] [INFO] Waiting for application startup.',
      '[2026-11-21 03:12:06 +0000] [7] [ERROR] Traceback (most recent call last):',
      '  File "/app/service/main.py", line 41, in lifespan',
      '    await stats.prime(pool)',
      '  File "/usr/local/lib/python3.12/site-packages/psycopg/cursor_async.py", line 97, in execute',
      '    raise ex.with_traceback(None)',
      'psycopg.errors.ObjectNotInPrerequisiteState: pg_stat_statements must be loaded via "shared_preload_libraries"',
      '',
      '[2026-11-21 03:12:06 +0000] [7] [ERROR] Application startup failed. Exiting.',
      '[2026-11-21 03:12:06 +0000] [7] [INFO] Worker exiting (pid: 7)',
      '[2026-11-21 03:12:06 +0000] [1] [ERROR] Worker (pid:7) exited with code 3',
      '[2026-11-21 03:12:06 +0000] [1] [ERROR] Shutting down: Master',
      '[2026-11-21 03:12:06 +0000] [1] [ERROR] Reason: Worker failed to boot.',
    ];
    expect(pickDecisiveLine(lines)).toBe('psycopg.errors.ObjectNotInPrerequisiteState: pg_stat_statements must be loaded via "shared_preload_libraries"');
  });
});

describe('pickErrorLines: Python tracebacks', () => {
  it("keeps the exception that ends a traceback among the lines quoted, not its header or its frames' source", () => {
    const lines = [
      '2026-11-21 03:11:40,101 WARNING [worker.secrets] login failed (attempt 5/5): service is sealed',
      '2026-11-21 03:11:40,102 ERROR [worker.main] cannot start without its secrets',
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.12/site-packages/hvac/adapters.py", line 315, in _raise_for_error',
      '    utils.raise_for_error(',
      '  File "/usr/local/lib/python3.12/site-packages/hvac/utils.py", line 41, in raise_for_error',
      '    raise exceptions.VaultDown(',
      'hvac.exceptions.VaultDown: Vault is sealed, on post http://vault.vault.svc:8200/v1/auth/kubernetes/login',
    ];
    expect(pickErrorLines(lines)).toEqual([
      '2026-11-21 03:11:40,101 WARNING [worker.secrets] login failed (attempt 5/5): service is sealed',
      '2026-11-21 03:11:40,102 ERROR [worker.main] cannot start without its secrets',
      'hvac.exceptions.VaultDown: Vault is sealed, on post http://vault.vault.svc:8200/v1/auth/kubernetes/login',
    ]);
  });
});
