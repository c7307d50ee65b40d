// Start-up (loading the SDKs, compiling, migrating) grows V8's young generation to its largest size, and an idle
// server never collects again, so those pages stay resident: about 40 MB of `serve`'s idle RSS was empty young
// generation (bench:memory). Once start-up is over, one collection that gives memory back to the system (the
// "last resort" flavour, which also shrinks the young generation) brings idle RSS down to what is in use; from then
// on V8 sizes the heap to the traffic. V8 offers that collection only through the `gc` function it exposes with
// --expose-gc, which is read when a context is created: the flag is set for one new context and unset again (as
// jest does for --logHeapUsage). Once per process, one second after start-up: about 50 ms of CPU.
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Logger } from '../logging/create-logger.ts';

type Gc = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

/** After `delayMs` (unref'd: it never keeps the process alive), one collection that returns start-up's garbage. */
export function settleMemoryAfterStartUp(logger: Logger, delayMs = 1_000): void {
  setTimeout(() => {
    const started = performance.now();
    const cpu = process.threadCpuUsage();
    const before = process.memoryUsage.rss();
    v8.setFlagsFromString('--expose-gc');
    let gc: Gc;
    try {
      gc = vm.runInNewContext('gc') as Gc;
    } finally {
      v8.setFlagsFromString('--no-expose-gc');
    }
    gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    const mb = (bytes: number) => Math.round(bytes / 1_048_576);
    const { user, system } = process.threadCpuUsage(cpu);
    logger.debug({ ms: Math.round(performance.now() - started), cpuMs: Math.round((user + system) / 1_000), rssBeforeMb: mb(before), rssAfterMb: mb(process.memoryUsage.rss()) }, 'start-up memory returned');
  }, delayMs).unref();
}
