// Audit checkpoints in the application log: the head (seq, hash, MAC) at start, again when it moved, and at stop;
// never the key itself.
import { logAuditCheckpoint, startAuditCheckpoints } from '../../src/app/audit-checkpoint.ts';
import { createRequestStore } from '../../src/adapters/store/create-request-store.ts';
import type { AppLogger } from '../../src/app/app-logger.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { createLogger } from '../../src/logging/create-logger.ts';

const KEY = 'checkpoint-test-key-0123456789abcdef0123456789';

test('logs the head at start and at stop, and only when it moved; the key never appears', async () => {
  const store = await createRequestStore('sqlite::memory:', { auditKey: KEY });
  await store.migrate();
  const lines: Array<{ obj: object; msg: string | undefined }> = [];
  const log = (obj: object, msg?: string) => lines.push({ obj, msg });
  const logger: AppLogger = { debug: log, info: log, warn: log, error: log };
  const append = (n: number) => store.appendAudit({ at: '2026-05-07T12:00:00.000Z', action: 'test.note', actor: 'system', actorDetail: {}, requestId: null, data: { n } });

  await append(1);
  const checkpoints = startAuditCheckpoints({ auditLog: store, logger }, 3_600_000);
  await append(2);
  await checkpoints.stop();
  const last = await logAuditCheckpoint({ auditLog: store, logger }, await store.auditHead());

  const heads = (await store.audit()).map((e) => ({ seq: e.seq, hash: e.hash, mac: e.mac }));
  expect(last).toEqual(heads[1]);
  expect(lines).toEqual([
    { obj: { auditCheckpoint: heads[0] }, msg: `audit checkpoint: 1 entries, head ${heads[0]?.hash}` },
    { obj: { auditCheckpoint: heads[1] }, msg: `audit checkpoint: 2 entries, head ${heads[1]?.hash}` },
  ]);
  expect(heads.every((h) => /^[0-9a-f]{64}$/.test(h.mac ?? ''))).toBe(true);
  expect(JSON.stringify(lines)).not.toContain(KEY);
  await store.close();
});

test('AUDIT_KEY is censored wherever the configuration or store options are logged', () => {
  const written: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void written.push(line) });
  const config = loadConfig({ SANDBOX: 'true', AUDIT_KEY: KEY });
  expect(config.audit.key).toBe(KEY);
  logger.info({ config }, 'configuration');
  logger.info({ store: { auditKey: KEY } }, 'store options');
  logger.info({ auditKey: KEY }, 'store options');
  expect(written).toHaveLength(3);
  expect(written.join('')).not.toContain(KEY);
});
