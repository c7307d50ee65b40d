// Migration 0008 on a store that already holds requests: the oldest open request of each target and path gets the key
// (even where an earlier race left two open), closed requests none; afterwards a new one for that target is refused
// naming the key's holder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { createRequestStore } from '../../../src/adapters/store/create-request-store.ts';
import type { StoreDatabase } from '../../../src/adapters/store/store-database.ts';
import { MIGRATION_TABLES, storeMigrationProvider } from '../../../src/adapters/store/store-migrations.ts';
import type { LicenseRequest } from '../../../src/core/model/request.ts';
import { licenseRequest } from '../../contracts/request-store-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'ld-open-target-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The requests row as the store wrote it before migration 0008. */
const oldRow = (r: LicenseRequest) => ({
  id: r.id, status: r.status, version: r.version, path: r.path, scope: r.scope, requested_by: r.requestedBy.userPrincipalName, target_upn: r.target.userPrincipalName,
  created_at: r.createdAt, updated_at: r.updatedAt, expires_at: r.expiresAt, request_json: JSON.stringify(r), lease_owner: null, lease_until: null, lease_token: 0,
});

test('backfills open_target for the oldest open request of a target; a new request for it is then refused', async () => {
  const file = join(dir, 'old.sqlite');
  const raw = new Database(file);
  const db = new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database: raw }) });
  const { error } = await new Migrator({ db, provider: storeMigrationProvider, ...MIGRATION_TABLES }).migrateTo('0006-add-lease-token');
  expect(error).toBeUndefined();
  const adele = licenseRequest();
  const forAdele = (createdAt: string, status: LicenseRequest['status']) => licenseRequest({ createdAt, status, target: adele.target });
  const [older, newer, closed, other] = [forAdele('2026-05-01T09:00:00.000Z', 'approved'), forAdele('2026-05-02T09:00:00.000Z', 'pending'), forAdele('2026-04-01T09:00:00.000Z', 'cancelled'), licenseRequest()];
  const rows = [newer, closed, other, older].map((r) => oldRow(r as LicenseRequest));
  // Kysely's types already include columns from later migrations; these rows are what 0001-0006 defined.
  await db.insertInto('requests').values(rows as never).execute();
  await db.destroy();
  raw.close();

  const store = await createRequestStore(`sqlite:${file}`);
  await store.migrate();
  const check = new Database(file, { readonly: true });
  const keys = Object.fromEntries((check.prepare('SELECT id, open_target FROM requests').all() as Array<{ id: string; open_target: string | null }>).map((r) => [r.id, r.open_target]));
  check.close();
  expect(keys).toStrictEqual({
    [older?.id ?? '']: `okta-owns-licenses user:${adele.target.entraObjectId.toLowerCase()}`,
    [newer?.id ?? '']: null,
    [closed?.id ?? '']: null,
    [other?.id ?? '']: `okta-owns-licenses user:${other?.target.entraObjectId.toLowerCase() ?? ''}`,
  });
  await expect(store.create(forAdele('2026-05-03T09:00:00.000Z', 'pending'))).rejects.toMatchObject({ code: 'conflict', details: { reason: 'target-busy', requestId: older?.id } });
  await store.close();
});
