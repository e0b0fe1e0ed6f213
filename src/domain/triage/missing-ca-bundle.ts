/**
 * A process that has no CA certificates at all: its TLS library found no trust store in the
 * image, so it cannot verify any server — not one host that changed its certificate, every host.
 * Each runtime says so in its own words: Go "x509: failed to load system roots and no roots
 * provided", the JDK "the trustAnchors parameter must be non-empty", curl "error setting
 * certificate verify locations", Python requests "Could not find a suitable TLS CA certificate
 * bundle", rustls "no CA certificates found". It comes from the image (a `FROM scratch` base, a
 * slimmed base without the ca-certificates package, a JRE without its cacerts), so the change of
 * image is the since and a rollback works; "certificate signed by unknown authority" is not this —
 * there a store exists and lacks one issuer.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';
import type { RevisionEvidence } from './evidence-spec.js';
import { capitalize } from '../text.js';

interface Runtime {
  refused: RegExp;
  /** Whose TLS stack it is, for the cause. */
  who: string;
  /** Where that stack looks for its roots. */
  store: string;
  /** How to give it a store again. */
  fix: string;
}

const RUNTIMES: readonly Runtime[] = [
  { refused: /x509: failed to load system roots and no roots provided/, who: "Go's crypto/x509", store: '/etc/ssl/certs/ca-certificates.crt (or another of the system paths Go tries)', fix: 'copy a CA bundle into the image (/etc/ssl/certs/ca-certificates.crt from the build stage) or base it on distroless/static, which ships one' },
  { refused: /the trustAnchors parameter must be non-empty/, who: 'the JVM', store: "the JRE's lib/security/cacerts (or the trustStore the options name)", fix: "ship the JRE's cacerts in the image (install ca-certificates-java / the full JRE) or point -Djavax.net.ssl.trustStore at a store that has the roots" },
  { refused: /error setting certificate (?:verify locations|file)/i, who: 'curl/OpenSSL', store: 'the CA file and directory it was built with (/etc/ssl/certs)', fix: 'install the ca-certificates package in the image (or point CURL_CA_BUNDLE / SSL_CERT_FILE at a bundle that exists)' },
  { refused: /Could not find a suitable TLS CA certificate bundle/, who: 'Python requests', store: "certifi's cacert.pem (or the REQUESTS_CA_BUNDLE path)", fix: 'install certifi (or the ca-certificates package) in the image, and point REQUESTS_CA_BUNDLE only at a file that exists' },
  { refused: /no (?:native )?(?:root )?CA certificates found/i, who: 'rustls with native roots', store: "the system's CA bundle", fix: 'install the ca-certificates package in the image (or build with webpki-roots)' },
];

/** A base with no files beyond the binary: what a change cause or an annotation names. */
const BARE_BASE = /\bFROM scratch\b|\bscratch\b(?= (?:base|image))|^scratch$/i;

/** The host the refused call went to: `https://host/…` or `dial tcp host:port`. */
const HOST = /https?:\/\/([\w.-]+)|dial tcp ([\w.-]+):\d+/;

/** Where a revision says it built on a bare base (its change cause, its template's annotations): the words and the text they are in. */
function readBase(revision: RevisionEvidence | undefined): { base: string; text: string } | undefined {
  if (revision === undefined) return undefined;
  for (const text of [revision.changeCause ?? '', ...Object.values(revision.template?.annotations ?? {})]) {
    const base = BARE_BASE.exec(text)?.[0];
    if (base !== undefined) return { base, text };
  }
  return undefined;
}

/**
 * The refusal among `errors`; `revision` is the one the failing pods run (its change cause may
 * name the bare base), `previous` the one before.
 */
export function explainMissingCaBundle(errors: readonly string[], revision?: RevisionEvidence, previous?: RevisionEvidence): ClientDiagnosis | undefined {
  for (const rt of RUNTIMES) {
    const line = [...errors].reverse().find((l) => rt.refused.test(l));
    if (line === undefined) continue;
    const m = HOST.exec(line);
    const host = m?.[1] ?? m?.[2];
    const bare = readBase(revision);
    const imageMoved = revision !== undefined && previous !== undefined && revision.containers.some((c) => previous.containers.find((p) => p.name === c.name)?.image !== c.image);
    const by = bare !== undefined && revision !== undefined ? `revision ${revision.revision} built it ${/^from /i.test(bare.base) ? bare.base : `on a ${bare.base} base`}` : imageMoved && revision !== undefined ? `the image of revision ${revision.revision} ships none` : undefined;
    return {
      summary: `the image has no CA certificates${by !== undefined ? ` (${by})` : ''}, so every outbound TLS call fails verification${host !== undefined ? `, ${host} included` : ''}`,
      decisive: line,
      likelyCause: `${rt.who} found no trust store at all — it looks in ${rt.store} — so it refuses every server's certificate, whatever its issuer: nothing changed on ${host ?? 'the servers'}. The bundle is missing from the image${by !== undefined ? ` (${by})` : ''}: a new base (scratch, a slimmed image without the ca-certificates package) or a build stage that no longer copies it is the usual trigger, and an image that has it verifies the same hosts. This is not an untrusted issuer ("certificate signed by unknown authority"), and turning verification off is no fix.`,
      nextAction: `${capitalize(rt.fix)}; roll back to the previous image until it ships.`,
      fix: rt.fix,
      ...(bare !== undefined && revision !== undefined ? { evidence: [`revision ${revision.revision}: ${bare.text}`] } : {}),
    };
  }
  return undefined;
}
