/**
 * Failures of a controller's object that are well known by their message: what they mean and the
 * safe way out, which a quoted event alone does not tell the reader. Keyed to the object's kind
 * and the controller's own wording, never to a workload.
 */

export interface KnownControllerFailure {
  /** What the message means, in a sentence. */
  cause: string;
  /** The safe way out, in the imperative, lower case (it follows a semicolon in a fix). */
  fix: string;
}

interface Known {
  kind: string;
  message: RegExp;
  explain: (name: string) => KnownControllerFailure;
}

const KNOWN: readonly Known[] = [
  {
    // sealed-secrets tries every private key it holds; none fits when the SealedSecret was sealed with
    // a certificate whose key the controller lost (a reinstall that generated a new key) or never had
    // (another cluster's certificate). It then leaves the Secret as it was.
    kind: 'SealedSecret',
    message: /no key could decrypt secret/i,
    explain: (name) => ({
      cause: `SealedSecret ${name} was sealed with a public certificate whose private key the sealed-secrets controller does not hold (a re-installed controller that generated a new sealing key, or another cluster's certificate), so it cannot decrypt it and leaves the Secret unchanged.`,
      fix: `re-seal SealedSecret ${name} with the controller's current certificate (kubeseal --fetch-cert), or restore the sealing key it was sealed with`,
    }),
  },
];

/** What a Warning about `kind` `name` saying `message` is known to mean, when it is. */
export function explainControllerFailure(kind: string, name: string, message: string): KnownControllerFailure | undefined {
  return KNOWN.find((k) => k.kind === kind && k.message.test(message))?.explain(name);
}
