// The crash tests, part 2 (part 1 and the shared parts: crash-recovery.test.ts, crash-scenario.ts): a process killed
// with SIGKILL at each boundary of steps 3 to 5, then a restart once its lease ran out: the plan finishes, every
// vendor write reached the tenant exactly once, the journal shows the interruption, and the audit chain is intact.
import { BOUNDARIES, cleanUpCrashes, killedAndRestarted } from './crash-scenario.ts';

afterAll(cleanUpCrashes);

const LATE = BOUNDARIES.flatMap((label, i) => (/^s[12] /.test(label) ? [] : [[i + 1, label] as const]));

test.concurrent.each(LATE)('killed at boundary %i (%s), then restarted: finishes, no write repeated, journal and audit tell', killedAndRestarted, 90_000);
