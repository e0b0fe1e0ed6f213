/**
 * A SAML service provider refusing its identity provider's responses for their signature: the
 * fingerprint (or certificate) it pins no longer matches the certificate the IdP signs with. IdPs
 * rotate signing certificates on their own schedule (a new one activated before the old expires),
 * so every SSO login fails at once while the pods, probes and revision stay as they were. The
 * pinned value lives in the app's configuration — often a ConfigMap named for SAML or SSO — and
 * that is where the new certificate goes; no rollback brings the old one back at the IdP.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';
import type { ContainerSpecEvidence } from './evidence-pod.js';

/** The SP libraries' own words (ruby-saml, python3-saml/php-saml, OpenSAML/Spring, node-saml, Shibboleth, SimpleSAMLphp). */
const REFUSAL = /Fingerprint mismatch|Invalid Signature on SAML Response|Signature validation failed\. SAML Response rejected|Signature trust establishment failed|Invalid (?:document )?signature|signature could not be verified|Unable to validate Signature|Certificate of the Identity Provider is not valid/i;
const SAML = /saml/i;
/** A certificate fingerprint as libraries print it: colon-separated hex pairs (SHA-1 is 20, SHA-256 32). */
const FINGERPRINT = /\b((?:[0-9A-F]{2}:){19,31}[0-9A-F]{2})\b/i;
const NOT_BEFORE = /not_?before[=: ]+(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?Z?)/i;
/** Where an SP's IdP settings are usually kept: a name that says SAML, SSO or IdP. */
const SAML_CONFIG = /saml|sso|idp/i;
const PINNED_KEY = /IDP_?CERT|CERT_?FINGERPRINT|IDP_?FINGERPRINT|SIGNING_?CERT/i;

const shortPrint = (fp: string) => `${fp.slice(0, 5)}…`;

/** The ConfigMaps or Secrets a container reads its IdP settings from: an env var named for the pinned cert first, then a source named for SAML. */
function findPinnedSource(containers: readonly Pick<ContainerSpecEvidence, 'env' | 'envFrom'>[]): string | undefined {
  for (const c of containers) {
    for (const e of c.env ?? []) {
      if (!PINNED_KEY.test(e.name)) continue;
      if ('ref' in e && (e.ref.kind === 'configMap' || e.ref.kind === 'secret')) return `${e.name} (${e.ref.kind === 'secret' ? 'Secret' : 'ConfigMap'} ${e.ref.name ?? '?'})`;
      if ('value' in e) return `${e.name} (a literal value in the pod template)`;
    }
    const from = (c.envFrom ?? []).find((f) => SAML_CONFIG.test(f.name));
    if (from) return `${from.kind === 'secret' ? 'Secret' : 'ConfigMap'} ${from.name} (envFrom)`;
  }
  return undefined;
}

export function explainSamlSigningCert(errors: readonly string[], lines: readonly string[], containers: readonly Pick<ContainerSpecEvidence, 'env' | 'envFrom'>[]): ClientDiagnosis | undefined {
  // A bare "Invalid signature" could be any token's: only with SAML named on the line, or ruby-saml's own fingerprint check.
  const line = errors.find((l) => REFUSAL.test(l) && (SAML.test(l) || /Fingerprint mismatch/i.test(l)));
  if (line === undefined) return undefined;
  const detail = lines.find((l) => REFUSAL.test(l) && FINGERPRINT.test(l));
  const signing = detail === undefined ? undefined : FINGERPRINT.exec(detail)?.[1];
  const since = detail === undefined ? undefined : NOT_BEFORE.exec(detail)?.[1];
  const source = findPinnedSource(containers);
  const fingerprint = /Fingerprint mismatch/i.test(line);
  const refusal = fingerprint ? 'Fingerprint mismatch' : 'invalid signature';
  const newCert = `a new signing certificate${signing ? ` (${shortPrint(signing)}${since ? `, valid from ${since}` : ''})` : ''}`;
  const pinned = `the IdP certificate${fingerprint ? ' fingerprint' : ''} it pins${source ? `, from ${source}` : ''}`;
  const story = signing ? 'the IdP rotated its signing certificate' : 'the IdP rotated its signing certificate, or the pinned value is wrong';
  return {
    summary: `every SAML response from the IdP is refused (${refusal}): the IdP signs with ${newCert} while the app checks ${pinned} — ${story}, so SSO logins fail`,
    decisive: line,
    likelyCause: `The service provider checks each SAML response's signature against ${pinned}. The identity provider rotated its signing certificate and now signs with ${newCert}, so every response fails the check and users are sent back to the login page, while the pods and probes stay healthy.`,
    nextAction: `Put the IdP's current signing certificate (or its fingerprint) from the IdP metadata into ${source ?? 'the app\'s SAML settings'} and restart the pods; better, have the app read the IdP metadata so the next rotation needs nothing. A rollback would not help: the certificate changed at the IdP.`,
    fix: `update the IdP certificate${fingerprint ? ' fingerprint' : ''} in ${source ?? 'the app\'s SAML settings'} from the IdP metadata`,
    noRollback: 'the signing certificate changed at the identity provider, outside the cluster',
  };
}
