import { describe, expect, it } from 'vitest';
import { condenseStructuredLine, pickDecisiveLine } from '../../../src/domain/triage/evidence-lookup.js';

const SPRING_DB_DOWN = [
  '2026-11-21T03:12:41.563Z  INFO 1 --- [main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port 8080 (http)',
  'org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection',
  '\tat org.springframework.jdbc.datasource.DataSourceUtils.getConnection(DataSourceUtils.java:84)',
  '\tat org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:388)',
  '\t... 58 common frames omitted',
  'Caused by: org.postgresql.util.PSQLException: Connection to postgres.orders.svc.cluster.local:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.',
  '\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:352)',
  'Caused by: java.net.ConnectException: Connection refused',
  '\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)',
  '\t... 14 more',
];

const GO_PANIC = [
  '{"level":"info","ts":1795230840.1,"msg":"loading config","path":"/etc/payments/config.yaml"}',
  'panic: runtime error: invalid memory address or nil pointer dereference',
  '[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x9c3b2e]',
  '',
  'goroutine 1 [running]:',
  'main.(*Config).Validate(0x0)',
  '\t/app/config.go:42 +0x2e',
  'main.main()',
  '\t/app/main.go:17 +0x1d',
];

describe('pickDecisiveLine', () => {
  it("takes Ruby's uncaught exception over bundler's wrapper above it, without the source location", () => {
    const lines = [
      'bundler: failed to load command: sidekiq (/usr/local/bundle/bin/sidekiq)',
      "/app/lib/feeds.rb:12:in 'Feeds.load': undefined method 'fetch' for nil (NoMethodError)",
      "\tfrom /app/config/initializers/feeds.rb:3:in '<main>'",
    ];
    expect(pickDecisiveLine(lines)).toBe("undefined method 'fetch' for nil (NoMethodError)");
  });

  it("takes the message a Ruby process printed over the backtrace frames under it (bare and 'from' frames)", () => {
    const lines = [
      '2026-11-21T03:10:01.000Z pid=1 tid=2bx0 INFO: Booted Rails 7.1.5 application in production environment',
      'You are connecting to Redis 5.0.7, Worker requires Redis 6.2.0 or greater',
      '/usr/local/bundle/gems/worker-7.2.4/lib/worker/cli.rb:77:in `run\'',
      '/usr/local/bundle/bin/worker:25:in `load\'',
      "\tfrom /usr/local/lib/ruby/3.4.0/bundler/cli/exec.rb:58:in 'Bundler::CLI::Exec#kernel_load'",
      '/usr/local/lib/ruby/3.3.0/bundler/cli/exec.rb:23:in `run\'',
      ' ... 12 levels...',
    ];
    expect(pickDecisiveLine(lines)).toBe('You are connecting to Redis 5.0.7, Worker requires Redis 6.2.0 or greater');
  });

  it("takes nginx's [emerg] line over an entrypoint's info line that says a file does not exist", () => {
    const lines = [
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: /etc/nginx/conf.d/default.conf is not a file or does not exist',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      '2026/11/21 03:12:54 [emerg] 1#1: could not build server_names_hash, you should increase server_names_hash_bucket_size: 64',
      'nginx: [emerg] could not build server_names_hash, you should increase server_names_hash_bucket_size: 64',
    ];
    expect(pickDecisiveLine(lines)).toBe('nginx: [emerg] could not build server_names_hash, you should increase server_names_hash_bucket_size: 64');
    // Even when a later line names an error in passing, the gravest level decides.
    expect(pickDecisiveLine([...lines.slice(0, 4), 'worker exited: failed to flush access log'])).toContain('[emerg] 1#1: could not build server_names_hash');
  });

  it("skips a WARN line after its timestamp (Spring Boot's layout) for the exception it reports", () => {
    const lines = [
      "2026-11-21T03:13:12.000Z ERROR 1 --- [orders] [ad | producer-1] o.s.k.support.LoggingProducerListener : Exception thrown when sending a message with key='ord-7' to topic orders.events:",
      '',
      'org.apache.kafka.common.errors.RecordTooLargeException: The message is 1610233 bytes when serialized which is larger than 1048576, which is the value of the max.request.size configuration.',
      '2026-11-21T03:13:12.000Z  WARN 1 --- [orders] [ad | producer-1] c.a.orders.events.OrderEventPublisher : dropping event for ord-7 after send failure (RecordTooLargeException); outbox row marked FAILED',
    ];
    expect(pickDecisiveLine(lines)).toMatch(/^org\.apache\.kafka\.common\.errors\.RecordTooLargeException: The message is 1610233 bytes/);
  });

  it('passes over a structured "exiting" trailer for the line that says why', () => {
    const why = '{"level":"ERROR","msg":"startup check failed","error":"api error AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity"}';
    expect(pickDecisiveLine([why, '{"level":"ERROR","msg":"exiting","code":1}'])).toBe('startup check failed: api error AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity');
  });

  it('takes the line that says why over a FATAL trailer that only says the process is exiting', () => {
    const lines = ['INFO payment-service 1.9.0 starting', 'INFO loading config from /etc/payments/config.yaml', 'ERROR config: STRIPE_API_KEY is required but not set', 'FATAL exiting with status 1'];
    expect(pickDecisiveLine(lines)).toBe('ERROR config: STRIPE_API_KEY is required but not set');
    expect(pickDecisiveLine(['level=error msg="listen tcp :8080: bind: address already in use"', 'level=fatal msg="shutting down"'])).toBe('listen tcp :8080: bind: address already in use');
  });

  it('passes over a trailer that only says an error was fatal ("fatal startup error, exiting") for the error it follows', () => {
    const why = '{"level":60,"msg":"browser pool init failed","err":{"type":"Error","message":"Failed to launch the browser process! spawn EACCES"}}';
    expect(pickDecisiveLine([why, '{"level":50,"msg":"fatal startup error, exiting","code":1}'])).toBe('browser pool init failed: Failed to launch the browser process! spawn EACCES');
    expect(pickDecisiveLine(['ERROR dial tcp 10.0.0.7:5432: connect: connection refused', 'FATAL unrecoverable error; shutting down'])).toBe('ERROR dial tcp 10.0.0.7:5432: connect: connection refused');
  });

  it('still quotes a trailer when nothing else names the failure', () => {
    expect(pickDecisiveLine(['INFO starting', 'FATAL exiting with status 2'])).toBe('FATAL exiting with status 2');
  });

  it('takes the root cause of a Java stack trace, not its frames', () => {
    expect(pickDecisiveLine(SPRING_DB_DOWN)).toBe('Caused by: java.net.ConnectException: Connection refused');
  });

  it("takes a Go panic's message over the goroutine dump under it", () => {
    expect(pickDecisiveLine(GO_PANIC)).toBe('panic: runtime error: invalid memory address or nil pointer dereference');
  });

  it('takes the exception that ends a Python traceback', () => {
    const lines = [
      'Traceback (most recent call last):',
      '  File "/app/settle.py", line 88, in <module>',
      '    main()',
      '  File "/app/bank.py", line 31, in fetch_statement',
      '    raise FileNotFoundError(name)',
      'FileNotFoundError: statement stmt-20261120.csv not found in s3://settlement-inbox',
    ];
    expect(pickDecisiveLine(lines)).toBe('FileNotFoundError: statement stmt-20261120.csv not found in s3://settlement-inbox');
  });

  it('prefers an error line over later info, warn and debug lines that merely mention a failure', () => {
    const lines = [
      'ERROR unable to open /data/ledger.db: permission denied',
      'WARN cache warm-up failed, continuing without cache',
      '{"level":"info","msg":"retry after timeout","attempt":3}',
      'level=debug msg="connection refused, backing off"',
      'shutting down',
    ];
    expect(pickDecisiveLine(lines)).toBe('ERROR unable to open /data/ledger.db: permission denied');
  });

  it('falls back to the last line when no line names an error', () => {
    expect(pickDecisiveLine(['starting worker', 'processed 48213 rows', '  exiting with status 3  ', ''])).toBe('exiting with status 3');
  });

  it('has nothing to say about an empty log', () => {
    expect(pickDecisiveLine([])).toBeUndefined();
    expect(pickDecisiveLine(['', '   '])).toBeUndefined();
  });

  it('clips a very long line to 300 characters', () => {
    const long = `Error: ${'x'.repeat(400)}`;
    expect(pickDecisiveLine([long])).toBe(`${long.slice(0, 299)}…`);
  });

  it('takes the SQLAlchemy exception, not the "Background on this error" link after it', () => {
    const lines = [
      'Traceback (most recent call last):',
      '  File "/app/settle.py", line 97, in main',
      '    session.commit()',
      'sqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint "settlements_pkey"',
      'DETAIL:  Key (id)=(48213) already exists.',
      '',
      '[SQL: INSERT INTO settlements (id, merchant_id, amount) VALUES (%(id)s, %(merchant_id)s, %(amount)s)]',
      "[parameters: {'id': 48213, 'merchant_id': 'm_2291', 'amount': 1250}]",
      '(Background on this error at: https://sqlalche.me/e/20/gkpj)',
    ];
    expect(pickDecisiveLine(lines)).toBe('sqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint "settlements_pkey"');
  });

  it('takes the psycopg2 exception, not the SQL caret line under it', () => {
    const lines = [
      'Traceback (most recent call last):',
      '  File "/app/settle.py", line 61, in main',
      '    cur.execute("SELECT id, amount FROM ledger_entries WHERE settled = false")',
      'psycopg2.errors.UndefinedTable: relation "ledger_entries" does not exist',
      'LINE 1: SELECT id, amount FROM ledger_entries WHERE settled = false',
      '                               ^',
    ];
    expect(pickDecisiveLine(lines)).toBe('psycopg2.errors.UndefinedTable: relation "ledger_entries" does not exist');
  });

  it('joins a quoted value that a trailing newline broke over two lines, showing the newline', () => {
    // Spring Boot starting with DB_PORT="5432\n" from a Secret written with a trailing newline.
    const lines = [
      "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'dataSource' defined in class path resource [com/acme/inventory/config/DataSourceConfig.class]: Failed to instantiate [com.zaxxer.hikari.HikariDataSource]: Factory method 'dataSource' threw exception with message: For input string: \"5432",
      '"',
      '\tat org.springframework.beans.factory.support.ConstructorResolver.instantiate(ConstructorResolver.java:657)',
      'Caused by: java.lang.NumberFormatException: For input string: "5432',
      '"',
      '\tat java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)',
      '\tat java.base/java.lang.Integer.parseInt(Integer.java:662)',
      '\t... 19 common frames omitted',
    ];
    expect(pickDecisiveLine(lines)).toBe('Caused by: java.lang.NumberFormatException: For input string: "5432\\n"');
  });

  it("takes the error of a Node.js crash over the source echo and the 'Emitted error event' trailer", () => {
    // An unhandled 'error' event: the source line that threw, a caret, the Error, its frames, then where it was emitted.
    const lines = [
      'node:events:497',
      "      throw er; // Unhandled 'error' event",
      '      ^',
      '',
      'Error: listen EADDRINUSE: address already in use 0.0.0.0:8080',
      '    at Server.setupListenHandle [as _listen2] (node:net:1904:16)',
      "Emitted 'error' event on Server instance at:",
      '    at emitErrorNT (node:net:1931:8)',
      "  code: 'EADDRINUSE',",
      '}',
      '',
      'Node.js v20.18.0',
    ];
    expect(pickDecisiveLine(lines)).toBe('Error: listen EADDRINUSE: address already in use 0.0.0.0:8080');
  });

  it("takes a CLI's bare Error: line over a later line that merely mentions an error", () => {
    expect(pickDecisiveLine(['Error: unknown flag: --listen-port', 'Run \'server --help\' for usage; the error above is fatal'])).toBe('Error: unknown flag: --listen-port');
  });

  it('does not join a line whose quotes are balanced with a quote on the next line', () => {
    const lines = ['ERROR config key "db.port" is not a number', '"', 'shutting down'];
    expect(pickDecisiveLine(lines)).toBe('ERROR config key "db.port" is not a number');
  });
});

describe('pickDecisiveLine: a cause logged before a generic give-up', () => {
  it('takes the error that names the cause over a later "timed out waiting" that only reports the consequence', () => {
    const lines = [
      '2026-11-21T03:09:00Z\tINFO\tsetup\tstarting manager',
      '2026-11-21T03:09:01Z\tERROR\tcontroller-runtime.source\tif kind is a CRD, it should be installed before calling Start\t{"kind": "Widget.example", "error": "no matches for kind \\"Widget\\" in version \\"example/v1beta1\\""}',
      'sigs.k8s.io/controller-runtime/pkg/source.(*Kind).Start.func1.1',
      '\t/go/pkg/mod/sigs.k8s.io/controller-runtime@v0.12.3/pkg/source/source.go:139',
      '2026-11-21T03:11:00Z\tERROR\tCould not wait for Cache to sync\t{"error": "failed to wait for widget caches to sync: timed out waiting for cache to be synced"}',
      '2026-11-21T03:11:00Z\tINFO\tStopping and waiting for caches',
      '2026-11-21T03:11:00Z\tERROR\tsetup\tproblem running manager\t{"error": "failed to wait for widget caches to sync: timed out waiting for cache to be synced"}',
      'main.main',
      '\t/workspace/main.go:131',
    ];
    expect(pickDecisiveLine(lines)).toMatch(/no matches for kind \\?"Widget\\?" in version/);
  });

  it('takes the exception a Python chain names as the direct cause over the wrapper that "exited unexpectedly"', () => {
    const lines = [
      'INFO worker: batch 1 with 4 loader processes',
      'Traceback (most recent call last):',
      '  File "/usr/lib/python3.11/queue.py", line 180, in get',
      '    self.not_empty.wait(remaining)',
      'RuntimeError: loader worker (pid 41) is killed by signal: Bus error. The workers may be out of shared memory.',
      '',
      'The above exception was the direct cause of the following exception:',
      '',
      'Traceback (most recent call last):',
      '  File "/app/main.py", line 12, in <module>',
      "    raise RuntimeError(f'loader worker (pid(s) {pids}) exited unexpectedly') from e",
      'RuntimeError: loader worker (pid(s) 41) exited unexpectedly',
    ];
    expect(pickDecisiveLine(lines)).toMatch(/Bus error.*shared memory/);
  });

  it('keeps a "timed out waiting" line when no earlier line names a cause', () => {
    const lines = ['INFO starting', 'INFO connecting to the broker', 'ERROR timed out waiting for the broker after 30s'];
    expect(pickDecisiveLine(lines)).toBe('ERROR timed out waiting for the broker after 30s');
  });
});

describe('condenseStructuredLine', () => {
  it("reads zap's console lines (controller-runtime, operators): the message, then the error of its JSON fields", () => {
    const line = '2026-11-21T03:09:01Z\tERROR\tcontroller-runtime.source\tif kind is a CRD, it should be installed before calling Start\t{"kind": "Widget.example", "error": "no matches for kind \\"Widget\\" in version \\"example/v1beta1\\""}';
    expect(condenseStructuredLine(line)).toBe('if kind is a CRD, it should be installed before calling Start: no matches for kind "Widget" in version "example/v1beta1"');
  });

  it("reads zap's console lines with the level in lower case (the OpenTelemetry Collector's)", () => {
    const line = '2026-11-21T03:13:52.800Z\terror\texporterhelper/queue_sender.go:101\tExporting failed. Dropping data.\t{"kind": "exporter", "name": "otlp/tempo", "error": "no more retries left: rpc error: code = Unavailable desc = name resolver error: produced zero addresses", "dropped_items": 876}';
    expect(condenseStructuredLine(line)).toBe('Exporting failed. Dropping data.: no more retries left: rpc error: code = Unavailable desc = name resolver error: produced zero addresses');
  });

  it('reads klog\'s structured lines (Kubernetes components) like logfmt', () => {
    expect(condenseStructuredLine('E1121 03:13:52.120457       1 scraper.go:149] "Failed to scrape node" err="x509: cannot validate certificate for 10.0.111.31" node="ip-10-0-111-31"')).toBe(
      'Failed to scrape node: x509: cannot validate certificate for 10.0.111.31',
    );
    expect(condenseStructuredLine('I1121 03:13:52.120457       1 main.go:12] plain klog text')).toBe('I1121 03:13:52.120457       1 main.go:12] plain klog text');
  });

  it('shows the upstream a proxy or client line names, after the message and the error', () => {
    expect(condenseStructuredLine('{"level":"error","ts":"2026-11-21T03:12:00.412Z","caller":"proxy/forward.go:118","msg":"upstream call failed","upstream":"ledger-api.payments.svc:8443","error":"context deadline exceeded"}')).toBe(
      'upstream call failed: context deadline exceeded (upstream ledger-api.payments.svc:8443)',
    );
    expect(condenseStructuredLine('level=error ts=2026-11-21T03:12:00Z msg="proxy error" host=shop.example.com upstream=cart-api:8080 err="EOF"')).toBe('proxy error: EOF (host shop.example.com, upstream cart-api:8080)');
  });

  it("reads Rust tracing lines (Linkerd's proxy, Vector) by their message: uptime, level, thread, spans and target say where, not why", () => {
    const span = 'identity:controller{addr=linkerd-identity-headless.linkerd.svc.cluster.local:8080}:endpoint{addr=10.0.6.12:8080}';
    expect(condenseStructuredLine(`[     0.011342s]  WARN ThreadId(02) ${span}: linkerd_reconnect: Failed to connect error=invalid peer certificate: Expired`)).toBe(
      'Failed to connect error=invalid peer certificate: Expired',
    );
    expect(condenseStructuredLine('2026-11-21T03:12:00.412Z ERROR sink{component_kind="sink" component_id=loki}: vector::sinks::util::retries: Retrying after error. error=Server responded with an error: 429 Too Many Requests')).toBe(
      'Retrying after error. error=Server responded with an error: 429 Too Many Requests',
    );
    // A plain timestamped line is not a tracing line: its words before a colon are the message.
    expect(condenseStructuredLine('2026-11-21T03:12:00Z ERROR Failed: connection refused')).toBe('2026-11-21T03:12:00Z ERROR Failed: connection refused');
  });

  it('leaves the upstream out when the error already names it', () => {
    const line = '{"level":"error","ts":"2026-11-21T03:13:58Z","caller":"quote/refresher.go:64","msg":"quote refresh failed","upstream":"rates.partner-bank.eu","error":"Get \\"https://rates.partner-bank.eu/v2/quotes?base=EUR\\": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-11-21T03:13:58Z is after 2026-11-21T00:00:00Z"}';
    expect(condenseStructuredLine(line)).toBe(
      'quote refresh failed: Get "https://rates.partner-bank.eu/v2/quotes?base=EUR": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-11-21T03:13:58Z is after 2026-11-21T00:00:00Z',
    );
  });
});

describe("Ruby Logger's lines", () => {
  it('quotes the message Rails logs on the line after a FATAL line that holds only the request id', () => {
    const lines = [
      'I, [2026-11-21T03:10:39.880000 #19]  INFO -- : [8cf17484-298f-996e-5745-75519ec45659] Processing by Api::V1::OrdersController#show as JSON',
      'F, [2026-11-21T03:10:44.888177 #19] FATAL -- : [8cf17484-298f-996e-5745-75519ec45659]   ',
      '[8cf17484-298f-996e-5745-75519ec45659] ActiveRecord::ConnectionTimeoutError (could not obtain a connection from the pool within 5.000 seconds (waited 5.004 seconds); all pooled connections were in use):',
      '[8cf17484-298f-996e-5745-75519ec45659]   ',
      "[8cf17484-298f-996e-5745-75519ec45659] activerecord (7.1.4) lib/active_record/connection_adapters/abstract/connection_pool/queue.rb:128:in `block in wait_poll'",
    ];
    expect(pickDecisiveLine(lines)).toMatch(/^ActiveRecord::ConnectionTimeoutError \(could not obtain a connection/);
  });

  // Rails' production logger prefixes every line of a record, its backtrace frames too: a frame
  // says where, the exception line of the same record says why.
  it.each([
    ['a UUID request id', '5b0c2a7e-1d4f-4a8b-9c3e-2f6d8e0a1b2c'],
    ['a request id of another hex shape (set by the proxy)', '7e21c4-a3f-4d2e-b017-9c0e4f2a6d18'],
  ])('quotes the exception, not a frame, when every line carries the Logger prefix and %s', (_name, id) => {
    const f = (m: string) => `F, [2026-11-21T03:10:44.888177 #12] FATAL -- : [${id}] ${m}`;
    const lines = [
      `I, [2026-11-21T03:10:44.880000 #12]  INFO -- : [${id}] Completed 401 Unauthorized in 4ms (ActiveRecord: 0.0ms | Allocations: 1187)`,
      f('  '),
      f('Widgets::Verifier::BadDigest (Widgets::Verifier::BadDigest):'),
      f('  '),
      f("app/controllers/concerns/widget_auth.rb:18:in `current_user'"),
      f("app/controllers/api/base_controller.rb:9:in `authenticate_user!'"),
    ];
    expect(pickDecisiveLine(lines)).toMatch(/^Widgets::Verifier::BadDigest \(Widgets::Verifier::BadDigest\)/);
  });

  it('never quotes a JVM or Python frame behind request tags over the exception of its record', () => {
    expect(pickDecisiveLine([
      '[req-7f3a91] com.example.orders.OrderException: order 42 has no lines',
      '[req-7f3a91] at org.springframework.boot.web.servlet.support.ErrorPageFilter.doFilter(ErrorPageFilter.java:130)',
    ])).toBe('[req-7f3a91] com.example.orders.OrderException: order 42 has no lines');
    expect(pickDecisiveLine([
      '[req-7f3a91] ValueError: invalid literal for int() with base 10: "x"',
      '[req-7f3a91]   File "/app/errors/handler.py", line 3, in raise_error',
    ])).toMatch(/^\[req-7f3a91\] ValueError: invalid literal/);
  });

  it('drops the prefix and request tags of a line that carries its message', () => {
    expect(condenseStructuredLine('E, [2026-11-21T03:10:44.888177 #19] ERROR -- : [8cf17484-298f-996e-5745-75519ec45659] Redis::CannotConnectError: Connection refused')).toBe('Redis::CannotConnectError: Connection refused');
  });
});
