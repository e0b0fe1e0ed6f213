/**
 * Ruby prints an uncaught exception as `path:line:in `method': message (Class)` above its
 * backtrace (`\tfrom …`); Ruby 3.4 quotes the method as 'Class#method'. That line is why the
 * process stopped: a launcher's wrapper above it (`bundler: failed to load command: puma`) only
 * says which command died.
 */

/** `/usr/local/lib/ruby/3.1.0/psych/visitors/to_ruby.rb:430:in `visit_Psych_Nodes_Alias': Unknown alias: default (Psych::BadAlias)` */
const RUBY_UNCAUGHT = /^\S+\.rb:\d+:in [`'][^`']+': (.+) \(([A-Z]\w*(?:::[A-Z]\w*)*)\)$/;

/** Whether a log line is Ruby's report of an uncaught exception. */
export function isRubyExceptionLine(line: string): boolean {
  return RUBY_UNCAUGHT.test(line.trim());
}

/** The exception's message and class without the source location (`Unknown alias: default (Psych::BadAlias)`); the line as is otherwise. */
export function condenseRubyException(line: string): string {
  const m = RUBY_UNCAUGHT.exec(line.trim());
  return m ? `${m[1] ?? ''} (${m[2] ?? ''})` : line;
}
