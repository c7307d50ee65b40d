// Turns on the event loop. A burst of 200 requests hands the process 200 pieces of CPU work at once: acknowledgements,
// diagnoses starting, diagnoses finishing (rendering, posting). Run as they come, they fill single loop iterations
// for hundreds of milliseconds (bench:slack measured 200 ms): an acknowledgement then waits behind other people's
// cards, and timers (leases, deadlines) fire late. Work that can wait takes a turn here. Turns are given out in
// slices, one slice per loop iteration, so that between two slices the loop reads its sockets and fires its timers:
// acknowledgements first (`ack`, slices of up to ACK_SLICE_MS: the other side is waiting), then everything else
// (`work`, slices of up to WORK_SLICE_MS), first come first served within each. Every fourth slice starts with a work
// turn, so a steady stream of requests cannot stall the work already accepted.
//
// A turn resolves from a setImmediate callback, and Node drains the microtasks between two immediates, so each turn's
// continuation (up to its next real wait) runs before the next turn is given and the slice can measure it.

/** `ack`: answering a request (the other side is waiting); `work`: everything that may take its turn after. */
export type TurnPriority = 'ack' | 'work';

/** Milliseconds of turns per loop iteration while acknowledgements wait, and otherwise. */
const ACK_SLICE_MS = 40;
const WORK_SLICE_MS = 8;
/** Immediates queued per slice: an upper bound on the turns one slice can give. */
const MAX_TURNS_PER_SLICE = 64;

const queues: Record<TurnPriority, Array<() => void>> = { ack: [], work: [] };
let slice = 0;
let scheduled = 0;
let sliceStart = 0;
let startedSlice = -1;

const waiting = () => queues.ack.length + queues.work.length;

function giveOne(forSlice: number): void {
  scheduled -= 1;
  const now = performance.now();
  if (startedSlice !== forSlice) {
    startedSlice = forSlice;
    sliceStart = now;
    (forSlice % 4 === 0 ? (queues.work.shift() ?? queues.ack.shift()) : (queues.ack.shift() ?? queues.work.shift()))?.();
  } else if (now - sliceStart < (queues.ack.length > 0 ? ACK_SLICE_MS : WORK_SLICE_MS)) {
    (queues.ack.shift() ?? queues.work.shift())?.();
  }
  // The slice's last immediate queues the next slice (from inside the check phase: it runs after the loop's I/O).
  if (scheduled === 0 && waiting() > 0) schedule();
}

function schedule(): void {
  slice += 1;
  const n = Math.min(waiting(), MAX_TURNS_PER_SLICE);
  for (let i = 0; i < n; i += 1) setImmediate(giveOne, slice);
  scheduled += n;
}

/** Resolves when it is this caller's turn (see the header). */
export function takeTurn(priority: TurnPriority): Promise<void> {
  return new Promise<void>((resolve) => {
    queues[priority].push(resolve);
    if (scheduled === 0) schedule();
  });
}
