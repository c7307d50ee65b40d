// A scan allocates fast (every page parsed, validated, joined and written) while what it keeps is small (the waiting
// users and the page in hand), and V8 answers a high allocation rate by letting the heap grow up to four times what
// survived the last full collection: bench:scan's scanner reserved about 330 MB of heap for about 70 MB in use. While
// a scan runs, the heap may grow by only a quarter over what survived (V8's --heap-growing-percent, read at each
// collection, so it can be set at run time; 0 gives V8 back its own choice): 100k users, 535 -> 341 MB peak RSS for
// the same CPU. Scans in one process nest (the CLI runs one, a server one at a time); the last to end restores it.
import v8 from 'node:v8';

/**
 * The V8 flags a scanning command line starts with: semi-spaces of at most 6 MB instead of V8's 16 MB here. A scan
 * allocates each page's objects and drops them a page later; with the smaller young generation they are collected
 * sooner and fewer survive into the old generation. bench:scan, 100k users: peak RSS 354 → 237–247 MB and peak heap
 * in use 141 → 95 MB for the same CPU (8 MB: 244–255 MB; 4 MB: 246 MB but 2 s more CPU). The young generation's size is fixed when the
 * process starts, so the CLI starts `scan` again with these flags, under the same pid (bin/license-doctor.js).
 */
export const SCAN_PROCESS_FLAGS: readonly string[] = ['--max-semi-space-size=6'];

/**
 * For `license-doctor scan` (argv as process.argv: node, script, command, ...): the argv to start the same command
 * again with SCAN_PROCESS_FLAGS; null for every other command, or when the young generation is already set (by these
 * flags, the command line, or NODE_OPTIONS: the operator's choice wins).
 */
export function scanRelaunchArgv(argv: readonly string[], execArgv: readonly string[], nodeOptions: string | undefined): string[] | null {
  if (argv[2] !== 'scan') return null;
  const sized = (flag: string) => /^--(max|min)-semi-space-size(=|$)|^--max-heap-size(=|$)/.test(flag);
  if (execArgv.some(sized) || (nodeOptions ?? '').split(/\s+/).some(sized)) return null;
  return [argv[0] ?? process.execPath, ...SCAN_PROCESS_FLAGS, ...execArgv, ...argv.slice(1)];
}

let running = 0;

/** Bounds the heap's growth until the returned function is called (idempotent). */
export function boundHeapGrowthWhileScanning(): () => void {
  if (running++ === 0) v8.setFlagsFromString('--heap-growing-percent=25');
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    if (--running === 0) v8.setFlagsFromString('--heap-growing-percent=0');
  };
}
