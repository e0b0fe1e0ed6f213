/**
 * Hadoop finds the FileSystem for a URI scheme through META-INF/services/org.apache.hadoop.fs.FileSystem
 * (or an fs.<scheme>.impl setting): `UnsupportedFileSystemException: No FileSystem for scheme "s3a"`
 * means no jar on the classpath registered one. Either the module is missing (hadoop-aws for s3a,
 * hadoop-azure for abfs/wasb, the GCS connector for gs), or a fat/shaded jar kept only one module's
 * services file — the Shadow/Assembly plugins overwrite same-named files unless told to merge them.
 * The configuration and credentials are never reached: a packaging fault of the image.
 */

export interface MissingFileSystem {
  /** The log line that says it, trimmed. */
  line: string;
  scheme: string;
  /** The class and the module that register the scheme, for the schemes Hadoop ships connectors for. */
  impl?: { className: string; module: string };
  /** The fat jar the container runs (`-jar app-all.jar`), whose services files a shading build may not have merged. */
  fatJar?: string;
}

const NO_FILESYSTEM = /No FileSystem for scheme:? "?([\w+.-]+)"?/;

const IMPLEMENTATIONS: Record<string, { className: string; module: string }> = {
  s3a: { className: 'org.apache.hadoop.fs.s3a.S3AFileSystem', module: 'hadoop-aws' },
  abfs: { className: 'org.apache.hadoop.fs.azurebfs.AzureBlobFileSystem', module: 'hadoop-azure' },
  abfss: { className: 'org.apache.hadoop.fs.azurebfs.SecureAzureBlobFileSystem', module: 'hadoop-azure' },
  wasb: { className: 'org.apache.hadoop.fs.azure.NativeAzureFileSystem', module: 'hadoop-azure' },
  wasbs: { className: 'org.apache.hadoop.fs.azure.NativeAzureFileSystem$Secure', module: 'hadoop-azure' },
  gs: { className: 'com.google.cloud.hadoop.fs.gcs.GoogleHadoopFileSystem', module: 'gcs-connector' },
  hdfs: { className: 'org.apache.hadoop.hdfs.DistributedFileSystem', module: 'hadoop-hdfs-client' },
  oss: { className: 'org.apache.hadoop.fs.aliyun.oss.AliyunOSSFileSystem', module: 'hadoop-aliyun' },
};

/** A jar named the way shading builds name their output (Shadow's -all, Assembly's -jar-with-dependencies). */
const FAT_JAR = /[\w.-]*-(?:all|shaded|uber|fat|standalone|assembly|jar-with-dependencies)\.jar\b/;

/** The refusal in a log; `command`: the container's command and args, which name the jar it runs. */
export function findMissingFileSystem(lines: readonly string[], command: readonly string[] = []): MissingFileSystem | undefined {
  const line = [...lines].reverse().find((l) => NO_FILESYSTEM.test(l));
  const scheme = line ? NO_FILESYSTEM.exec(line)?.[1] : undefined;
  if (line === undefined || scheme === undefined) return undefined;
  const impl = IMPLEMENTATIONS[scheme.toLowerCase()];
  const fatJar = command.map((a) => FAT_JAR.exec(a)?.[0]).find((j) => j !== undefined);
  return { line: line.trim(), scheme, ...(impl ? { impl } : {}), ...(fatJar ? { fatJar: fatJar.split('/').pop() ?? fatJar } : {}) };
}

export function tellMissingFileSystem(found: MissingFileSystem): { clause: string; cause: string; fix: string; evidence: string[] } {
  const who = found.impl ? `${found.impl.className.split('.').pop() ?? ''} (${found.impl.module})` : `a FileSystem for "${found.scheme}"`;
  const where = found.fatJar ? `the fat jar ${found.fatJar}` : 'the image';
  const module = found.impl ? found.impl.module : `the module that provides "${found.scheme}"`;
  const stopgap = found.impl ? ` If the class is in the jar, fs.${found.scheme}.impl=${found.impl.className} is a stopgap.` : '';
  return {
    clause: `no Hadoop FileSystem registered for "${found.scheme}": ${who} not in META-INF/services of ${where}`,
    cause: `Hadoop looks up the FileSystem for "${found.scheme}" in META-INF/services/org.apache.hadoop.fs.FileSystem; no jar in ${where} registers ${who}. A shading build (Gradle Shadow, Maven Shade/Assembly) keeps one module's services file and drops the others unless told to merge them, or ${module} is no longer a dependency. It fails before the store is ever called: the image's packaging, not the store or the cluster.${stopgap}`,
    fix: `merge the services files in the fat jar (Shadow: mergeServiceFiles(); Maven Shade: ServicesResourceTransformer) or add ${module} back, and rebuild; or go back to the previous image`,
    evidence: [`${found.line}: ${who} is not registered${found.fatJar ? ` in ${found.fatJar}` : ''}`],
  };
}
