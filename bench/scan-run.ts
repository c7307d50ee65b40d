// bench:scan's scanner: one scan of the sandbox given in argv (endpoints JSON) into a fresh SQLite store, then the JSON
// report to a file. Prints calls, pages, times and this process's peak RSS as one JSON line.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGraphDirectory, createGraphTransport } from '../src/adapters/graph/create-graph-directory.ts';
import { GraphUserPages } from '../src/adapters/graph/graph-user-pages.ts';
import { createOktaOrg } from '../src/adapters/okta/create-okta-org.ts';
import { createOktaAppUserPages } from '../src/adapters/okta/okta-app-user-pages.ts';
import { openStoreEngine } from '../src/adapters/store/create-request-store.ts';
import { createScanStore } from '../src/adapters/store/kysely-scan-store.ts';
import { runScan } from '../src/app/scan/run-scan.ts';
import { boundHeapGrowthWhileScanning } from '../src/scan-heap.ts';
import { DEFAULT_SCAN_SETTINGS } from '../src/app/scan/scan-deps.ts';
import { fileSink, writeScanReport } from '../src/surfaces/cli/scan/write-scan-report.ts';

const e = JSON.parse(process.argv[2] ?? '{}') as { graphBaseUrl: string; graphToken: string; oktaOrgUrl: string; oktaToken: string };
const calls = { graph: 0, okta: 0, graphPages: 0, oktaPages: 0, logPages: 0 };
const graph = {
  baseUrl: e.graphBaseUrl, credential: { kind: 'static' as const, token: e.graphToken }, retryBudgetMs: 60_000,
  onRequest: (i: { url: string }) => {
    calls.graph++;
    if (/\/users\?/.test(i.url)) calls.graphPages++;
  },
};
const okta = {
  orgUrl: e.oktaOrgUrl, auth: { kind: 'ssws' as const, token: e.oktaToken }, requestTimeoutMs: 60_000,
  onRequest: (i: { url: string }) => {
    calls.okta++;
    if (/\/apps\/[^/]+\/users/.test(i.url)) calls.oktaPages++;
    if (/\/api\/v1\/logs/.test(i.url)) calls.logPages++;
  },
};
const dir = mkdtempSync(join(tmpdir(), 'ld-bench-scan-'));
const store = await createScanStore(await openStoreEngine(`sqlite:${join(dir, 'store.sqlite')}`));
// Peak V8 heap in use (sampled), beside the peak RSS: how much the scan itself holds, apart from code and GC slack.
let peakHeap = 0;
// BENCH_SCAN_TRACE=1: the scanner's memory every half second on stderr (RSS, heap total/used, external, array buffers, MB).
const trace = process.env['BENCH_SCAN_TRACE'] === '1';
const mb = (n: number) => (n / 1048576).toFixed(0);
const sample = (label: string) => {
  const m = process.memoryUsage();
  process.stderr.write(`${label} rss ${mb(m.rss)} heap ${mb(m.heapTotal)}/${mb(m.heapUsed)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)}\n`);
};
if (trace) sample('before scan');
let ticks = 0;
const sampler = setInterval(() => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  if (trace && ++ticks % 10 === 0) sample(`${(ticks / 20).toFixed(1)} s`);
}, 50);
// As the scan's composition does (createScanRuntime); BENCH_SCAN_HEAP_BOUND=0 leaves V8's heap growth alone.
if (process.env['BENCH_SCAN_HEAP_BOUND'] !== '0') boundHeapGrowthWhileScanning();
const started = performance.now();
const cpuBefore = process.cpuUsage();
const outcome = await runScan({
  entra: createGraphDirectory(graph), okta: createOktaOrg(okta), entraPages: new GraphUserPages(createGraphTransport(graph)), oktaPages: createOktaAppUserPages(okta),
  store, clock: { now: () => Date.now() }, sandbox: true, oktaAppId: null, workflowsConfigured: true, owner: 'bench', newScanId: () => 'SCAN-BENCH',
  // BENCH_SCAN_WAITING_KB: the scan's memory budget for waiting users (SCAN_WAITING_KB), to bench the spill path.
  settings: { ...DEFAULT_SCAN_SETTINGS, ...(process.env['BENCH_SCAN_WAITING_KB'] ? { waitingBudgetBytes: Number(process.env['BENCH_SCAN_WAITING_KB']) * 1024 } : {}) },
});
const scanMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
// The scanner's own CPU (user + system): the figure that a loaded machine does not inflate.
const scanCpuMs = (cpu.user + cpu.system) / 1000;
clearInterval(sampler);
if (outcome.kind !== 'finished') throw new Error('the scan did not run');
const reportStarted = performance.now();
const file = join(dir, 'report.json');
const sink = fileSink(file);
await writeScanReport(store, outcome.run, 'json', sink);
await sink.end();
const reportMs = performance.now() - reportStarted;
const reportBytes = statSync(file).size;
await store.close();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ calls, scanMs, scanCpuMs, reportMs, reportBytes, users: outcome.run.entra.users, appUsers: outcome.run.okta.users, peakRssMb: process.resourceUsage().maxRSS / 1024, peakHeapMb: peakHeap / 1048576, waitingPeakMb: outcome.waiting.peakBytes / 1048576, spilled: outcome.waiting.spilled })}\n`);
