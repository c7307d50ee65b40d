// What every route of the sandbox Graph server needs: the tenant, the fault injector (also applied to each
// `$batch` sub-request) and the log of sub-requests answered inside `$batch`.
import type { FaultInjector } from '../faults.ts';
import type { RecordedCall } from '../http.ts';
import type { SandboxTenant } from '../tenant.ts';

export interface GraphContext {
  readonly tenant: SandboxTenant;
  readonly faults: FaultInjector;
  /** Sub-requests answered inside `POST /$batch` (the server's call log records only the batch itself). */
  readonly batchCalls: RecordedCall[];
}

/** Graph's service root in `@odata.context` and `@odata.nextLink`: the host the caller used. */
export function serviceRoot(headers: { readonly host?: string | undefined }): string {
  return `http://${headers.host ?? '127.0.0.1'}/v1.0`;
}
