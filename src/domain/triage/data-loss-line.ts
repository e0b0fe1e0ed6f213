// A process that says it is throwing data away is failing, whatever level it logs it at: a NATS
// client whose subscription's pending buffer overflowed ("nats: slow consumer, messages dropped",
// logged at WARN by most apps) and the nats-server cutting that client ("Slow Consumer Detected",
// logged at [INF]); an OpenTelemetry Collector whose exporter queue overflowed ("Dropping data
// because sending queue is full") or whose retries ran out ("Exporting failed. Dropping data.");
// any pipeline that reports "dropped 1024 spans" or "discarding 37 events". Its pods stay Ready:
// only the log says the data is lost.

/** The drop as the NATS Go client and nats-server word it (client-side and server-side slow consumer). */
export const NATS_SLOW_CONSUMER = /\bslow consumer, messages dropped\b|\bSlow Consumer Detected\b/i;

/**
 * Data thrown away, in the words pipelines use: "messages dropped", "Dropping data", "dropped 1024
 * spans", "discarding 12 events", a send/export/buffer queue "is full". A count of 0 is no loss.
 */
const DATA_DROPPED =
  /\b(messages|events|records|spans|logs|metrics|data points|batch(es)?) (were )?(dropped|discarded|lost)\b|\b(dropping|discarding) (data|messages|events|records|spans|logs|metrics|batch(es)?)\b|\b(dropped|discarded|lost|dropping|discarding) [1-9][\d,]* (messages?|events?|records?|spans?|logs?|log records?|metrics?|data points?|batch(es)?)\b|\b(sending|send|export(er)?|buffer|event|message|span|batch) queue is full\b/i;

/** Whether a line says data was dropped or lost: a failure at any log level. */
export function isDataLossLine(line: string): boolean {
  return NATS_SLOW_CONSUMER.test(line) || DATA_DROPPED.test(line);
}
