// license-doctor request | approve | reject | cancel | recheck | retry | show | requests — thin over the application services.
import type { PathId } from '../../../core/model/diagnosis.ts';
import type { PlanOptions } from '../../../core/model/plan.ts';
import type { LicenseRequest, RequestStatus } from '../../../core/model/request.ts';
import { LicenseDoctorError } from '../../../core/errors.ts';
import { describeStatus } from '../../../core/approval/describe-status.ts';
import type { CliIo, SignInMethod } from '../cli-io.ts';
import { actingAs } from '../acting-as.ts';
import { EXIT } from '../exit-codes.ts';
import { formatRequest } from '../format-request.ts';
import { requestJson } from '../request-json.ts';
import { createStyle } from '../style.ts';
import { withRuntime } from '../with-runtime.ts';

interface Common {
  readonly json: boolean;
  readonly sandbox: boolean;
}

const print = (io: CliIo, json: boolean, request: LicenseRequest, notices: readonly string[] = []) => {
  if (json) io.stdout.write(`${JSON.stringify(requestJson(request), null, 2)}\n`);
  else io.stdout.write(`${formatRequest(request, createStyle(Boolean(io.stdout.isTTY) && !io.env.NO_COLOR))}\n`);
  for (const n of notices) io.stderr.write(`${n}\n`);
};

/** Creates a request; someone else must approve it. */
export function requestCommand(
  args: Common & { query: string; path: PathId; options: PlanOptions; as: string; reason: string; acknowledgeRemoval: boolean },
  io: CliIo,
): Promise<number> {
  return withRuntime(io, args, async (rt, session) => {
    const request = await rt.services.createRequest({
      query: args.query, path: args.path, options: args.options, reason: args.reason, acknowledgeRemoval: args.acknowledgeRemoval,
      requester: { upnOrId: args.as, surface: 'cli', surfaceUserId: session.cli.osUser, cli: session.cli },
    });
    print(io, args.json, request);
    if (!args.json) io.stderr.write(`Request ${request.id} is waiting for approval: license-doctor approve ${request.id} --as <approver>\n`);
    return EXIT.ok;
  });
}

/** Approve, reject or cancel. When an approval completes the quorum the plan runs here, unless --no-execute. */
export function decideCommand(
  args: Common & { requestId: string; decision: 'approve' | 'reject' | 'cancel'; as: string | null; login: SignInMethod | null; reason?: string; execute: boolean },
  io: CliIo,
): Promise<number> {
  return withRuntime(io, args, async (rt, session) => {
    const as = actingAs(args.as, session.signedInAs);
    const result = await rt.services.decide({
      requestId: args.requestId, decision: args.decision, actor: { upnOrId: as, surface: 'cli', surfaceUserId: session.cli.osUser, cli: session.cli },
      ...(args.reason !== undefined ? { reason: args.reason } : {}),
    });
    let request = result.request;
    const runHere = result.shouldExecute && args.execute;
    if (runHere) {
      if (!args.json) io.stderr.write(`Approved: running the plan of ${request.id}...\n`);
      request = (await rt.services.execute(request.id)) ?? (await rt.services.get(request.id)) ?? request;
    } else if (result.shouldExecute) {
      io.stderr.write(`Approved: a running License Doctor server will execute ${request.id} (--no-execute).\n`);
    }
    // Notices about the decision ("the change is running now") are stale once it ran here.
    print(io, args.json, request, runHere ? [] : result.notices);
    if (args.decision === 'approve' && request.status === 'approved' && rt.config.readOnly) {
      throw new LicenseDoctorError('policy', `Approved, but READ_ONLY=true: nothing was executed. ${describeStatus(request)}`);
    }
    return EXIT.ok;
  });
}

/** Re-checks a request that waits for manual steps (finishes it when they are done). */
export function recheckCommand(args: Common & { requestId: string }, io: CliIo): Promise<number> {
  return withRuntime(io, args, async (rt) => {
    print(io, args.json, await rt.services.recheck(args.requestId));
    return EXIT.ok;
  });
}

/** Retries a failed plan from its failed step, as the requester or an approver. */
export function retryCommand(args: Common & { requestId: string; as: string }, io: CliIo): Promise<number> {
  return withRuntime(io, args, async (rt) => {
    print(io, args.json, await rt.services.retry({ requestId: args.requestId, actor: { upnOrId: args.as, surface: 'cli', surfaceUserId: null } }));
    return EXIT.ok;
  });
}

/** One request. */
export function showCommand(args: Common & { requestId: string }, io: CliIo): Promise<number> {
  return withRuntime(io, args, async (rt) => {
    const request = await rt.services.get(args.requestId);
    if (!request) throw new LicenseDoctorError('not-found', `There is no request ${args.requestId}.`);
    print(io, args.json, request);
    return EXIT.ok;
  });
}

/** Requests, newest first. */
export function listCommand(args: Common & { statuses: RequestStatus[] | null }, io: CliIo): Promise<number> {
  return withRuntime(io, args, async (rt) => {
    const list = await rt.services.list(args.statuses ?? undefined);
    if (args.json) io.stdout.write(`${JSON.stringify(list.map(requestJson), null, 2)}\n`);
    else if (list.length === 0) io.stdout.write('No requests.\n');
    else for (const r of list) io.stdout.write(`${r.id}  ${r.status.padEnd(18)} ${r.path.padEnd(28)} ${r.target.userPrincipalName}  ${describeStatus(r)}\n`);
    return EXIT.ok;
  });
}

