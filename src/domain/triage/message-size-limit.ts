/**
 * One log line → a response the client refused for its size: the client's receive limit, not the
 * server, refuses it (the server logs the call as OK). gRPC clients default to 4 MiB.
 *   grpc-go:   "rpc error: code = ResourceExhausted desc = grpc: received message larger than max (5242880 vs. 4194304)"
 *   grpc-node, grpc-python: "Received message larger than max (5242880 vs. 4194304)"
 *   grpc-java: "RESOURCE_EXHAUSTED: gRPC message exceeds maximum size 4194304: 5242880"
 *   HTTP clients: "response body too large", "http: response body exceeds … limit".
 */

/** Which client refused it: it says which setting raises the limit. */
export type SizeLimitClient = 'grpc-go' | 'grpc-java' | 'grpc' | 'http';

export interface OversizedMessage {
  client: SizeLimitClient;
  /** Bytes received, when the line says. */
  received?: number;
  /** The client's limit in bytes, when the line says. */
  limit?: number;
  /** The call that got it: a gRPC method ("ListPrices") or a "<Name> failed" the client logs. */
  method?: string;
  /** The refusal as the client words it, without the log's wrapping. */
  quote: string;
}

const GRPC_LARGER = /(?:rpc error: code = ResourceExhausted desc = |RESOURCE_EXHAUSTED: )?(?:grpc: )?received message larger than max \((\d+) vs\.? (\d+)\)/i;
const GRPC_JAVA = /(?:RESOURCE_EXHAUSTED: )?gRPC message exceeds maximum size (\d+): (\d+)/i;
const HTTP_BODY = /response body (?:is )?too (?:large|big)|response (?:body )?(?:size )?exceeds (?:the )?(?:max(?:imum)?|limit)/i;

/** "/pricing.v1.PricingService/ListPrices": the full gRPC method name. */
const FULL_METHOD = /\/(?:[a-z_][\w]*\.)+[A-Z]\w*\/([A-Z]\w+)\b/;
/** "ListPrices failed", "grpc.method":"ListPrices": the method the client logs. */
const LOGGED_METHOD = /\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+) (?:failed|error)\b|"(?:grpc\.)?method"\s*:\s*"([A-Z]\w+)"/;

export function parseOversizedMessage(line: string): OversizedMessage | undefined {
  const method = FULL_METHOD.exec(line)?.[1] ?? (([, a, b]) => a ?? b)(LOGGED_METHOD.exec(line) ?? []);
  const withMethod = <T extends OversizedMessage>(m: T): T => (method === undefined ? m : { ...m, method });
  const larger = GRPC_LARGER.exec(line);
  if (larger) {
    const client: SizeLimitClient = /rpc error: code = ResourceExhausted/.test(larger[0]) ? 'grpc-go' : 'grpc';
    return withMethod({ client, received: Number(larger[1]), limit: Number(larger[2]), quote: larger[0] });
  }
  const java = GRPC_JAVA.exec(line);
  if (java) return withMethod({ client: 'grpc-java', received: Number(java[2]), limit: Number(java[1]), quote: java[0] });
  const http = HTTP_BODY.exec(line);
  if (http) return withMethod({ client: 'http', quote: http[0] });
  return undefined;
}

/** The setting that raises the client's limit, in the words of its library. */
export function describeLimitSetting(client: SizeLimitClient): string {
  switch (client) {
    case 'grpc-go':
      return 'the client\'s max receive size (grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(n)))';
    case 'grpc-java':
      return 'the client\'s max inbound message size (maxInboundMessageSize(n) on its channel or stub)';
    case 'grpc':
      return 'the client\'s max receive size (grpc.max_receive_message_length / MaxCallRecvMsgSize)';
    case 'http':
      return 'the client\'s response size limit';
  }
}
