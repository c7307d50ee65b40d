// The vendor writes a plan makes, and the writes that really reached the sandbox: "exactly once" is a comparison of
// the two. A write is named by method and path, e.g. `DELETE /v1.0/groups/<id>/members/<id>/$ref`.
import type { Plan } from '../../src/core/model/plan.ts';
import { STEP_KINDS, stepKindOf, type StepTable } from '../../src/core/steps/step-table.ts';
import type { RecordedCall } from '../../src/sandbox/http.ts';
import type { RunningSandbox } from '../../src/sandbox/start-sandbox.ts';
import { WORKFLOWS_FLOW } from '../../src/sandbox/seed.ts';

/** `METHOD /path`, lower-cased, percent-decoded. */
export type Write = string;

const write = (method: string, path: string): Write => `${method.toUpperCase()} ${decodeURIComponent(path).toLowerCase()}`;

/** The writes of the plan's automatic steps, in order, as their kinds declare them (manual and verify steps write nothing). */
export function planWrites(plan: Plan, steps: readonly string[] = plan.steps.map((s) => s.id), table: StepTable = STEP_KINDS): Write[] {
  return plan.steps.filter((s) => steps.includes(s.id)).flatMap((s) =>
    (stepKindOf(table, s.action).writes?.(s.action) ?? []).map((w) => write(w.method, w.path ?? `/api/flo/${WORKFLOWS_FLOW.alias}/invoke`)),
  );
}

/** Whether a call changes something (reads sent as POST — checkMemberGroups, $batch of GETs, token requests — do not). */
export function isWrite(method: string, path: string): boolean {
  if (method.toUpperCase() === 'GET') return false;
  return !/\/checkMemberGroups$|\/\$batch$|^\/oauth2\/v1\/token$/i.test(path);
}

/** The writes among recorded calls (sandbox call logs, or the bot's own requests), in the order they were made. */
export function writesOf(calls: ReadonlyArray<{ readonly method: string; readonly path: string }>): Write[] {
  return calls.filter((c) => isWrite(c.method, c.path)).map((c) => write(c.method, c.path));
}

/** Every write that reached the sandbox's Graph and Okta servers (the push engine's included), by arrival time. */
export function sandboxWrites(sandbox: RunningSandbox): Write[] {
  const calls: RecordedCall[] = [...sandbox.graph.calls, ...sandbox.okta.calls].sort((a, b) => a.at - b.at);
  return writesOf(calls);
}

/** Forgets the calls recorded so far (e.g. the reads of creating a request). */
export function clearCalls(sandbox: RunningSandbox): void {
  sandbox.graph.calls.length = 0;
  sandbox.okta.calls.length = 0;
}
