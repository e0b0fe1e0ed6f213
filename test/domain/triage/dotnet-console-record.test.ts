import { describe, expect, it } from 'vitest';
import { pickDecisiveLine } from '../../../src/domain/triage/evidence-lookup.js';
import { condenseDotnetRecord, joinDotnetRecords } from '../../../src/domain/triage/dotnet-console-record.js';

/** A worker host that cannot open its queue's socket: the logger's crit record, then the runtime's own unhandled-exception dump. */
const HOST_CRASH = [
  'info: Microsoft.Hosting.Lifetime[0]',
  '      Hosting environment: Production',
  'warn: Microsoft.EntityFrameworkCore.Model.Validation[10622]',
  "      Entity 'Invoice' has a global query filter defined and is the required end of a relationship with the entity 'InvoiceLine'.",
  'crit: Microsoft.Extensions.Hosting.Internal.Host[11]',
  '      Hosting failed to start',
  '      System.Net.Http.HttpRequestException: Connection refused (broker.messaging.svc:5671)',
  '       ---> System.Net.Sockets.SocketException (111): Connection refused',
  '         at System.Net.Sockets.Socket.AwaitableSocketAsyncEventArgs.ThrowException(SocketError error, CancellationToken cancellationToken)',
  '         --- End of inner exception stack trace ---',
  '         at Acme.Billing.QueueClient.OpenAsync(CancellationToken cancellationToken)',
  'Unhandled exception. System.Net.Http.HttpRequestException: Connection refused (broker.messaging.svc:5671)',
  '   at Acme.Billing.QueueClient.OpenAsync(CancellationToken cancellationToken)',
];

describe('.NET console records', () => {
  it("quotes the exception under a crit record's header, not the header's category", () => {
    expect(pickDecisiveLine(HOST_CRASH)).toBe('System.Net.Sockets.SocketException (111): Connection refused');
  });

  it("quotes the exception of a record whose HRESULT is in hex (SqlException (0x80131904)), not the message line above it", () => {
    const log = [
      'fail: Acme.Ledger.PostingsController[0]',
      '      Posting entry for batch B-17 failed',
      '      Microsoft.Data.SqlClient.SqlException (0x80131904): Cannot insert duplicate key row in object \'dbo.Entries\'.',
      '         at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection)',
      '      Error Number:2601,State:1,Class:14',
    ];
    expect(pickDecisiveLine(log)).toBe("Microsoft.Data.SqlClient.SqlException (0x80131904): Cannot insert duplicate key row in object 'dbo.Entries'.");
  });

  it("quotes a record's first message line when its body holds no exception", () => {
    const log = ['crit: Acme.Billing.Startup[3]', '      The ledger schema is at version 41; this build needs 42.', '      Run the migrations before starting the service.'];
    expect(pickDecisiveLine(log)).toBe('The ledger schema is at version 41; this build needs 42.');
  });

  it('reads each record as one line and leaves a header without a body and the lines around it as they are', () => {
    const joined = joinDotnetRecords(['starting', 'fail: Acme.Jobs.Runner[7]', '      System.TimeoutException: The lock was not granted within 00:00:30.', '         at Acme.Jobs.Runner.RunAsync()', 'dbug: Acme.Jobs.Runner[8]', 'done']);
    expect(joined).toEqual(['starting', 'fail: Acme.Jobs.Runner[7] System.TimeoutException: The lock was not granted within 00:00:30.', 'dbug: Acme.Jobs.Runner[8]', 'done']);
    expect(condenseDotnetRecord(joined[1] ?? '')).toBe('System.TimeoutException: The lock was not granted within 00:00:30.');
    expect(condenseDotnetRecord('dbug: Acme.Jobs.Runner[8]')).toBe('dbug: Acme.Jobs.Runner[8]');
  });
});
