// A sandbox runtime with a store file, a finished scan and the batch service: what the batch tests start from.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScan } from '../../src/app/scan/run-scan.ts';
import type { BatchRuntime } from '../../src/runtime.ts';
import { GROUP } from '../../src/sandbox/seed.ts';
import { graph } from '../support/sandbox-admin.ts';
import { startSandboxRuntime, type SandboxRuntime, type TestRuntimeOptions } from '../support/test-runtime.ts';

/** The seeded licensing group behind most path-1 conflicts (Adele, Grady, Megan, Miriam; Henrietta has no usage location). */
export const E3_GROUP = GROUP.E3;

export interface BatchHarness {
  readonly rt: SandboxRuntime;
  readonly batches: BatchRuntime['service'];
  /** The Entra object id of a seeded user. */
  userId(upn: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts the runtime (SQLite file unless `databaseUrl` is given), scans the tenant and opens the batch service. */
export async function startBatchHarness(options: TestRuntimeOptions & { readonly concurrency?: number } = {}): Promise<BatchHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'ld-batch-'));
  const databaseUrl = options.databaseUrl ?? `sqlite:${join(dir, 'store.sqlite')}`;
  // The product's lease (60 s), not the tests' shortened one: an execution waits out an Okta reset within its lease, and a
  // batch makes enough Okta calls in a minute for its users' executions to meet one.
  const rt = await startSandboxRuntime({
    ...options, databaseUrl, execution: { leaseMs: 60_000, ...options.execution }, env: { BATCH_CONCURRENCY: String(options.concurrency ?? 4), ...options.env },
  });
  const scan = await rt.fleet.createScanRuntime({ databaseUrl, ...(options.databaseSchema ? { databaseSchema: options.databaseSchema } : {}) });
  try {
    const outcome = await runScan(scan.deps);
    if (outcome.kind !== 'finished') throw new Error('the scan did not run');
  } finally {
    await scan.close();
  }
  const opened = await rt.fleet.openBatches();
  return {
    rt, batches: opened.service,
    userId: async (upn) => ((await graph(rt.sandbox, 'GET', `/users/${upn}`)) as { id: string }).id,
    close: async () => {
      await opened.close();
      await rt.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
