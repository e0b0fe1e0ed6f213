/**
 * A client library's own diagnosis of why its calls fail, logged by pods that stay Ready: the
 * reading it implies, for the finding that quotes those logs (unexplained.ts). Each reading lives
 * in its own module; the first that explains the lines wins.
 */
import { explainPreparedStatementLimit } from './prepared-statement-limit.js';
import { explainMisdirectedRequest } from './misdirected-request.js';
import type { ContainerSpecEvidence } from './evidence-pod.js';
import { explainProductCheck } from './es-product-check.js';
import { explainCompatHeaders } from './es-compat-headers.js';
import { explainReservedWordSyntax } from './sql-reserved-word.js';
import { explainServerAuthRefusal } from './server-auth-refusal.js';
import { explainIgnoredWebIdentity } from './web-identity-ignored.js';
import { explainObjectStoreDenial } from './object-store-denial.js';
import { explainAddressedDependencyError } from './addressed-dependency-error.js';
import { explainKeyPairMismatch } from './key-pair-mismatch.js';
import { explainSamlSigningCert } from './saml-signing-cert.js';
import { explainCloudDataPlaneDenial } from './cloud-data-plane-denial.js';
import { explainObjectAgeExpiry } from './object-age-expiry.js';
import { explainSerializationCycle } from './serialization-cycle.js';
import { explainThreadStackCut } from './thread-stack-size.js';
import { explainGoX509Refusal } from './go-x509-refusal.js';
import { explainMissingCaBundle } from './missing-ca-bundle.js';
import { explainOpensslSecurityLevel } from './openssl-security-level.js';
import { explainAliasWithoutWriteIndex } from './es-alias-write-index.js';
import { explainFielddataDisabled } from './es-fielddata-disabled.js';
import { explainEsResultWindow } from './es-result-window.js';
import { explainEsCircuitBreaker } from './es-circuit-breaker.js';
import { explainEsPrivilegeRefusal } from './es-privilege-refusal.js';
import { explainMemoryLimiterRefusal } from './collector-memory-limiter.js';
import { explainConnectTaskFailed } from './connect-task-failed.js';
import { explainRedirectMethodChange } from './redirect-method-change.js';
import { explainExpiredClientCertificate } from './client-cert-expired.js';
import { explainRedisForkRefusal } from './redis-fork-refusal.js';
import { explainHostKeyChanged } from './host-key-changed.js';
import { explainNatsMaxPayload } from './nats-max-payload.js';
import { explainKafkaRecordTooLarge } from './kafka-record-too-large.js';
import { explainSharedConnection } from './shared-connection-misuse.js';
import { explainStarttlsRequired } from './smtp-starttls-required.js';
import { explainLoginStateCookie } from './login-state-cookie.js';
import { explainKeySchemaMismatch } from './key-schema-mismatch.js';
import { explainSessionNeverRefreshed } from './session-never-refreshed.js';
import { explainCrossDeviceRename } from './cross-device-rename.js';
import { explainSchemaIncompatible } from './schema-registry-incompatible.js';
import type { VolumeEvidence } from './evidence-spec.js';
import type { SettingConfigEvidence } from './evidence-setting-config.js';
import type { RevisionEvidence } from './evidence-spec.js';
import type { IsoTime } from './evidence.js';

import type { ClientDiagnosis } from './client-diagnosis-reading.js';

/** `errors`: the error lines of ready pods; `lines`: all their log lines (a start-up line names the library's version); `volumes`: the pods' volumes (a Secret that holds a client certificate); `config`: settings read from the ConfigMaps the pods take variables from (setting-config.ts); `serverRolled`: the recent rollout of the server the pods call (server-upgrade.ts); `revisions`: the workload's revisions (a setting's change dates the failure); `brokerRetention`: the brokers' retention lines (history-retention.ts); `started`: when the pods started (credentials taken once at start expire a session later). */
export function explainClientDiagnosis(errors: readonly string[], lines: readonly string[], containers: readonly Pick<ContainerSpecEvidence, 'name' | 'env' | 'envFrom' | 'args' | 'command' | 'volumeMounts'>[], volumes: readonly VolumeEvidence[] = [], config: readonly SettingConfigEvidence[] = [], serverRolled?: { said: string; evidence: string }, revisions: readonly RevisionEvidence[] = [], brokerRetention: readonly string[] = [], started: readonly IsoTime[] = []): ClientDiagnosis | undefined {
  return explainProductCheck(errors, lines, containers) ?? explainCompatHeaders(errors, lines, serverRolled) ?? explainReservedWordSyntax(errors, lines, serverRolled) ?? explainServerAuthRefusal(errors, lines, serverRolled) ?? explainIgnoredWebIdentity(errors, lines, containers) ?? explainAddressedDependencyError(errors, lines, containers, config) ?? explainObjectStoreDenial(errors, lines) ?? explainKeyPairMismatch(errors, containers) ?? explainSamlSigningCert(errors, lines, containers) ?? explainCloudDataPlaneDenial(errors, lines, containers) ?? explainObjectAgeExpiry(errors, lines) ?? explainSerializationCycle(errors, lines) ?? explainThreadStackCut(errors, lines, containers, config) ?? explainGoX509Refusal(errors, lines) ?? explainMissingCaBundle(errors) ?? explainOpensslSecurityLevel(errors, lines) ?? explainAliasWithoutWriteIndex(errors, lines) ?? explainFielddataDisabled(errors, lines) ?? explainEsResultWindow(errors, lines) ?? explainEsCircuitBreaker(errors, lines) ?? explainEsPrivilegeRefusal(errors, lines) ?? explainMemoryLimiterRefusal(errors, lines) ?? explainConnectTaskFailed(errors, lines, brokerRetention) ?? explainRedirectMethodChange(errors, lines, containers) ?? explainMisdirectedRequest(errors, revisions) ?? explainExpiredClientCertificate(errors, lines, containers, volumes) ?? explainRedisForkRefusal(errors, lines) ?? explainHostKeyChanged(errors, lines, containers, volumes) ?? explainKafkaRecordTooLarge(errors, lines) ?? explainSchemaIncompatible(errors, lines) ?? explainNatsMaxPayload(errors, lines) ?? explainStarttlsRequired(errors, lines, containers) ?? explainLoginStateCookie(errors, containers, revisions) ?? explainPreparedStatementLimit(errors, containers, revisions) ?? explainKeySchemaMismatch(errors, lines, containers, revisions) ?? explainSessionNeverRefreshed(errors, lines, containers, started) ?? explainCrossDeviceRename(errors, containers, volumes, revisions) ?? explainSharedConnection(errors);
}
