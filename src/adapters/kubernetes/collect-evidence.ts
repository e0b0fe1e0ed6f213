// collectEvidence: everything a triage reads, in parallel, under one deadline.
//
// Request plan (N = pods kept, capped; n ≤ maxPodsWithEvents):
//   1 get of the target (Deployment, StatefulSet, DaemonSet, Job, CronJob; a CronJob also lists
//   the namespace's Jobs: its own runs, and all of them in brief when a quota on the count of Jobs
//   refuses its runs), then at once:
//   pods (labelSelector = the target's selector; every page counted), ReplicaSets or
//   ControllerRevisions (same selector, kept by owner uid), HPAs, Services, EndpointSlices,
//   NetworkPolicies, ResourceQuotas, LimitRanges (with bounds), ConfigMaps (key names and large values' byte sizes, no values) and (one page) Warning events of the namespace, the cluster
//   DNS pods, events of the target — one list each (pages of 500); the namespace's Warnings about the
//   workload's pods already gone (named by its ReplicaSets: a rollout's stopped pods) join its events, no read of their own;
//   then, as each of those arrives: events of n pods, of the newest ReplicaSets, of the HPA and
//   of the Jobs (the last run's too, by the name the controller gives it, when it is already deleted;
//   one field-selector query each, at most 5; of a suspended Job's Kueue Workloads its CreatedWorkload event names,
//   at most 2: read-queued-workload-events.ts), a get and an events query per node under the
//   pods, a get and an events query per PVC and a get of its volume, up to maxLogs log tails (of ready pods, two
//   samples, four after a recent scale-up: two it added, two from before it; in at most two sampled pods, a reverse proxy sidecar
//   (nginx, Envoy… or an auth proxy such as oauth2-proxy) or an OPA sidecar listed after the app, by image, or a sidecar that
//   prints the server's request log (varnishncsa, varnishlog, a tail -F of an access log: request-log-sidecar.ts), within the same
//   cap; and one more: a ready pod the pods' Unhealthy warnings name that the sample missed, read-pod-details.ts
//   pickFlaggedSamples; and where a crashed run's log is gone (the kubelet no longer has it) while its container runs
//   again, that container's current log tail instead (at most two, read-restarted-current-log.ts); and where a sampled member of a Parallel StatefulSet started blank as a new cluster, the current log
//   tails of at most three members the sample missed, read-cluster-member-logs.ts) — and where one of those says its proxied requests fail on an upstream inside the pod (a unix socket, 127.0.0.1),
//   or that its connections to a loopback address are refused (or closed or reset: then only a neighbour that declares the
//   port or names it in its flags, such as a database auth proxy's --port), the current log tail of the neighbour
//   containers that serve it (at most two, in one pod: read-local-upstream-log.ts),
//   and where those logs show a dependency rejecting the pods' credentials and the rejecting pods run a Vault Agent
//   beside the app, the current log tail of that agent (at most two pods: read-vault-agent-log.ts),
//   and where those logs show nginx in the pods refusing request bodies again and again ("client intended to send
//   too large body", at least 3), a get of the ConfigMap its container mounts and of the one the revision before
//   mounted there (at most two; only client_max_body_size kept: read-proxy-config.ts),
//   and where they show nginx with no resolver for its upstream again and again ("no resolver defined to resolve", at
//   least 3), the same two gets (only its proxy_pass and resolver lines kept: read-proxy-config.ts),
//   and where they show an nginx access log answering 404 to most requests under one path prefix, on several paths (at
//   least 8, and 80% of that prefix's requests), the same two gets (only the prefix locations and the proxy_pass each
//   holds kept: read-proxy-routes.ts),
//   and where they show some pods failing to connect to a host's address (Java's host/IP) while others reach the same
//   host at another, a get of the ConfigMaps their JVM's -Djava.security.properties file is mounted from (at most two; only
//   the networkaddress.cache.ttl / sun.net.inetaddr.ttl lines kept: read-dns-cache-config.ts),
//   and where they show Envoy in the pods refusing requests at its circuit breakers again and again (503 with response
//   flag UO, "reset reason: overflow", at least 3), the same two gets for its container (only the circuit_breakers
//   thresholds kept: read-circuit-breaker-config.ts),
//   and where they show Envoy in the pods failing most requests at its rate-limit service (500 with response flag RLSE,
//   at least 5), a get of the ConfigMap its container mounts (one; only the ratelimit filter's failure_mode_deny, cluster
//   and address kept) and, where that address is a Service of the namespace, the namespace's Deployments (listed once per
//   triage) for the one it selects: replicas and kube-downscaler's annotations (read-rate-limit-service.ts),
//   and where the workload serves through Services and a ConfigMap of the namespace has an haproxy*.cfg key, the namespace's Deployments (listed once per triage), of them at most two
//   that run HAProxy (by image) and mount a ConfigMap: a get of those ConfigMaps (only the backend section naming one of the
//   workload's Services kept), and for the first that names one a list of its pods (at most 5) and the current log tail of at
//   most two (read-front-proxy.ts),
//   and where the workload's own HAProxy log says a backend has no server available and answers <NOSRV> 503s after it, a get
//   of the ConfigMap its container mounts (only that backend's servers' host and health check kept) and, when the host is a
//   Service of the namespace, a list of that Service's ReplicaSets (at most 10) with their probes (read-backend-down.ts),
//   and where the workload's current log shows requests performed twice (duplicate charge, an idempotency key seen again) and it
//   serves through Services, the namespace's Deployments (listed once per triage), of them at most two that run nginx (by image)
//   and mount a ConfigMap: a get of those ConfigMaps (only a proxy_next_upstream … non_idempotent line and proxy_read_timeout of a
//   config naming one of the workload's Services kept: read-replaying-proxy.ts),
//   and where the workload's logs show the TLS alert a server sends when it refuses their client certificate ("remote error:
//   tls: bad certificate", at least 2) and their env names that server's in-cluster Service, a get of that Service, one page of
//   its pods and the current log tail of one serving pod (only the lines saying why a certificate failed verification kept, at
//   most four: read-server-cert-refusal.ts),
//   and where they show nginx running out of connections again and again ("N worker_connections are not enough",
//   "(24: Too many open files)", at least 3), a get of the ConfigMap its container mounts (one; only worker_connections,
//   worker_processes and worker_rlimit_nofile kept: read-proxy-connection-config.ts), and in the same get, where they
//   show nginx failing to connect to an upstream IP again and again ("(110: Connection timed out) while connecting to
//   upstream", at least 3), only its proxy_pass, upstream servers and resolver (the names it resolved at start),
//   and where they show nginx's upstreams closing or resetting its requests before their response header ("upstream
//   prematurely closed connection", "recv() failed (104: …) while reading response header", at least 2), only the
//   upstream blocks that keep idle connections (keepalive, keepalive_timeout, their servers: proxy-keepalive-race.ts),
//   and where they show php-fpm behind it not finding the script nginx asked for ("Primary script unknown", at least 3),
//   only its root and SCRIPT_FILENAME fastcgi_param lines (php-script-root.ts),
//   and where the events or logs of its pods show their proxy's reloads failing the config test on a directive (nginx's
//   "[emerg] unknown directive …", "Error reloading NGINX"), a get of the ConfigMap its controller's --configmap argument
//   names (one, in that namespace; only the lines naming the directive kept: read-reload-config.ts),
//   and where those logs show statements cancelled at the client's own statement timeout again and again ("canceling
//   statement due to statement timeout", at least 3), a get of the ConfigMaps the logging container takes variables from
//   (envFrom, configMapKeyRef; at most two; only the statement_timeout setting as written kept: read-timeout-config.ts),
//   and where they show SQS deletes refused for expired receipt handles ("ReceiptHandleIsInvalid", at least 3) or Vault refusing
//   the pods (403 permission denied, at least 3), the same gets of the ConfigMaps the logging container takes variables from (at
//   most two per mechanism; only the visibility-timeout, or max-TTL and Vault-role, keys kept), and where those name the Vault role
//   but no max TTL, a get of the namespace's ConfigMaps (by the list) whose name or key names carry that role (at most two; only
//   its max-TTL line kept: read-setting-config.ts); where SQS refuses sends as FIFO ones (no MessageGroupId, at least 2), the same
//   gets, keeping only a value naming a .fifo queue; where a peek-lock consumer's settlements fail for lost message locks
//   (MessageLockLost, at least 3), the same gets, keeping only the lock-duration, lock-renewal and max-delivery-count keys; where a PHP MySQL client fails
//   on a missing Unix socket (error 2002 "No such file or directory"), the same gets, keeping only a database host key set to localhost; where the database refuses a run ownership or a privilege ("must be owner of table", "permission denied for table", 42501; MySQL's "command denied to user"), the gets of the ConfigMaps
//   that set its user (a user-naming env var's configMapKeyRef first, then envFrom; at most two), keeping only the database user keys (DB_USER, PGUSER, FLYWAY_USER…); where Kafka brokers refuse the producer's codec (UNSUPPORTED_COMPRESSION_TYPE,
//   at least 2), the same gets, keeping only the compression.type and brokers' version keys; where they show MongoDB answering
//   writes "not primary" (even one), the same gets, keeping only the MongoDB address keys (MONGODB_URI…), password masked; where
//   they show writes refused as read-only (PostgreSQL 25006, MySQL 1290; at least 2) and the container names no literal database
//   host, the same gets, keeping only the database address keys (DB_HOST, PGHOST, MYSQL_HOST, DB_URL…), password masked;
//   where they show a dependency error whose kind says what the address points at (MongoDB refusing transactions as a standalone,
//   S3's PermanentRedirect for a bucket of another region, Redis without cluster support; at least 2: addressed-dependency-error.ts),
//   the same gets, keeping those address keys and the bucket, region and Redis address keys (S3_BUCKET, AWS_REGION, REDIS_URL…);
//   where they show queue jobs taken again past their tries (MaxAttemptsExceededException, a RabbitMQ delivery acknowledgement
//   timeout; at least 2), the same gets, keeping only the redelivery-timeout (retry_after, visibility/consumer timeout) and
//   job-timeout keys; where a restarted container with an HTTP liveness probe logs a health check failing ("DataSource health check
//   failed"), the gets of the ConfigMaps it mounts, then those it takes variables from (at most two; only the liveness health
//   group line — management.endpoint.health.group.liveness.include — of its config files, or that env key, kept); where the current
//   logs show a java.lang.StackOverflowError, the gets of the ConfigMaps the container takes variables from (at most two; only the
//   JVM options keys — JAVA_TOOL_OPTIONS… — that set a thread stack size, -Xss, kept); where a metrics store refuses the pods'
//   remote_write at a limit (a series limit, out-of-order or too-old samples; at least 3 sends), the gets of the ConfigMaps the
//   sending container mounts (at most two; only the scrape job names of its config file kept); where a Spring app's current logs
//   show a connection refused at the loopback default of a server whose properties Spring Boot 3 renamed (localhost:6379,
//   :9042), the gets of the ConfigMaps it mounts, then those it takes variables from (at most two; only one setting under the
//   old prefix — spring.redis.* — of its config files, or those env keys, kept); where two or more running pods' current logs
//   show requests that lost their session (a large share of writes answered 419, "CSRF token mismatch", "no session for sid")
//   and the container's literal env names no session store, the gets of the ConfigMaps it takes variables from (at most two;
//   only the session-store keys — SESSION_DRIVER, SESSION_STORE, SESSION_TYPE — kept); where a Kafka client's SCRAM logins
//   are refused with the mechanism they use (scram-mechanism.ts), the gets of the ConfigMaps it mounts, then those it takes
//   variables from (at most two; only its sasl.mechanism line or key kept); where the workload's own rate limiter refuses its
//   callers at large (its 429s outnumber what it serves, or several callers refused: own-limiter-refusals.ts), the gets of the
//   ConfigMaps the refusing container mounts, then those it takes variables from (at most two; only the limit kept — an Envoy
//   token bucket's max_tokens/tokens_per_fill/fill_interval, an nginx limit_req_zone rate and limit_req burst, rate-limit
//   lines or RATE_LIMIT_* keys); where ClickHouse refuses the pods' INSERTs for too many partitions per block (code 252, at
//   least 2 lines naming the table: clickhouse-partition-key.ts), the gets of the ConfigMaps the pod mounts into any of its
//   containers, init containers too (at most two, the logging container's first; only that table's PARTITION BY kept),
//   where a store refuses the pods' requests as signed past their time (Azure "Signature not valid in the specified time
//   frame", "Request has expired", an expired token; at least 3, the newest within the hour: expired-signed-credential.ts),
//   the gets of the ConfigMaps the refused container mounts, then those it takes variables from (at most two; only the
//   expiry a value writes — a SAS's se=, X-Amz-Date/X-Amz-Expires, Expires=, a JWT's exp — never its signature, kept),
//   where a ready pod's timeout error states its own limit ("timeout of 20ms exceeded": stated-client-timeout.ts), the gets
//   of the ConfigMaps the logging container takes variables from (at most two; only the *TIMEOUT*/*DEADLINE* keys kept),
//   where SQS tells the pods their queue does not exist (NonExistentQueue / QueueDoesNotExist: missing-queue.ts), the gets of
//   the ConfigMaps the logging container takes variables from (at most two; only values that are an SQS queue URL or ARN, or a
//   name under a queue key, kept) and the same list of the namespace's Deployments (at most 200, shared; only other Deployments'
//   literal env values naming an SQS queue kept, at most five: read-queue-peers.ts),
//   and where the current logs say a host does not resolve or refuses connections, a get of the ConfigMaps the pods logging it read through a
//   subPath mount or env (at most two; only whether the data still names that host and the lines naming a host like it
//   kept, with the newest write of its data: read-stale-config.ts),
//   and where the current logs say Redis Sentinel knows no master by the set name the client asks ("No master found for
//   'mymaster'", "ERR No such master with that name"), a get of the namespace's ConfigMaps whose key names carry "sentinel"
//   (from the namespace's list; at most three; only the names of their `sentinel monitor` lines kept: read-sentinel-config.ts),
//   and where a crash line of the pods reports a setting read as a boolean where a value was expected ("…: False"), a get
//   of the ConfigMaps those pods mount (at most two; only the lines under that setting holding a bare YAML 1.1 boolean
//   word kept: read-yaml-boolean.ts),
//   and where those logs show the pods' connection pool exhausted again and again (ActiveRecord's ConnectionTimeoutError,
//   HikariCP's "Connection is not available", SQLAlchemy's QueuePool limit…, at least 3), a get of the ConfigMaps the logging
//   container mounts, then of those it takes variables from (at most two; only the pool's size, overflow and checkout-timeout
//   lines and pool or thread variables kept: read-pool-config.ts),
//   and where a container of the pods was OOM-killed at its memory limit, a get of the ConfigMaps it mounts (at most two;
//   only the settings that size a server's memory pool kept — shared_buffers, work_mem, max_connections,
//   innodb_buffer_pool_size, cacheSizeGB, maxmemory: read-memory-pool-config.ts),
//   and where a log of the pods says the primary already removed the WAL segment it needs ("requested WAL segment … has
//   already been removed"), a get of the ConfigMaps that pod mounts (at most two; only wal_keep_size, wal_keep_segments,
//   max_slot_wal_keep_size and archive_mode kept: read-wal-retention-config.ts),
//   and where those logs say a table is missing (PostgreSQL 42P01 `relation "…" does not exist`, MySQL 1146) and the logging
//   container sets no schema generation itself, a get of the ConfigMaps it mounts, then of those it takes variables from (at
//   most two; only the ddl-auto / hbm2ddl.auto lines and the newest write of the data kept: read-schema-generation.ts),
//   and where a log of the pods shows nginx stopping at start with "could not build server_names_hash", a get of the
//   ConfigMap that container mounts (one; only its longest server_name and server_names_hash_bucket_size kept: read-server-names.ts),
//   and where the current logs say a name does not resolve without naming it (gRPC's "produced zero addresses"), a get of
//   the ConfigMaps the logging container mounts (at most two; only the lines holding an in-cluster Service name kept) and
//   one list of the Services of each other namespace those name (at most two, 200 Services each: read-config-endpoints.ts),
//   and — only when a pod is not scheduled, or for a DaemonSet — one paged list of the cluster's nodes;
//   and where the scheduler refuses a pending pod for its required pod affinity ("didn't match pod affinity rules"),
//   per term (at most two) one list of the pods its selector matches in each namespace it names (at most two, 5 pods
//   each), and only when a term matches none, one list of the namespace's pods (at most 200) and a get of the
//   controllers of at most two pods whose labels come close (read-affinity-peers.ts);
//   and where the scheduler refuses a pending pod with "didn't find available persistent volumes to bind" while its
//   claim is unbound, one get of that claim's StorageClass (cluster-scoped; its allowedTopologies: read-storage-class.ts);
//   for at most two other Services of the namespace with no ready endpoint, or that the logs fail
//   to connect to, a list of their pods (at most 5), the events of two that are not ready and the
//   current log tail of one that runs but is not ready, and where their pods keep dying (crash-looping
//   or restarted within the hour), one list of the ReplicaSets (or ControllerRevisions) of the Deployment
//   (or StatefulSet) that made them (at most 20: its newest revision may have changed what kills them);
//   where the pods' logs find an NFS share they mount stale (ESTALE, at least 2 lines) and a Service of the namespace
//   serves it (by its cluster IP or name), a list of that Service's pods (at most one Service, 5 pods: when the server
//   was re-created, read-volume-server-pods.ts);
//   where requests stopped when an ingress NetworkPolicy changed, the last callers by IP (at most 3);
//   where a Service of the namespace routes to cert-manager's HTTP-01 solvers (acme.cert-manager.io/http01-solver), one list of
//   those pods (at most 5), and where one has stayed an hour or more, one list of the namespace's pods (at most 200) and the current
//   log tail of at most two pods of other workloads, only their expired-certificate lines kept (read-acme-solvers.ts); and when an HPA cannot get its metrics,
//   the metrics-server pods of kube-system and the log tail of one (for resource metrics), or, when its custom or external metrics
//   API does not answer, the pods of the adapter that serves it, all namespaces, by its chart's name label then by `app` (at most 5
//   each), the log tail of one and the ReplicaSets of its Deployment (at most 20: read-metrics-adapter.ts); and a get and a log tail of
//   at most two pods the workload's Services route to that are not its own (and a get of the ReplicaSets that made them,
//   at most two, only for such pods a ReplicaSet controls: whether it still has an owner: read-foreign-replica-sets.ts); and where the workload's
//   logs refuse a Service of the namespace's answers for their size (gRPC "received message larger than max"), or get its
//   gRPC calls answered UNIMPLEMENTED (then also its pods, as a Service the logs fail on: at most 5), or its HTTP calls answered
//   404 on a path again and again (http-route-gone.ts: whether the peer's new release dropped the route), or answered 400 for
//   plain HTTP sent to its TLS port, 414 for a URL past its request-line limit or 417 to Expect: 100-continue — the forward
//   proxy its HTTP(S)_PROXY names, for calls outside the cluster (peer-request-refusal.ts) — one list of
//   the ReplicaSets its selector matches (at most 10: read-peer-rollout.ts); and where its logs show messages it cannot take
//   (Celery's unregistered task, "Unknown magic byte!", payloads that do not decode) or transactions that deadlock or fail to serialize (another writer),
//   or consumer lag warnings on one partition while its other consumers idle (the producer that changed its key: partition-lag-skew.ts), or a job worker
//   listing its queues in its args (the producer that set a queue name it does not list: worker-queue-names.ts), or a Kafka consumer
//   whose fetches of the same partitions the brokers keep refusing with error 76 (UNSUPPORTED_COMPRESSION_TYPE: the producer that set
//   zstd, kafka-fetch-stall.ts; and where no log tail states its client version, the head of one stalled pod's current log, 64 KB by
//   limitBytes, only its AppInfoParser "Kafka version" line kept: read-client-version.ts), or calls that fail a TLS handshake whose
//   reading depends on the client's TLS library (an expired certificate, TLS terms refused) where no log tail names that library (the
//   head of one failing pod's current log, 64 KB by limitBytes, only the line naming it kept: read-tls-library.ts), or a read_committed Kafka consumer that
//   receives nothing while its lag grows, with no error (its position standing still: the transactional producer, of any age,
//   whose pod the namespace's Warnings already read say was lost: read-committed-stall.ts, open-transaction-producer.ts), or every bearer token
//   refused for its signing algorithm (the token issuer that changed how it signs: token-algorithm-mismatch.ts), one list of the namespace's
//   ReplicaSets (at most 300; the other Deployments' newest two revisions kept when recent: read-namespace-rollouts.ts); where its
//   search index refuses its documents for their mapping (mapper_parsing_exception), or its Redis evicts keys it then misses (its logged
//   INFO figures: evicted_keys climbing at maxmemory, and "session not found"; redis-evictions.ts), or its statements time out waiting
//   for a lock (Postgres "canceling statement due to lock timeout" 55P03, MySQL 1205, at least 3: the other client of the database
//   that rolled out, lock-holder-sessions.ts), or Postgres refuses its role at the role's CONNECTION LIMIT (at least 3: the other
//   client of the role that rolled out, pg-role-limit.ts), or its Redis calls time out (at least 3) with no blocking command of
//   its own in its logs (the other client of the same Redis that rolled out, redis-client-rollout.ts), or it refuses request bodies over its own size limit (body-parser's PayloadTooLargeError, Kestrel, Go's MaxBytesReader, Spring multipart; at least 3: the caller that rolled out, body-limit-refusal.ts), or its database refuses the values it writes as too long for their column (PostgreSQL 22001, MySQL 1406, SQL Server's truncation; at least 3: the caller that rolled out, column-overflow.ts), or its lookups fail on ids past 2^53 that a floating-point JSON parse rounded (at least 3 lines: the service whose Service its env names, which began to issue larger ids, id-precision-loss.ts), or a server of its answers BUSY for another client's script (the other client that rolled out when no Job ran it, client-rollout.ts), or its store answers that the index, bucket or table it reads does not exist (at least 2 lines: the other client of the same store that rolled out and renamed or deleted it, data-object-rollout.ts), the same list; for the mapping, one more per other namespace its
//   failure lines or its channel env name (at most two namespaces: read-sender-rollouts.ts); and where the workload's
//   logs say a Service of the namespace refuses it now (a broker's blocked connection, an etcd past its quota: one member is enough, each logs the alarm) or time out on its database (statement timeouts, or COMMITs run out of their deadline; the database named by a URL or a host env var such as PGHOST), or time out on their Redis, or that their Postgres (or MySQL: "Communications link failure", at least 2) closed their connections ("server closed the connection unexpectedly") or refuses their role past its CONNECTION LIMIT, or that a Service of the namespace closed their pooled HTTP keep-alive connections before reuse ("unexpected end of stream", NoHttpResponseException; at least 2: its pod's env and log name its idle timeout, closed-idle-http.ts), or whose crashed runs refuse the server for its version (a client library requiring a newer one: the Service the client's address names, server-version-requirement.ts), or that a server refuses them for being older than it (MongoDB's "Unsupported OP_QUERY command", Elasticsearch 8's media_type_header_exception, MySQL 8.0's syntax error near a word it now reserves; or demands credentials the client does not send: Elasticsearch 8's "missing authentication credentials", Redis' NOAUTH, MongoDB's "requires authentication", server-auth-refusal.ts: the Service the client's address names, a URL, a JDBC URL, a Go DSN or a host variable, server-upgrade.ts), or that a server refuses them at a capacity setting (MySQL ERROR 1206, lock table size; Redis "ERR max number of clients reached": the Service the client's address names, else the namespace's one Service on the server's port), a get and a
//   log tail of one of its ready pods (a ready endpoint of its EndpointSlices, else a ready pod its selector matches among those
//   already listed for it as a Service with no ready endpoint) (also, where its own logs show its cache hit ratio collapsed and not recovered, of the cache
//   Service its env names, one more: when the cache restarted and whether it persists, cache-hit-collapse.ts) (and where a client writing to a read-only server is pinned to one pod of a
//   headless Service by that pod's DNS name, a get and the log tail of that pod: at most one; and where the server
//   refuses at a setting its command line does not set (a RabbitMQ disk alarm: its disk_free_limit; a Postgres that terminates sessions at idle_in_transaction_session_timeout; a MySQL that aborts idle connections at wait_timeout; a Redis its calls time out on (at least 3 lines): notify-keyspace-events and appendfsync; a role's CONNECTION LIMIT in its init SQL; MySQL's innodb_buffer_pool_size for ERROR 1206; Redis's maxclients; a Postgres whose log shows commits waiting for synchronous replication:
//   synchronous_standby_names and synchronous_commit, sync-standby.ts), a get of the ConfigMaps its pod mounts, at most two, only
//   that setting kept: read-server-config.ts; where its log tail holds no line that says why it refuses, one deeper
//   read of that log, at most 5000 lines / 1 MB, only the lines that say why kept: read-server-log-search.ts; and
//   where its own log says its disk is full, or that its writes wait many seconds on the disk (Postgres checkpoints
//   slow to sync: slow-storage.ts), a get of the claims its pod mounts, at most two: read-server-claims.ts; and where
//   it refuses by its own settings (a library it preloads, its sql_mode, a Redis in protected mode without its config file, its InnoDB buffer pool), or refuses the client for being older than it or for sending no credentials (server-upgrade.ts: the server's upgrade under it), or refuses its writes as a secondary after a failover (a MongoDB "not primary", a Redis READONLY: the members' rollout that moved the primary), and
//   its pod belongs to a StatefulSet, one list of that StatefulSet's ControllerRevisions by the pod's template labels, at most 20
//   (a Deployment: one list of its ReplicaSets by those labels, at most 20): read-server-rollout.ts); and where
//   a Service of any namespace refuses it for a reason its own servers log (an Elasticsearch disk watermark, Cassandra reads aborted
//   over too many tombstones — or only failed at their consistency level, the replicas' log then saying why —, a ZooKeeper that closes its sockets before any session for too many connections from its IP; the Service by the client's address, else the namespace's one Service on the server's port), one page
//   of its EndpointSlices and a get and log tail of at most three of its ready pods: read-explaining-pods.ts (when no slice names a
//   pod — a Service without a selector, Patroni's leader Endpoints —, one get of its Endpoints for them: read-endpoints-pods.ts); and where its
//   MongoDB queries run out of maxTimeMS (MaxTimeMSExpired, at least 3 lines) or its transactions are aborted under it (NoSuchTransaction, at least 3 lines: mongo-transaction-lifetime.ts), one page of the EndpointSlices of the MongoDB Service its URI names and the log tails of
//   at most three of its pods (read-explaining-pods.ts: the primary logs the slow queries), and where they show a COLLSCAN but no dropped index, the one deeper read above; and for a pending pod
//   pinned to one node that needs host ports (a DaemonSet's) — or one free to go anywhere that the scheduler refused
//   for host ports ("didn't have free ports"): the nodes the workload's running pods are on —, or a host-network pod whose logs say its
//   port is in use, the pods of that node (at most two nodes each);
//   and while a pod waits to be placed, the cluster autoscaler's status ConfigMap (one get), the namespace's Preempted events (one page) and, where they
//   preempted the workload's pods, the pods of the nodes they name (at most two nodes); and where a
//   pod's FailedCreatePodSandBox names a CNI plugin, or pending pods ask for a device (nvidia.com/gpu)
//   that none of the nodes they may use advertises, or the kubelet rejected pods at admission for a device it had none of
//   (UnexpectedAdmissionError "devices unavailable for …": that node's device plugin, device-admission.ts), or a pod's FailedMount says its node has not registered
//   a CSI driver ("not found in the list of registered CSI drivers"), the pods of those nodes (at most two nodes); where a
//   not-ready pod's recent FailedMount says its RBD image is still in use ("is still being used", "(16) Device or resource
//   busy"), one list of the cluster's nodes (capped as for placement), keeping only the NotReady ones (at most three:
//   read-image-holders.ts); and on the nodes named before (sandbox, device, CSI driver),
//   the log tail of that plugin's failing agent there (of its agent ready or not when the API server refuses the CNI plugin:
//   Unauthorized, Forbidden) (for a CSI driver, its node plugin's failing container) (where the logs time out connecting, one such node's pods and its
//   Cilium agent's log tail, ready or not) (where the runtime refuses a pod for an AppArmor profile it does not find,
//   the pods of that pod's node and of one ready pod's node: which profile loader runs on one only) (where the logs say the
//   node-local proxy of HTTP(S)_PROXY refuses them, the pods of such a node and the log of the DaemonSet pod serving the
//   proxy's port there when it is not ready); and where the workload's pods time out only on one node
//   (or its kernel reports the conntrack table full), the pods of that node and its kube-proxy's log
//   tail (at most two nodes), and when that node's CNI agent is not ready there, its Unhealthy events (one
//   field-selector list, at most 20), its current log tail and the start of its current log (limitBytes,
//   only the lines stating the node address it took or failing are kept: read-node-network.ts); for at most two Services of other namespaces that the failing pods'
//   logs name as a dependency (name.namespace.svc…), a get of each and a list of its EndpointSlices (and where they time out
//   on an IPv4 address that an egress rule of a selecting NetworkPolicy allows by ipBlock and that is no ClusterIP of the
//   namespace, the same get and list of the API server's Service default/kubernetes: a rule for a ClusterIP allows nothing
//   after kube-proxy's DNAT, service-dnat.ts);
//   where the failing pods run an Istio sidecar and their env or logs name a Service of the namespace whose TCP port
//   (Postgres, Redis…) is declared HTTP by its name or appProtocol, or whose app logs 502s from a host outside the cluster, the current log
//   tail of one such sidecar (read-mesh-proxy-log.ts);
//   for at most two short names they cannot resolve that no Service of the namespace has, one
//   cluster-wide list of Services by that name; for one cluster-local name of another namespace (name.namespace.svc…)
//   that the logs say does not resolve, one list of that namespace's Services, at most 100 (read-named-namespace-services.ts); where their lookups time out while every DNS pod
//   is ready, the DNS Deployment's events and kube-system's ConfigMaps (names and times) and the log
//   tails of two DNS pods, and, when their lines name the nameserver, one list of kube-system's Services (at most 100; only
//   those that select the DNS pods kept, with ClusterIPs and creation times: read-dns-service.ts); where they answer NXDOMAIN (for a name outside the cluster: its route; for a Service's: its
//   denial cache), the DNS's Corefile ConfigMap (one get, read-dns-config.ts); where they fail while a DNS pod is not ready,
//   the log tails of up to two such DNS pods (their previous run) and of one ready one (read-dns-pod-logs.ts) and that Corefile ConfigMap (one get); for a claim that waits for a static volume, one list of PersistentVolumes
//   (at most 500), keeping those whose claimRef names it;
//   and where a container of the workload died in a system OOM of its node, the pods of that node
//   (at most two nodes); where a node under the pods has DiskPressure or its kubelet evicted them for
//   its disk (bytes or inodes), the pods of that node (the shared list) and the current log tail of at
//   most one pod there writing to an emptyDir with no sizeLimit (at most two nodes: read-node-disk.ts);
//   where the workload's logs say a node's kernel file table is full (ENFILE, "too many open files in system"),
//   that node's pods (the same shared list) and the current log tails of at most three likely holders
//   there, host-mounting node agents first (at most two nodes: read-node-files.ts);
//   where the failing pods are all on one node that reports no bad condition
//   while others run elsewhere, that node's pods (the same shared list) and the current log tail of
//   one pod of another workload started there shortly before (read-node-change.ts); where a pull of the
//   workload's image has run for 5m with no Pulled and no error, that node's pods (the same shared list, at most
//   two nodes) and, for at most 3 pods of other workloads there still in ContainerCreating, their events in their
//   own namespace, one field-selector query each (what the kubelet pulls ahead of it, one image at a time:
//   read-pull-queue.ts); the events of at most 3 pods the ReplicaSets keep replacing (read-lead-events.ts)
//   and of at most 3 of the workload's LoadBalancer Services that have no external address; and of at
//   most 3 nodes a live pod was placed on before and left (its Scheduled events name them); and of at most 2
//   nodes, hosting none of its pods, whose own state taint (network-unavailable, not-ready…) keeps its pending
//   pods out (read-lead-events.ts); and where a
//   failing pod asked a webhook injector for containers it did not get, that injector's pods (one list, at most 5) and one log tail;
//   and where no pod of the workload is ready, or its lone pod was stopped in the last hour, or a rollout of the last hour
//   left no ready pod for a minute or more (rollout-outage.ts: the old ReplicaSet scaled to 0 first), or a served pod's own log
//   reports slow requests again and again (3 lines or more) or sustained JVM GC overhead (gc-pressure.ts, 3 lines or more)
//   or a search cluster its master logs RED now (search-cluster-health.ts),
//   or its server refuses requests for their headers' size again and again (HPE_HEADER_OVERFLOW, 3 lines or more: header-overflow.ts),
//   or its Service is IPv6-only while its server binds 0.0.0.0 (IPv4) only (listen-family.ts), or pods carrying a preStop
//   hook that sleeps through their grace period stopped in the last hour (prestop-grace.ts), one list of the namespace's
//   pods (at most 200) and the log tails of at most two pods of other workloads whose env or args name its Service
//   (for the preStop case, else reverse proxies of the namespace by image, kept only if their log names the Service);
//   and where a pod has sat SchedulingGated for 3m, one page of the cluster's Deployments (at most 500), kept only when one names the gate (read-gate-controllers.ts),
//   and where a pod's containers have been ready for 5m while a readiness gate's condition was never written and the gate's type names
//   a controller that runs as pods (target-health.elbv2.k8s.aws/… → the AWS Load Balancer Controller), one cluster-wide list of that
//   controller's pods by its chart's label (at most 5) and the log tail of one not ready (its last run's when it restarts: read-gate-writer.ts),
//   and where a running pod of the workload carries Linkerd's proxy and its read logs carry errors, the current log tail of that one
//   proxy sidecar, and where it says the control plane is out of reach ("Failed to resolve control-plane component"), one list of the
//   control plane's pods (label linkerd.io/control-plane-ns, at most 20) in the namespace the proxy's destination address names (else
//   linkerd) and the log tail of one not ready (read-mesh-control-plane.ts),
//   and where the workload's own log shows a collector's memory_limiter refusing data, one page of the cluster's Deployments (at most 500), kept
//   only when a container's literal env names one of its Services or sends OTLP to the node's address (its senders, at most 6), and for at
//   most 3 of their namespaces one list of ReplicaSets each (at most 300: their newest revisions; read-sink-senders.ts),
//   and where a claim has waited on an external provisioner for 5m, kube-system's Deployments and StatefulSets (one page of 200 each),
//   and where that claim restores from a VolumeSnapshot the provisioner says is not ready, the pods of the driver's controller (one list by
//   its selector, at most 5) and the log tail of their csi-snapshotter sidecar (at most two, read-snapshotter-log.ts);
//   and where a Service of the workload has a ready endpoint, the ingress-nginx controller's pods (one cluster-wide list by label, at most 5; where none, one more by the plain `app` label, at most 5) and the log tails of two (read-ingress-controller.ts),
//   and where those tails show connects timing out, a get of the controller's Namespace (its labels, for NetworkPolicy namespaceSelectors; read-peer-namespace.ts);
//   and where the failures have an onset that no rollout of the workload explains, or its logs show an outside API refusing its calls
//   for their rate (429 Too Many Requests, at least 5 lines), or its own log carries a data store's load hints (Postgres
//   "checkpoints are occurring too frequently", InnoDB's page cleaner, Redis's slow AOF fsync, etcd's slow applies: jobs-under-load.ts), or its MongoDB queries run out of maxTimeMS (a Job may have dropped their index),
//   or its Redis answers BUSY (a script blocks it: the Job that talks to that Redis and ran just before, server-job-runs.ts),
//   or its MySQL writes time out on a lock (Error 1205, at least 3 lines: a mysqldump that locks the database, dump-lock.ts),
//   or PostgreSQL denies its role a privilege ("permission denied for table …", 42501: the migration Job that ran before, pg-privilege.ts),
//   or Active Directory refuses its LDAP bind as locked out (data 775: the Job that binds as the same account, ad-bind-refusal.ts),
//   or Postgres refuses its prepared statements because their result type changed ("cached plan must not change result type", 0A000),
//   or its statements fail on a table a Job dropped or swapped under them ("could not open relation with OID", XX000: pg-dropped-relation.ts),
//   or the database refuses its writes for a NULL in a NOT NULL column (23502, MySQL 1048/1364…: a migration made it required, not-null-violation.ts),
//   or it finds a table or column missing (Hibernate "Schema-validation: missing table/column", Postgres 42P01/42703, MySQL 1146/1054, Rails pending migrations: the migration Job that failed, failed-migration.ts),
//   or its migrate step finds the database's migration history inconsistent (Django InconsistentMigrationHistory, Flyway "applied migration not resolved locally", Alembic "Can't locate revision": the Job that restored into it, migration-history.ts),
//   one list of the namespace's Jobs (at most 100, read-jobs-before-onset.ts; the Secrets
//   and ConfigMaps their pods take are kept by name only, never read; their commands, args and literal env values kept, clipped);
//   then, when a Job that started or ended just before the failures was made by a CronJob, one get of that CronJob by name
//   (at most two; its schedule, spec.timeZone and who last wrote the schedule kept, read-cronjob-schedules.ts);
//   and where the workload's logs say a store's disk is full (an Elasticsearch index blocked read-only at the flood-stage
//   watermark, No space left on device; at least 2 lines), one list of the namespace's CronJobs (at most 100; only those whose
//   name or command says they delete old data kept — retention, cleanup, curator, prune —, with their suspension and who wrote
//   it, last schedule and success, and their command clipped: read-cleanup-cronjobs.ts);
//   then, when AD locks the account out and a Job binds as that same account, for at most three of its newest failed runs one list of
//   the run's pods (one) and one log tail of its container (200 lines / 200 KB; only lines with an AD bind refusal kept, read-account-job-logs.ts);
//   and when the prepared statements' result type changed (0A000), a table was dropped under them (XX000) or a write was refused as NOT NULL, for at most two complete Jobs that finished in the 2h before the first
//   such line, one list of the run's pods (one) and one log tail of its container (200 lines / 200 KB; only lines naming a migration
//   applied or a DDL statement kept, read-migration-job-logs.ts);
//   and when a table is missing, for at most two failed migration Jobs (by name or command) that ended within the day, one list of
//   the run's pods (one) and one log tail of its container (200 lines / 200 KB; only its error, the database's refusal and a
//   search_path it set on a role or database kept, read-failed-migration-logs.ts);
//   and where the workload's logs use a search index ("index":"…", /_search, Elasticsearch) while a Job of the namespace gave up
//   within the day (a BackoffLimitExceeded or DeadlineExceeded Warning), the same list of the namespace's Jobs, and for at most two
//   that failed within the day one list of the run's pods (one) and one log tail of its container (200 lines / 200 KB; only lines
//   changing an index's settings kept — refresh_interval, number_of_replicas, blocks —, with how its container ended:
//   read-left-setting-logs.ts);
//   and where the workload's writes are refused as read-only (PostgreSQL "cannot execute … in a read-only transaction", MySQL
//   --read-only / --super-read-only), the same list of the namespace's Jobs, and for at most three that started within the day
//   (those that talk to a database first, then failed ones) one list of the run's pods (one) and one log tail of its container
//   (200 lines / 200 KB; only lines setting or resetting a read-only setting kept — default_transaction_read_only, SET SESSION
//   CHARACTERISTICS, read_only / super_read_only —: read-read-only-job-logs.ts);
//   and where the workload's writes are refused for a log that waits for a backup (SQL Server 9002 "… is full due to 'LOG_BACKUP'",
//   PostgreSQL out of room in pg_wal), the same list of the namespace's Jobs, and for the newest failed run of the backup-like
//   CronJob whose newest run failed one list of the run's pods (one) and one log tail of its container (200 lines / 200 KB; only
//   its error lines kept: read-backup-job-logs.ts);
//   and where the registry refuses a pull the workload's pods make with an imagePullSecret for its credentials (unauthorized, no basic
//   auth credentials, "authorization token has expired"), the same list of the namespace's Jobs, and for the newest failed run of the
//   CronJob that rewrites that secret (its command names it, or its name says a registry credential refresh) one list of the run's
//   pods (one) and one log tail of its container (200 lines / 200 KB; only its error lines kept: read-refresher-job-logs.ts);
//   and where its statements time out waiting for a lock (at least 3) while the log of its database's pod read above names the
//   holding process ("Process holding the lock: N"), the same list of the namespace's Jobs, and for at most two that run psql against
//   that database's Service and started within the hour one list of the run's pods (one) and one log tail of its container (200 lines
//   / 200 KB; only the headers and rows of its session tables — pg_stat_activity's pid, application_name, client_addr, state — kept:
//   read-session-listings.ts);
//   and where the workload's log says it waits at start-up for its migration tool's lock (Liquibase "Waiting for changelog lock",
//   "Could not acquire change log lock"; Knex "Migration table is already locked"), the same list of the namespace's Jobs, and for
//   at most two migration Jobs (by name or command) that run now or failed within the day one list of the run's pods (one) and one
//   log tail of its container (200 lines / 200 KB; only lines about the lock and its last three lines kept, with how its container
//   ended: read-migration-lock-runs.ts);
//   and where its MySQL queries time out on a lock (Error 1205, at least 3 lines), the same list of the namespace's Jobs, and for
//   at most two schema-change Jobs (by name or command: a migration, gh-ost, pt-online-schema-change) that run now one list of the
//   run's pods (one) and one log tail of its container (200 lines / 200 KB; only its DDL statements, its "Waiting for table
//   metadata lock" lines and the header and idle (Sleep) rows of the processlists it printed kept: read-metadata-lock-runs.ts);
//   and where the workload reads a Redis stream through a consumer group (XREADGROUP, a STREAM env) under its pods' names (a
//   CONSUMER env from the Downward API's metadata.name, or its log naming its own pod as the consumer), one list of the
//   namespace's pods (at most 200) and the current log tail of at most three running pods of other workloads (one per
//   workload; only lines naming a pod-shaped consumer of the workload that is no current pod next to waiting work, or the
//   group's pending count, kept: read-former-consumers.ts);
//   and where the workload's logs say a clustered dependency is down (Redis CLUSTERDOWN), has no primary (MongoDB
//   ReplicaSetNoPrimary), too few replicas alive (Cassandra Unavailable at a consistency level) or too few in-sync replicas (Kafka
//   NOT_ENOUGH_REPLICAS), a get of the Service its env names (any namespace; else the namespace's one Service on that server's
//   port; else a get of each ConfigMap the client's container takes whole, at most two, for the key holding its address) and one page of its pods (at most 30), and — only while a member re-created within the hour is not
//   running — two field-selected lists of node-loss events (RemovingNode, NodeNotReady; 100 each) and the events of one lost node,
//   a get of each node under a member that does not serve (at most three), and the previous log tail of each member that keeps
//   crashing (at most two) (read-dependency-members.ts), and — only when one StatefulSet member is far younger than its
//   siblings — a get of that StatefulSet (its claim retention policy) and of each member's claim (at most five:
//   read-member-claims.ts); for Kafka NOT_ENOUGH_REPLICAS naming a topic, one page of the ConfigMaps of the brokers'
//   namespace (at most 100; only the lines setting those topics' replication factor and min.insync.replicas kept, at most three
//   topics: read-topic-replication.ts); where the workload's members refuse the cluster id their coordinator hands out (Kafka's
//   InconsistentClusterIdException), the same reads of the coordinator's Service their env or log names (zookeeper.connect),
//   and a get of its StatefulSet and of each of its members' claims (at most five: coordinator-reset.ts); for a Redis master that refuses writes for want of its replicas
//   (NOREPLICAS) the pods are listed by its Service's selector without the role label (its replicas with it), and a get of
//   each ConfigMap the master mounts (at most two, config-named first) keeps only min-replicas-to-write/-max-lag (read-member-settings.ts);
//   where Kafka consumers' group coordinator stays unavailable (COORDINATOR_NOT_AVAILABLE, 2+ lines not followed by "Discovered
//   group coordinator": kafka-coordinator-down.ts), the same reads of the brokers' Service, and a get of each ConfigMap the first
//   broker mounts (at most two) keeping only offsets.topic.replication.factor (read-member-settings.ts);
//   where they say Vault is sealed ("Vault is sealed", 2+ lines), the same reads of the Service VAULT_ADDR names, and one
//   field-selected list of Unhealthy events per member that runs but is not ready (at most two; its `vault status` probe: read-member-probes.ts);
//   for a raft cluster with no leader (Consul "No cluster leader"), the current log tail of each member that runs but is not
//   ready (at most two: its raft peers, read-dependency-members.ts);
//   where ClickHouse says a table is read-only (TABLE_IS_READ_ONLY, 2+ lines), the same reads of the namespace's one Service named
//   *keeper*/*zookeeper* (its coordination service, whose quorum the table waits for: clickhouse-readonly.ts);
//   the same reads where MongoDB majority writes time out waiting for replication (WriteConcernFailed, 2+ lines:
//   mongo-write-majority.ts), with the current log tail of each member that runs ready and was created within 12 hours (at
//   most two, 100 lines / 64 KB, read-dependency-members.ts: a member still in initial sync, STARTUP2, confirms no write:
//   mongo-initial-sync.ts), or an ON CLUSTER query timed out on unfinished hosts (distributed_ddl_task_timeout, one line:
//   clickhouse-ddl-unfinished.ts); and for members Pending on a volume node affinity conflict, a get of each one's claim and
//   of its volume (at most two members, four gets: read-member-volumes.ts) for the zone its volume is pinned to;
//   where a dependency refuses the workload's credentials, or its driver cannot do the server's authentication method
//   (ER_NOT_SUPPORTED_AUTH_MODE, 2+ lines: credentials-auth-plugin.ts), and one address env var names an in-cluster Service, the same
//   reads of that Service, then a get of each ConfigMap its first pod mounts (at most two, config-named first; only the newest
//   managedFields time and manager kept: read-config-updates.ts) — a server re-created since the clients started loads its users at boot;
//   when that refusal is a SCRAM login refused with the mechanism it used ("invalid credentials with SASL mechanism SCRAM-SHA-…",
//   2+ lines: scram-mechanism.ts), the same reads of the Service those lines name when no env var does, and one current log read of
//   each running member (at most three, 5000 lines / 1 MB; only the lines about users' SCRAM credentials kept, a dozen each:
//   read-scram-credentials.ts) — which mechanisms the brokers hold for the user;
//   when that refusal turns on the clients' certificate (certificate-reissue.ts), the current log tail of one serving member
//   (only the lines naming the identity it read kept, at most four: read-member-identity.ts), and, whether or not a Service is
//   named, one list of the namespace's events of cert-manager Certificates (one page of 100: read-certificate-events.ts) — a
//   re-issue behind a Secret the pods mount shows only in its Normal events; the same list where the pods' logs carry a peer's
//   alert that it does not trust the certificate they present (certificate_unknown, bad certificate, unknown CA: 2+ lines) and
//   they mount a Secret — a re-issue from another issuer than their clients trust (untrusted-issuer.ts);
//   where a container exits 1–128 running a file under a ConfigMap volume it mounts (its command or args name it), a get of that
//   ConfigMap and of the one the revision before mounted there (at most two; only the errexit line, the print lines and the
//   unguarded lines that may fail kept: read-entrypoint-scripts.ts, entrypoint-errexit.ts);
//   and where the workload's own logs show its replicas starting a sync and losing the link again and again (Redis's
//   "MASTER <-> REPLICA sync started" / "I/O error trying to sync with MASTER", 2+ each, none finished since), a get and the
//   current log tail of the one primary they name (none when read already behind its Services) and a get of the ConfigMaps
//   it mounts that the namespace lists (at most two; only the replication-limit lines kept: read-replication-primary.ts);
//   and where the workload's writes are refused as read-only (MySQL --read-only, Postgres read-only transaction, Redis
//   READONLY, 2+ lines) through a Service of the namespace whose selector names one pod (statefulset.kubernetes.io/pod-name),
//   one page of the pods the rest of its selector selects (at most 30), for their role labels (read-writer-service.ts);
//   and where the workload's logs say a table is missing (Postgres 'relation "x" does not exist', MySQL 1146) and its env names a
//   Service of the namespace as its database, a get and the current log tail of one ready pod of it, a get of each claim that pod
//   mounts (at most two) and of the PersistentVolume bound to each (read-store-volume.ts; never a Secret) — that log tail (100 lines,
//   64 KB) also read for a role's or database's search_path a migration set before (role-search-path.ts), no further read;
//   and where the workload's own logs say (PostgreSQL) "database system identifier differs between the primary and standby",
//   the same reads (one ready pod, its log tail, its claims — at most two — and their volumes) of the primary behind the Service of
//   the namespace its log or env names, else the only one named as a primary's that selects none of its pods (standby-foreign-primary.ts);
//   and where the brokers answer the workload's Kafka client that its topic (or NATS servers its JetStream client that its stream)
//   does not exist (UNKNOWN_TOPIC_OR_PARTITION, "nats: stream not found", at least 2 lines), the same get of the Service its bootstrap
//   address (its nats:// URL) names and page of its pods, and a get of each ConfigMap one serving broker mounts (at most two, in their
//   namespace, never a Secret; only auto.create.topics.enable and the streams' names and subjects kept, and none when the brokers' env
//   sets it: read-broker-config.ts);
//   and where the broker returns the workload's publishes unroutable (NO_ROUTE, at least 3 lines), the same get of the Service its
//   amqp address names and page of its pods, and a get of each ConfigMap one serving member mounts (at most two, in its namespace,
//   never a Secret; only exchange and queue names and bindings kept: read-broker-topology.ts);
//   and where the workload's consumer stats show its intake fell several-fold while its queue stays (nearly) empty
//   (queue-expiry.ts), the same get of the namespace's amqp Service and page of its pods, and the same gets of the ConfigMaps one
//   serving member mounts (at most two; queue limits kept too: x-message-ttl, x-max-length, x-dead-letter-exchange);
//   and where the workload's current logs requeue messages with a delivery count (nack/requeue with x-delivery-count >= 2,
//   at least 3 lines: delivery-limit.ts), the same get of the Service its amqp address names (else the namespace's amqp
//   Service) and page of its pods, the same gets of the ConfigMaps one serving member mounts (at most two; queue type,
//   x-delivery-limit and policies' delivery-limit / dead-letter-exchange kept too), and one list of the ControllerRevisions
//   of the members' StatefulSet by a member's template labels (at most 20, read-broker-rollout.ts);
//   and where RabbitMQ refuses the workload's publishes for their size ("message size N is larger than configured max size M",
//   at least 2 lines of its current logs: broker-message-size.ts), the same get of the Service its amqp address names (else the
//   namespace's amqp Service) and page of its pods, and the same list of its StatefulSet's ControllerRevisions (read-broker-rollout.ts);
//   and where the sampled logs of ready pods time out calling out only on nodes of one node group (or newer nodes) while those of
//   the same revision elsewhere do not, the pods of one node of each side (the shared per-node list) and the head of each one's
//   CNI agent log (limitBytes, the lines stating an MTU kept; at most two, read-cni-agents.ts);
//   and where the logs say a claim is full ("No space left on device") and a GitOps tool applies it (its tracking
//   annotation or labels), the events of that Application, Kustomization or HelmRelease (one list by kind and name
//   each, at most two, limit 50; across namespaces when the tracking does not name one: read-claim-applier-events.ts);
//   and where the logs say the forward proxy of HTTP(S)_PROXY, a Service of the namespace, refuses their tunnels with 403
//   ("Tunnel connection failed: 403 Forbidden", at least 2 lines), a get and the log tail of one ready pod of it (only the lines
//   refusing the destination kept, at most three) and a get of the ConfigMap its container mounts (one; only its acl and
//   http_access lines kept: read-proxy-acl.ts);
//   and where the workload's Kafka consumers found no committed offset and reset to the beginning (offset 0 /
//   auto.offset.reset=earliest), the same get of the Service the coordinator address they logged names and page of its
//   pods, one log read of the coordinator pod (at most 5000 lines / 1 MB; only its lines about that group and the expired-offset
//   sweeps beside its death kept) and, unless the brokers' env sets it, a get of each ConfigMap one broker mounts (at most two,
//   never a Secret; only offsets.retention.minutes kept: read-group-coordinator.ts);
//   and where a Kafka Connect task died because its schema history topic is missing, the same get of the Service the
//   workers' bootstrap address names and page of its pods, and one log read of each running broker (at most three, 5000
//   lines / 1 MB each; only the lines that set a topic's retention.ms or delete its segments for retention kept:
//   read-history-retention.ts);
//   and where the workload executes queued tasks (Celery's "Task … received", a celery worker command), one list of the
//   namespace's Deployments (at most 200) and, for at most two that run a scheduler without leader election (Celery beat,
//   rq-scheduler, clockwork) at 2+ replicas, their events, one list of their pods (at most 5) and two current log tails each
//   (read-scheduler-replicas.ts);
//   and where the workload's logs say a broker blocks its sends on a full address (Artemis AMQ212054/AMQ222183, Pulsar backlog quota exceeded, a JetStream stream at max_bytes under discard new, 2+ lines),
//   the same list of the namespace's Deployments (only those whose literal env names that address kept, at most three,
//   with their replicas and who last wrote them: read-queue-consumers.ts);
//   and where a pending pod of the workload mounts a ReadWriteOncePod claim none of its scheduled pods mounts, one list of the
//   namespace's pods (at most 200; only running pods of others that mount the claim kept, at most two, with their owner: read-claim-holders.ts);
//   and where the logs time the DNS phase of calls and some lookups sit at the resolver timeout (5 s) while most are fast,
//   one list of the namespace's Deployments (at most 200; only names and pod-template dnsConfig options kept: read-resolver-peers.ts);
//   and where the workload refuses every bearer token for its issuer (go-oidc's "issued by a different provider", 5+ lines,
//   outnumbering the requests served since), one page of the cluster's Deployments and one of its StatefulSets (at most 500 each; kept only when a pod
//   template's literal env value or argument names the tokens' issuer host) and, for the first kept, one list of its
//   ReplicaSets or ControllerRevisions by its selector (at most 20: read-issuer-provider.ts);
//   and where the logs show a connection cap all clients share refusing them (PgBouncer's max_client_conn, max_connections)
//   and name its host, one list of the namespace's Deployments (at most 200) and, for at most two others whose literal env
//   names that host and whose spec.replicas was written in the last 3 hours, their events (read-cotenant-scale-ups.ts);
//   and where a current log says a per-pod name `<set>-<n>.<service>.<ns>.svc…` does not resolve, a get of that Service
//   (kept only with a cluster IP), a get of StatefulSet <set> (kept only when another Service governs it) and one list
//   of its ControllerRevisions by its selector (at most 20: read-advertised-host.ts);
//   and where the workload runs past the 1000 addresses one v1 Endpoints object holds (by its spec or status
//   replicas, the pods counted, or its Service's EndpointSlices), a get of the Endpoints of each Service selecting it
//   (at most two; only the endpoints.kubernetes.io/over-capacity annotation and the address counts kept:
//   read-endpoints-capacity.ts);
//   and where the workload's FailedCreate events or ReplicaFailure condition say a ResourceQuota is full on what a
//   pod's spec asks for (cpu, memory, ephemeral storage, the pod count), one list of the namespace's pods (at most 500),
//   summed by owning workload, the top five kept with their HPAs from the list already read (read-quota-holders.ts);
//   a triage whose leads need the namespace's Deployments twice lists them once (list-namespace-deployments.ts).
// None of this depends on how many other pods or events the namespace holds. The reads that follow
// a lead (a neighbour, a port holder, the DNS's capacity) are in collect-leads.ts.
import type * as k8s from '@kubernetes/client-node';
import type { TriageEvidence, TriageTarget } from '../../domain/triage/evidence.js';
import type { ReadStage } from '../../domain/triage/triage-progress.js';
import { countPods } from '../../domain/triage/pod-state.js';
import type { CollectContext, CollectLimits } from './collect-context.js';
import { Deadline } from './deadline.js';
import type { KubeClients } from './kube-clients.js';
import { createLimiter } from './limit-concurrency.js';
import { claimsOfPods, statefulSetClaims } from './map-pvc.js';
import { countsOf, mapJob, mapWorkload } from './map-workload.js';
import { readEndpointsCapacity } from './read-endpoints-capacity.js';
import { pickOverCapacityServices } from '../../domain/triage/evidence-endpoints-capacity.js';
import { mapNamespaceJobs } from './map-namespace-jobs.js';
import { needsNamespaceJobs } from '../../domain/triage/job-count-quota.js';
import { pickFormerPodWarnings } from '../../domain/triage/former-pod-warnings.js';
import type { Workload } from './map-workload.js';
import { needsMetricsServer, readMetricsServer } from './read-metrics-server.js';
import { readMetricsAdapter } from './read-metrics-adapter.js';
import { needsMetricsAdapter } from '../../domain/triage/hpa-metrics-adapter.js';
import { readLeads } from './collect-leads.js';
import { pickAgentWaits, readNodeAgents } from './read-node-agents.js';
import { readNodeNetwork } from './read-node-network.js';
import { readNodeMemory } from './read-node-memory.js';
import { readNodeDisk } from './read-node-disk.js';
import { pickDiskPressureNodes } from '../../domain/triage/disk-pressure.js';
import { readNodeFiles } from './read-node-files.js';
import { pickFileTableNodes } from '../../domain/triage/node-file-table.js';
import { pickSystemOomNodes } from '../../domain/triage/system-oom.js';
import { pickNetworkNodes } from '../../domain/triage/node-network.js';
import { pickSplitNodes } from '../../domain/triage/node-group-split.js';
import { readCniAgents } from './read-cni-agents.js';
import { readAffinityPeers } from './read-affinity-peers.js';
import { pickStorageClass, readStorageClass } from './read-storage-class.js';
import { pickAffinityTerms } from '../../domain/triage/pod-affinity.js';
import { readClusterMemberLogs } from './read-cluster-member-logs.js';
import { readRestartedCurrentLogs } from './read-restarted-current-log.js';
import { readLocalUpstreamLogs } from './read-local-upstream-log.js';
import { readVaultAgentLogs } from './read-vault-agent-log.js';
import { isOwnPodName, needsPreemptions, readPreemptions } from './read-preemptions.js';
import { needsPriorityClasses, readPriorityClasses } from './read-priority-classes.js';
import { needsQuotaHolders, readQuotaHolders } from './read-quota-holders.js';
import { readEvents, sortEvents } from './read-events.js';
import { readFormerNodeEvents, readPendingLoadBalancerEvents, readReplacedPodEvents, readStateTaintedNodeEvents } from './read-lead-events.js';
import { readQueuedWorkloadEvents } from './read-queued-workload-events.js';
import { readClusterDns, readNamespaceContext } from './read-namespace-context.js';
import { readVolumesClaiming } from './read-claiming-volumes.js';
import { pickFlaggedSamples, pickLogTargets, pickNodes, readClusterNodes, readLogs, readNodes, readPvcs, readVolumes } from './read-pod-details.js';
import { lastRunJobName, podSelectorOf, readJobs, readWorkload } from './read-target.js';
import { readEndpointSlices, readHpas, readPods, readRevisions, readServices } from './read-workload-parts.js';
import type { PodsRead, RevisionsRead } from './read-workload-parts.js';
import { Reads } from './reads.js';

function emptyEvidence(target: TriageTarget): Omit<TriageEvidence, 'collectedAt' | 'readFailures'> {
  return {
    target,
    workload: null,
    pods: [],
    events: [],
    revisions: [],
    nodes: [],
    services: [],
    endpointSlices: [],
    hpas: [],
    pvcs: [],
    logs: [],
  };
}

/** Says when each stage of reads is done (live progress); a failed read counts as done too. */
type OnRead = (stage: ReadStage) => void;

function whenDone<T>(p: Promise<T>, stage: ReadStage, onRead: OnRead): Promise<T> {
  void p.then(
    () => onRead(stage),
    () => onRead(stage),
  );
  return p;
}

async function podDetails(ctx: CollectContext, w: Workload, pods: PodsRead, onRead: OnRead, otherEvents: Promise<unknown>) {
  const { limits, reads } = ctx;
  const withEvents = pods.ranked.slice(0, limits.maxPodsWithEvents);
  if (pods.ranked.length > withEvents.length) {
    const more = pods.ranked.length - withEvents.length;
    reads.skipped(`events of ${more} more pods`, 'events', `events are read for the ${limits.maxPodsWithEvents} least healthy pods`);
  }
  const nodes = pickNodes(pods.ranked, limits.maxNodes);
  if (nodes.others > 0) {
    reads.skipped(`${nodes.others} more nodes`, 'nodes', `the ${limits.maxNodes} nodes under the least healthy pods were read`);
  }
  const claims = claimsOfPods(pods.raw.values());
  if (w.kind === 'StatefulSet') for (const c of statefulSetClaims(w.obj)) if (!claims.has(c)) claims.set(c, []);
  const claimNames = [...claims.keys()];
  if (claimNames.length > limits.maxPvcs) {
    reads.skipped(`${claimNames.length - limits.maxPvcs} more PVCs`, 'pvcs', `at most ${limits.maxPvcs} PVCs per triage`);
    for (const c of claimNames.slice(limits.maxPvcs)) claims.delete(c);
  }
  const logs = pickLogTargets(pods.ranked, limits.maxLogs, ctx.now());
  if (logs.others > 0) {
    reads.skipped(`${logs.others} more container logs`, 'logs', `at most ${limits.maxLogs} logs per triage, one per container and kind of trouble first`);
  }
  // A pod the scheduler cannot place is checked against every node; otherwise no node list.
  const unplaced = pods.ranked.some((p) => p.nodeName === undefined && p.phase === 'Pending') || (pods.ranked.length === 0 && w.kind !== 'Job' && w.kind !== 'CronJob');
  // A DaemonSet belongs on every node it may run on: its coverage is checked against them all.
  const wantsNodeList = unplaced || w.kind === 'DaemonSet';

  const pvcsP = readPvcs(ctx, claims);
  const podEventsP = readEvents(ctx, withEvents.map((p) => ({ kind: 'Pod', name: p.name })), 'events of pods');
  whenDone(Promise.all([podEventsP, otherEvents]), 'events', onRead);
  const nodesP = readNodes(ctx, nodes.picked);
  const clusterNodesP = wantsNodeList ? readClusterNodes(ctx) : Promise.resolve([]);
  whenDone(Promise.all([nodesP, clusterNodesP]), 'nodes', onRead);
  const nodeEventsP = readEvents(ctx, nodes.picked.map((name) => ({ kind: 'Node', name })), 'events of nodes');
  // A sampled log that fails on an upstream inside the pod (nginx on php-fpm's socket): that neighbour's own log.
  const logsP = whenDone(
    // A ready pod its probe warnings name and the sample missed (a hot consumer among idle ones): its log too, once the events are in.
    Promise.all([readLogs(ctx, logs.picked), podEventsP.then((e) => readLogs(ctx, pickFlaggedSamples(pods.ranked, logs.picked, e)), () => [])]).then(async ([sampled, flagged]) => {
      // A restarted container whose crashed run is gone: its current run, on the same node, in its place.
      const restarted = await readRestartedCurrentLogs(ctx, pods.ranked, logs.picked, sampled);
      const l = [...sampled, ...restarted, ...flagged];
      // A sampled member of a Parallel StatefulSet started blank: the other members' logs, for a second seed.
      const policy = w.kind === 'StatefulSet' && w.obj.spec?.podManagementPolicy === 'Parallel' ? 'Parallel' as const : undefined;
      const members = policy ? await readClusterMemberLogs(ctx, { kind: 'StatefulSet', podManagementPolicy: policy }, pods.ranked, l) : [];
      const m = [...l, ...members];
      const u = [...m, ...(await readLocalUpstreamLogs(ctx, pods.ranked, m))];
      // Credentials the app presents rejected: the Vault Agent that renders them says whether Vault still serves it.
      return [...u, ...(await readVaultAgentLogs(ctx, pods.ranked, u))];
    }),
    'logs',
    onRead,
  );
  // New pods with no network or no device on a node: its CNI or device plugin agent says why; logs
  // that time out connecting: the policy drops the Cilium agent of one such node logs.
  const nodeAgentsP = Promise.all([podEventsP, clusterNodesP, logsP]).then(([events, clusterNodes, l]) => {
    const waits = pickAgentWaits(events, pods.ranked, clusterNodes, l);
    return waits.length === 0 ? [] : readNodeAgents(ctx, waits);
  });
  // Pods that time out only on one node (or under a full conntrack table): that node's pods and kube-proxy (and its CNI agent when not ready).
  const nodeNetworkP = Promise.all([logsP, nodeEventsP]).then(([l, e]) => {
    const suspects = pickNetworkNodes(pods.ranked, l, e);
    return suspects.length === 0 ? [] : readNodeNetwork(ctx, suspects);
  });
  // Calls that time out only from the pods on one node group: the CNI agents of a node there and of one elsewhere (their MTU).
  const cniAgentsP = Promise.all([logsP, nodesP]).then(([l, n]) => {
    const split = pickSplitNodes(pods.ranked, l, n, ctx.now().toISOString());
    return split.length === 0 ? [] : readCniAgents(ctx, split);
  });
  // Containers killed in a system OOM: the node ran out, so what its other pods may take is read.
  const nodeMemoryP = nodeEventsP.then((e) => {
    const struck = pickSystemOomNodes(pods.ranked, e);
    return struck.length === 0 ? [] : readNodeMemory(ctx, struck);
  });
  // A node short of disk (bytes or inodes) under the workload's pods: what else on it writes there.
  const nodeDiskP = Promise.all([nodesP, nodeEventsP, podEventsP]).then(([n, ne, pe]) => {
    const short = pickDiskPressureNodes(pods.ranked, n, [...ne, ...pe]);
    return short.length === 0 ? [] : readNodeDisk(ctx, short, new Set(pods.ranked.map((p) => p.name)));
  });
  // Logs that say the node's file table is full (ENFILE): what else on that node holds its descriptors.
  const nodeFilesP = logsP.then((l) => {
    const full = pickFileTableNodes(pods.ranked, l);
    return full.length === 0 ? [] : readNodeFiles(ctx, full, new Set(pods.ranked.map((p) => p.name)));
  });
  // A pod no node takes for its required pod affinity: whether any pod carries what the affinity selects.
  const affinityPeersP = podEventsP.then((events) => {
    const terms = pickAffinityTerms(pods.ranked, events);
    return terms.length === 0 ? [] : readAffinityPeers(ctx, terms);
  });
  // A pending pod whose unbound claim gets no volume on the nodes it may use: where the claim's class provisions.
  const storageClassP = Promise.all([podEventsP, pvcsP]).then(([events, list]) => {
    const name = pickStorageClass(pods.ranked, events, list);
    return name === undefined ? undefined : readStorageClass(ctx, name);
  });
  const [podEvents, nodeEvidence, nodeEvents, pvcs, pvcEvents, logEvidence, clusterNodes, volumes, nodeAgents, nodeNetwork, nodeMemory, cniAgents, nodeDisk, nodeFiles, affinityPeers, storageClass] = await Promise.all([
    podEventsP,
    nodesP,
    nodeEventsP,
    pvcsP,
    readEvents(ctx, [...claims.keys()].map((name) => ({ kind: 'PersistentVolumeClaim', name })), 'events of PVCs'),
    logsP,
    clusterNodesP,
    // The claims' own volumes; for one waiting for a static volume, the volumes whose claimRef names it.
    pvcsP.then(async (list) => (await Promise.all([readVolumes(ctx, list.flatMap((c) => (c.volumeName === undefined ? [] : [c.volumeName]))), readVolumesClaiming(ctx, list)])).flat()),
    nodeAgentsP,
    nodeNetworkP,
    nodeMemoryP,
    cniAgentsP,
    nodeDiskP,
    nodeFilesP,
    affinityPeersP,
    storageClassP,
  ]);
  return { events: [...podEvents, ...nodeEvents, ...pvcEvents], nodes: nodeEvidence, pvcs, logs: logEvidence, clusterNodes, volumes, nodeAgents, nodeNetwork, nodeMemory, cniAgents, nodeDisk, nodeFiles, affinityPeers, storageClasses: storageClass === undefined ? [] : [storageClass] };
}

/** Events of the ReplicaSets that matter: any still running pods, and the newest few. */
function revisionEvents(ctx: CollectContext, w: Workload, r: RevisionsRead) {
  if (w.kind !== 'Deployment') return Promise.resolve([]); // ControllerRevisions get no events
  const max = ctx.limits.maxRevisionsWithEvents;
  const active = r.revisions.filter((rev) => (rev.replicas ?? 0) > 0);
  const picked = [...new Set([...active, ...r.revisions])].slice(0, Math.max(max, active.length));
  return readEvents(ctx, picked.map((rev) => ({ kind: 'ReplicaSet', name: rev.name })), 'events of ReplicaSets');
}

async function collect(ctx: CollectContext, target: TriageTarget, onRead: OnRead) {
  const base = emptyEvidence(target);
  const w = await whenDone(readWorkload(ctx, target), 'workload', onRead);
  if (w === undefined) {
    // Without the workload there is no selector to find its pods by; its events may still
    // say what happened to it (deleted, failed to create).
    const events = await readEvents(ctx, [{ kind: target.kind, name: target.name }], 'events of the workload');
    return { ...base, events };
  }
  const name = w.obj.metadata?.name ?? target.name;
  const jobsRead = await readJobs(ctx, w);
  const jobObjects: k8s.V1Job[] = jobsRead.runs;
  const selector = podSelectorOf(w, jobObjects);
  if (selector === '' && w.kind !== 'CronJob') {
    // apps/v1 rejects empty selectors; if one got through, it would select the whole namespace.
    const detail = 'the workload has an empty selector';
    ctx.reads.failures.push({ what: `pods of ${w.kind} ${name}`, source: 'pods', reason: 'error', detail });
  }
  const emptyPods: PodsRead = { ranked: [], raw: new Map(), census: countPods([], true) };
  const podsP = selector === '' ? Promise.resolve(emptyPods) : readPods(ctx, w, selector);
  const noRevisions: RevisionsRead = { revisions: [], byName: new Map() };
  const revisionsP = selector === '' ? Promise.resolve(noRevisions) : readRevisions(ctx, w, selector);
  const hpaPartsP = readHpas(ctx, w);
  const hpasP = hpaPartsP.then((p) => p.own);
  const servicesP = readServices(ctx);
  const slicesP = readEndpointSlices(ctx);
  const contextP = readNamespaceContext(ctx);
  const dnsP = readClusterDns(ctx);
  const jobNames = jobObjects.map((j) => ({ kind: 'Job', name: j.metadata?.name ?? '' })).filter((j) => j.name !== '' && j.name !== name);
  // The last run's Job may already be deleted (a short TTL): its events still say how it ended.
  const lastRun = lastRunJobName(w);
  const gone = lastRun !== undefined && !jobNames.some((j) => j.name === lastRun) ? [{ kind: 'Job', name: lastRun }] : [];
  const workloadEventsP = readEvents(ctx, [{ kind: w.kind, name }, ...gone, ...jobNames.slice(0, 5 - gone.length)], 'events of the workload');
  whenDone(podsP, 'pods', onRead);
  const detailsP = podsP.then((pods) => podDetails(ctx, w, pods, onRead, workloadEventsP));
  const revisionEventsP = revisionsP.then((r) => revisionEvents(ctx, w, r));
  // Pods replaced again and again, and LoadBalancer Services with no address: their own events say why.
  const leadEventsP = Promise.all([readReplacedPodEvents(ctx, revisionEventsP, podsP), readPendingLoadBalancerEvents(ctx, servicesP, podsP), readFormerNodeEvents(ctx, detailsP.then((d) => d.events), podsP), readStateTaintedNodeEvents(ctx, detailsP.then((d) => d.clusterNodes), podsP), readQueuedWorkloadEvents(ctx, [...(w.kind === 'Job' ? [w.obj] : []), ...jobObjects], workloadEventsP)]);
  const leadsP = readLeads(ctx, target, { pods: podsP, services: servicesP, slices: slicesP, context: contextP, dns: dnsP, details: detailsP, revisions: revisionsP, workloadEvents: workloadEventsP });
  // Pods preempted for higher-priority ones are gone: their events are found by reason, not by pod.
  const preemptionsP = Promise.all([podsP, revisionsP]).then(([pods, r]) => {
    if (!needsPreemptions(pods.ranked)) return { events: [], preemptors: [] };
    const owners = w.kind === 'CronJob' ? jobNames.map((j) => j.name) : r.revisions.map((x) => x.name);
    const read = new Set(pods.ranked.slice(0, ctx.limits.maxPodsWithEvents).map((p) => p.name));
    return readPreemptions(ctx, (pod) => isOwnPodName(w.kind, name, owners, pod), read);
  });
  // A PriorityClass name admission does not know: which classes the namespace's pods run with.
  const refusals = ((w.obj.status as { conditions?: { message?: string }[] } | undefined)?.conditions ?? []).map((c) => c.message ?? '');
  const priorityClassesP = Promise.all([workloadEventsP, revisionEventsP]).then(([we, re]) => (needsPriorityClasses([...we, ...re], refusals) ? readPriorityClasses(ctx) : []));
  // A ResourceQuota full on what a pod asks for refuses the pods: who in the namespace holds it.
  const quotaHoldersP = Promise.all([workloadEventsP, revisionEventsP]).then(([we, re]) => {
    const full = needsQuotaHolders([...we, ...re], refusals);
    return full === undefined ? undefined : hpaPartsP.then((h) => readQuotaHolders(ctx, full, h.listed));
  });
  const metricsServerP = hpasP.then((hpas) => (needsMetricsServer(hpas) ? readMetricsServer(ctx) : undefined));
  // Custom and external metrics come from an adapter, not metrics-server: the one that does not answer.
  const metricsAdapterP = hpasP.then((hpas) => (needsMetricsAdapter(hpas) ? readMetricsAdapter(ctx) : undefined));
  // Past the 1000 addresses one v1 Endpoints object holds: whether the controller truncated those of its Services.
  const endpointsCapacityP = Promise.all([servicesP, slicesP, podsP]).then(([services, slices, pods]) => {
    const counts = countsOf(w);
    const names = pickOverCapacityServices(services.services, slices, pods.ranked, { specReplicas: counts.specReplicas, statusReplicas: counts.replicas, listed: pods.census.total });
    return names.length === 0 ? undefined : readEndpointsCapacity(ctx, names);
  });
  const hpaEventsP = hpasP.then((hpas) =>
    readEvents(ctx, hpas.map((h) => ({ kind: 'HorizontalPodAutoscaler', name: h.name })), 'events of HPAs'),
  );

  const [pods, revisions, hpas, services, slices, namespaceContext, dns, workloadEvents, details, rsEvents, hpaEvents, metricsServer, preemptions, { leads, dns: dnsParts }, leadEvents] = await Promise.all([
    podsP, revisionsP, hpasP, servicesP, slicesP, contextP, dnsP, workloadEventsP, detailsP, revisionEventsP, hpaEventsP, metricsServerP, preemptionsP, leadsP, leadEventsP,
  ]);
  const endpointsCapacity = await endpointsCapacityP;
  const metricsAdapter = await metricsAdapterP;
  const controllerRevision = w.kind === 'StatefulSet' ? (w.obj.status?.updateRevision === undefined ? undefined : revisions.byName.get(w.obj.status.updateRevision)) : w.kind === 'DaemonSet' ? revisions.revisions[0]?.revision : undefined;
  const serviceNames = new Set(services.services.map((s) => s.name));
  // A quota on the count of Jobs refuses the runs: every Job of the namespace counts, so all are told.
  const refusedByJobCount = w.kind === 'CronJob' && needsNamespaceJobs(workloadEvents, name, ctx.now().toISOString());
  const priorityClasses = await priorityClassesP;
  const quotaHolders = await quotaHoldersP;
  const read = [...workloadEvents, ...rsEvents, ...hpaEvents, ...details.events, ...preemptions.events, ...leadEvents.flat()];
  // The workload's pods a rollout already deleted: what the kubelet said stopping them is in the namespace's Warnings only.
  const owners = w.kind === 'CronJob' ? jobNames.map((j) => j.name) : revisions.revisions.map((x) => x.name);
  // Only against the whole pod list: a live pod beyond the cap is not a gone one.
  const wholeList = pods.census.complete && pods.census.total === pods.ranked.length;
  const formerWarnings = !wholeList ? [] : pickFormerPodWarnings(namespaceContext.warnings, { isOwnPod: (pod) => isOwnPodName(w.kind, name, owners, pod), livePods: pods.ranked.map((p) => p.name), read, collectedAt: ctx.now().toISOString() });
  return {
    ...base,
    workload: mapWorkload(w, controllerRevision),
    pods: [...pods.ranked].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    census: pods.census,
    events: sortEvents([...read, ...formerWarnings]),
    revisions: revisions.revisions,
    nodes: details.nodes,
    clusterNodes: details.clusterNodes,
    services: services.services,
    // When the Services could not be listed, keep every slice rather than none.
    endpointSlices: services.complete ? slices.filter((s) => serviceNames.has(s.service)) : slices,
    hpas,
    strayHpas: (await hpaPartsP).stray,
    pvcs: details.pvcs,
    volumes: details.volumes,
    logs: details.logs,
    networkPolicies: namespaceContext.networkPolicies,
    quotas: namespaceContext.quotas,
    namespaceObjects: [...namespaceContext.objects, ...services.objects],
    ...(dns === undefined ? {} : { dns: { ...dns, ...dnsParts } }),
    ...(jobObjects.length > 0 ? { jobs: jobObjects.map(mapJob) } : {}),
    ...(refusedByJobCount ? { namespaceJobs: mapNamespaceJobs(jobsRead.all, jobsRead.complete) } : {}),
    ...(metricsServer === undefined ? {} : { metricsServer }),
    ...(metricsAdapter === undefined ? {} : { metricsAdapter }),
    ...(endpointsCapacity === undefined ? {} : { endpointsCapacity }),
    ...leads,
    ...(details.nodeAgents.length > 0 ? { nodeAgents: details.nodeAgents } : {}),
    ...(details.nodeNetwork.length > 0 ? { nodeNetwork: details.nodeNetwork } : {}),
    ...(details.nodeMemory.length > 0 ? { nodeMemory: details.nodeMemory } : {}),
    ...(details.nodeDisk.length > 0 ? { nodeDisk: details.nodeDisk } : {}),
    ...(details.nodeFiles.length > 0 ? { nodeFiles: details.nodeFiles } : {}),
    ...(details.cniAgents.length > 0 ? { cniAgents: details.cniAgents } : {}),
    ...(details.affinityPeers.length > 0 ? { affinityPeers: details.affinityPeers } : {}),
    ...(details.storageClasses.length > 0 ? { storageClasses: details.storageClasses } : {}),
    ...(preemptions.preemptors.length > 0 ? { preemptors: preemptions.preemptors } : {}),
    ...(priorityClasses.length > 0 ? { priorityClassesInUse: priorityClasses } : {}),
    ...(quotaHolders === undefined ? {} : { quotaHolders }),
    ...(namespaceContext.warnings.length > 0 ? { namespaceWarnings: namespaceContext.warnings } : {}),
  };
}

export async function collectEvidenceWith(
  clients: KubeClients,
  target: TriageTarget,
  opts: { budgetMs: number; limits: CollectLimits; now: () => Date; onRead?: OnRead | undefined },
): Promise<TriageEvidence> {
  const deadline = new Deadline(opts.budgetMs);
  const reads = new Reads(deadline);
  const ctx: CollectContext = {
    clients,
    now: opts.now,
    reads,
    namespace: target.namespace,
    limits: opts.limits,
    eventGate: createLimiter(opts.limits.concurrency),
    objectGate: createLimiter(opts.limits.concurrency),
    podsOnNode: new Map(),
  };
  try {
    // A progress listener that throws must not fail the triage.
    const onRead: OnRead = (stage) => {
      try {
        opts.onRead?.(stage);
      } catch {
        /* progress is best effort */
      }
    };
    const evidence = await collect(ctx, target, onRead);
    return { ...evidence, collectedAt: opts.now().toISOString(), readFailures: reads.failures };
  } finally {
    deadline.dispose();
  }
}
