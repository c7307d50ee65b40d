// One periodic maintenance pass of a server (every 15 s): requests (expire, run approved ones, resume crashed plans),
// then batches nobody runs (started or resumed), then alerts closed longer than ALERT_RETENTION_DAYS (deleted, at most
// once an hour per instance). Each part's failure is logged and never stops the next.
import type { Runtime } from '../runtime.ts';

export async function maintenancePass(runtime: Pick<Runtime, 'services' | 'batches' | 'alerts' | 'logger'>): Promise<void> {
  await runtime.services.maintenance().catch((err: unknown) => runtime.logger.error({ err }, 'maintenance pass failed'));
  // Batches nobody is running (approved elsewhere, or their instance died) are started or resumed.
  await (async () => (await runtime.batches.service()).resume())().catch((err: unknown) => runtime.logger.error({ err }, 'batch maintenance failed'));
  await runtime.alerts.purgeClosed().catch((err: unknown) => runtime.logger.error({ err }, 'closed alerts could not be purged; the next pass tries again'));
}
