// license-doctor batch create | show | list | approve | reject | cancel | retry | split — thin over the batch service.
import type { BatchService, BatchState } from '../../../app/batch/batch-service.ts';
import type { CreateBatchInput } from '../../../app/batch/create-batch.ts';
import { LicenseDoctorError } from '../../../core/errors.ts';
import type { PathId } from '../../../core/model/diagnosis.ts';
import { batchJson, formatBatch } from '../batch-output.ts';
import type { CliIo, SignInMethod } from '../cli-io.ts';
import { actingAs } from '../acting-as.ts';
import { EXIT } from '../exit-codes.ts';
import { createStyle } from '../style.ts';
import { withRuntime, type CliRuntime, type CliSession } from '../with-runtime.ts';

interface Common {
  readonly json: boolean;
  readonly sandbox: boolean;
}

export type BatchArgs = Common & (
  | { readonly sub: 'create'; readonly groupId: string | null; readonly sku: string | null; readonly path: PathId; readonly groupLevel: boolean; readonly as: string; readonly reason: string; readonly acknowledgeRemoval: boolean }
  | { readonly sub: 'show' | 'list'; readonly batchId: string | null }
  | { readonly sub: 'approve' | 'reject' | 'cancel'; readonly batchId: string; readonly as: string | null; readonly login: SignInMethod | null; readonly reason?: string; readonly execute: boolean }
  | { readonly sub: 'retry' | 'split'; readonly batchId: string; readonly as: string; readonly reason?: string }
);

async function withBatches(io: CliIo, args: BatchArgs & { login?: SignInMethod | null }, body: (batches: BatchService, rt: CliRuntime, session: CliSession) => Promise<number>): Promise<number> {
  return withRuntime(io, { sandbox: args.sandbox, login: args.login ?? null }, async (rt, session) => {
    const opened = await rt.fleet.openBatches();
    try {
      return await body(opened.service, rt, session);
    } finally {
      await opened.close();
    }
  });
}

async function print(io: CliIo, json: boolean, batches: BatchService, id: string, notices: readonly string[] = []): Promise<void> {
  const state: BatchState | null = await batches.state(id);
  if (!state) throw new LicenseDoctorError('not-found', `There is no batch ${id}.`);
  if (json) io.stdout.write(`${JSON.stringify(batchJson(state), null, 2)}\n`);
  else io.stdout.write(`${formatBatch(state, createStyle(Boolean(io.stdout.isTTY) && !io.env.NO_COLOR))}\n`);
  for (const n of notices) io.stderr.write(`${n}\n`);
}

/** Runs one batch subcommand. */
export function batchCommand(args: BatchArgs, io: CliIo): Promise<number> {
  return withBatches(io, args, async (batches, rt, session) => {
    switch (args.sub) {
      case 'create': {
        const input: CreateBatchInput = {
          from: { kind: 'scan' }, groupId: args.groupId, sku: args.sku, path: args.path, groupLevel: args.groupLevel, reason: args.reason, acknowledgeRemoval: args.acknowledgeRemoval,
          requester: { upnOrId: args.as, surface: 'cli', surfaceUserId: session.cli.osUser, cli: session.cli },
        };
        const batch = await batches.create(input);
        await print(io, args.json, batches, batch.id);
        if (!args.json) io.stderr.write(`Batch ${batch.id} needs two approvals (neither the requester): license-doctor batch approve ${batch.id} --as <approver>\n`);
        return EXIT.ok;
      }
      case 'list': {
        const list = await batches.list();
        if (args.json) io.stdout.write(`${JSON.stringify(list.map((b) => ({ id: b.id, status: b.status, kind: b.kind, path: b.path, users: b.memberCount, createdAt: b.createdAt })), null, 2)}\n`);
        else if (list.length === 0) io.stdout.write('No batches.\n');
        else for (const b of list) io.stdout.write(`${b.id}  ${b.status.padEnd(9)} ${b.path.padEnd(20)} ${String(b.memberCount).padStart(4)} user(s)  ${b.reason}\n`);
        return EXIT.ok;
      }
      case 'show':
        await print(io, args.json, batches, args.batchId ?? '');
        return EXIT.ok;
      case 'approve':
      case 'reject':
      case 'cancel': {
        const actor = { upnOrId: actingAs(args.as, session.signedInAs), surface: 'cli' as const, surfaceUserId: session.cli.osUser, cli: session.cli };
        const result = await batches.decide({ batchId: args.batchId, decision: args.sub, actor, ...(args.reason !== undefined ? { reason: args.reason } : {}) });
        if (result.shouldRun && args.execute) {
          if (!args.json) io.stderr.write(`Approved: running batch ${args.batchId} (${rt.config.batch.concurrency} users at a time)...\n`);
          await batches.run(args.batchId);
          await print(io, args.json, batches, args.batchId);
        } else {
          await print(io, args.json, batches, args.batchId, result.shouldRun ? [`Approved: a running License Doctor server will run ${args.batchId} (--no-execute).`] : [result.message]);
        }
        return EXIT.ok;
      }
      case 'retry': {
        await batches.retry({ batchId: args.batchId, actor: { upnOrId: args.as, surface: 'cli', surfaceUserId: session.cli.osUser } });
        await print(io, args.json, batches, args.batchId);
        return EXIT.ok;
      }
      case 'split': {
        const split = await batches.split({ batchId: args.batchId, actor: { upnOrId: args.as, surface: 'cli', surfaceUserId: session.cli.osUser }, ...(args.reason !== undefined ? { reason: args.reason } : {}) });
        await print(io, args.json, batches, split.id);
        if (!args.json) io.stderr.write(`The failed users of ${args.batchId} are now batch ${split.id}; it needs two approvals of its own.\n`);
        return EXIT.ok;
      }
    }
  });
}
