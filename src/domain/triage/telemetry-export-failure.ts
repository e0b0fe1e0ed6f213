/**
 * The app's own OpenTelemetry SDK failing to ship its telemetry: "io.opentelemetry.exporter…
 * GrpcExporter - Failed to export spans. Server is UNAVAILABLE" (Java), "Transient error
 * StatusCode.UNAVAILABLE encountered while exporting traces" (Python), "@opentelemetry/exporter…
 * export failed" (Node). The SDK logs it at ERROR, yet the requests the service serves are
 * untouched: traces or metrics are lost while the collector is away (a collector rollout, a
 * restart), not the service failing. The collector's own failures are logged by the collector
 * (exporterhelper, zap), which this does not match, so triaging the collector still sees them.
 */

/** The SDK's exporter, by the logger or package that writes the line. */
const SDK_EXPORTER = /\bio\.opentelemetry\.exporter\.|\bopentelemetry\.exporter\.|@opentelemetry\/exporter-|\bBatchSpanProcessor\b|\bPeriodicMetricReader\b/;
/** What it reports: an export that failed. */
const EXPORT_FAILED = /\bFailed to export\b|\bexport(?:ing)? (?:of )?(?:spans|traces|metrics|logs)\b[^\n]*\bfail|\bencountered while exporting\b|\bexport failed\b/i;

/** Whether a line is the app's telemetry SDK reporting an export it could not make: lost telemetry, not a failed request. */
export function isTelemetryExportFailure(line: string): boolean {
  return SDK_EXPORTER.test(line) && EXPORT_FAILED.test(line);
}
