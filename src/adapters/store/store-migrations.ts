// Every schema change of the store, in order. Forward-only: a released migration is never edited or removed; a
// change is a new entry with the next number. Migrations live in code, so nothing is read from disk at run time.
import type { Migration, MigrationProvider } from 'kysely/migration';
import { createRequests } from './migrations/0001-create-requests.ts';
import { createDecisions } from './migrations/0002-create-decisions.ts';
import { createJournal } from './migrations/0003-create-journal.ts';
import { createConversationRefs } from './migrations/0004-create-conversation-refs.ts';
import { createAuditLog } from './migrations/0005-create-audit-log.ts';
import { addLeaseToken } from './migrations/0006-add-lease-token.ts';
import { oneChangePerTarget } from './migrations/0008-one-change-per-target.ts';
import { keyedAudit } from './migrations/0009-keyed-audit.ts';
import { createRequestEvents } from './migrations/0010-create-request-events.ts';
import { createOnceClaims } from './migrations/0011-create-once-claims.ts';
import { createNoticesSent } from './migrations/0012-create-notices-sent.ts';
import { createScanRuns } from './migrations/0013-create-scan-runs.ts';
import { createScanStaging } from './migrations/0014-create-scan-staging.ts';
import { createScanResults } from './migrations/0015-create-scan-results.ts';
import { createOktaEventReceipts } from './migrations/0016-create-okta-event-receipts.ts';
import { createAlerts } from './migrations/0017-create-alerts.ts';
import { createBatches } from './migrations/0018-create-batches.ts';
import { addScanLeaseStartedBy } from './migrations/0019-add-scan-lease-started-by.ts';
import { createScanStagedPages } from './migrations/0020-create-scan-staged-pages.ts';

/** The migrations by name; Kysely runs them in name order. */
export const STORE_MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-create-requests': createRequests,
  '0002-create-decisions': createDecisions,
  '0003-create-journal': createJournal,
  '0004-create-conversation-refs': createConversationRefs,
  '0005-create-audit-log': createAuditLog,
  '0006-add-lease-token': addLeaseToken,
  '0008-one-change-per-target': oneChangePerTarget,
  '0009-keyed-audit': keyedAudit,
  '0010-create-request-events': createRequestEvents,
  '0011-create-once-claims': createOnceClaims,
  '0012-create-notices-sent': createNoticesSent,
  '0013-create-scan-runs': createScanRuns,
  '0014-create-scan-staging': createScanStaging,
  '0015-create-scan-results': createScanResults,
  '0016-create-okta-event-receipts': createOktaEventReceipts,
  '0017-create-alerts': createAlerts,
  '0018-create-batches': createBatches,
  '0019-add-scan-lease-started-by': addScanLeaseStartedBy,
  '0020-create-scan-staged-pages': createScanStagedPages,
};

/** Kysely's in-code migration provider over STORE_MIGRATIONS. */
export const storeMigrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...STORE_MIGRATIONS }),
};

/** Kysely's bookkeeping tables, named for License Doctor so they cannot clash with another application's. Numbers were
 *  handed out to parallel work, so a store may have run a later migration before an earlier one lands (0011 after
 *  0016): Kysely then runs the missing one instead of refusing the store. */
export const MIGRATION_TABLES = { migrationTableName: 'license_doctor_migration', migrationLockTableName: 'license_doctor_migration_lock', allowUnorderedMigrations: true } as const;
