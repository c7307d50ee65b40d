// Row helpers of the scan store: table rows -> port types.
import type { ScanRun } from '../../core/ports/scan-store.ts';
import type { ScanRunsTable } from './scan-tables.ts';

export function toRun(r: ScanRunsTable): ScanRun {
  return {
    id: r.id, startedAt: r.started_at, finishedAt: r.finished_at, appId: r.app_id,
    okta: { cursor: r.okta_cursor, done: Number(r.okta_done) === 1, pages: Number(r.okta_pages), users: Number(r.okta_users) },
    entra: { cursor: r.entra_cursor, done: Number(r.entra_done) === 1, pages: Number(r.entra_pages), users: Number(r.entra_users) },
  };
}
