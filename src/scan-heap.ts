// A scan allocates fast (every page parsed, validated, joined and written) while what it keeps is small (the waiting
// users and the page in hand), and V8 answers a high allocation rate by letting the heap grow up to four times what
// survived the last full collection: bench:scan's scanner reserved about 330 MB of heap for about 70 MB in use. While
// a scan runs, the heap may grow by only a quarter over what survived (V8's --heap-growing-percent, read at each
// collection, so it can be set at run time; 0 gives V8 back its own choice): 100k users, 535 -> 341 MB peak RSS for
// the same CPU. Scans in one process nest (the CLI runs one, a server one at a time); the last to end restores it.
import v8 from 'node:v8';

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
