// npm run bench:scan — a fleet scan of generated tenants (10k and 100k users) with 50 ms injected into every Graph and
// Okta call. Reports calls, wall time against the floor (the slower side's page count x latency: the two sides page
// in parallel, and each side's pages are sequential because each page's cursor comes from the one before), and the
// scanner's peak RSS. Goal: within 1.2x the floor and under 256 MB at 100k.
// The sandbox servers and the scanner run in processes of their own, so that each one's CPU and memory are its own.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { SCAN_PROCESS_FLAGS } from '../src/scan-heap.ts';

const LATENCY_MS = 50;
const SIZES = (process.env['BENCH_SCAN_SIZES'] ?? '10000,100000').split(',').map(Number);

interface RunResult {
  calls: { graph: number; okta: number; graphPages: number; oktaPages: number; logPages: number };
  scanMs: number; scanCpuMs: number; reportMs: number; reportBytes: number; users: number; appUsers: number; peakRssMb: number; peakHeapMb: number; waitingPeakMb: number; spilled: boolean;
}

async function firstLine(child: ReturnType<typeof spawn>): Promise<string> {
  if (!child.stdout) throw new Error('no stdout');
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) return line;
  throw new Error('the child printed nothing');
}

/** A child's CPU time so far (user + system, seconds), from /proc (Linux). */
function cpuSeconds(child: ReturnType<typeof spawn>): number {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

async function benchSize(users: number): Promise<string> {
  // Graph and Okta each served by a process of its own (as they are in the world), with the same generated tenant.
  const now = new Date().toISOString();
  const sandboxes = [0, 1].map(() => spawn(process.execPath, ['bench/scan-sandbox.ts', String(users), String(LATENCY_MS), now], { stdio: ['ignore', 'pipe', 'inherit'] }));
  try {
    const [graphSide, oktaSide] = (await Promise.all(sandboxes.map(firstLine))).map((line) => JSON.parse(line) as Record<string, string>);
    const endpoints = JSON.stringify({ graphBaseUrl: graphSide?.graphBaseUrl, graphToken: graphSide?.graphToken, oktaOrgUrl: oktaSide?.oktaOrgUrl, oktaToken: oktaSide?.oktaToken });
    // BENCH_SCAN_NODE_FLAGS, e.g. --max-old-space-size=128, shows the scan within a smaller heap.
    const flags = (process.env['BENCH_SCAN_NODE_FLAGS'] ?? '').split(' ').filter((f) => f !== '');
    // The scanner starts as `license-doctor scan` does (SCAN_PROCESS_FLAGS), then BENCH_SCAN_NODE_FLAGS.
    const scanner = spawn(process.execPath, [...SCAN_PROCESS_FLAGS, ...flags, 'bench/scan-run.ts', endpoints], { stdio: ['ignore', 'pipe', 'inherit'] });
    const load = loadavg()[0] ?? 0;
    const sandboxCpuBefore = sandboxes.map(cpuSeconds);
    const r = JSON.parse(await firstLine(scanner)) as RunResult;
    await once(scanner, 'exit');
    // The sandboxes' CPU during the scan and report (both together): on 2 cores they compete with the scanner.
    const sandboxCpu = sandboxes.map(cpuSeconds).reduce((a, b) => a + b, 0) - sandboxCpuBefore.reduce((a, b) => a + b, 0);
    const floorMs = Math.max(r.calls.graphPages, r.calls.oktaPages) * LATENCY_MS;
    const ratio = r.scanMs / floorMs;
    return `| ${users.toLocaleString('en')} | ${r.appUsers.toLocaleString('en')} | ${r.calls.graph} (${r.calls.graphPages} pages) | ${r.calls.okta} (${r.calls.oktaPages} pages, ${r.calls.logPages} log) | ${(floorMs / 1000).toFixed(1)} s | ${(r.scanMs / 1000).toFixed(1)} s | ${ratio.toFixed(2)}× ${ratio <= 1.2 ? '✓' : '✗'} | ${(r.scanCpuMs / 1000).toFixed(1)} s | ${load.toFixed(1)} | ${(r.reportMs / 1000).toFixed(1)} s (${(r.reportBytes / 1e6).toFixed(1)} MB) | ${r.peakRssMb.toFixed(0)} MB ${r.peakRssMb < 256 ? '✓' : '✗'} | ${r.peakHeapMb.toFixed(0)} MB | ${r.waitingPeakMb.toFixed(0)} MB${r.spilled ? ', spilled' : ''} | ${sandboxCpu.toFixed(1)} s |`;
  } finally {
    for (const s of sandboxes) s.kill('SIGTERM');
  }
}

const rows: string[] = [];
for (const users of SIZES) rows.push(await benchSize(users));
console.log(`Fleet scan, ${LATENCY_MS} ms injected into every Graph and Okta call; ${availableParallelism()} CPUs, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}.`);
console.log('| Entra users | Okta app users | Graph calls | Okta calls | floor | scan wall time | vs floor (≤ 1.2×) | scanner CPU | load (1 min) at start | JSON report | scanner peak RSS (< 256 MB) | peak heap used | waiting users in memory (peak) | sandboxes\' CPU |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
console.log(rows.join('\n'));
