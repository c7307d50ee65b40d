// Choosing a resolution path: the button opens the plan preview (a modal opened at once, filled in when the plan is
// built from the live state); submitting it with a justification creates the request, posts the approval card and
// the requester's status line. Submitting it with other plan options than the preview shows builds the plan again for
// them instead (the agent requests only a plan they have seen).
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { isLicenseDoctorError } from '../../core/errors.ts';
import type { PlanOptions } from '../../core/model/plan.ts';
import { isPathId } from '../../core/paths/path-registry.ts';
import { previewPath, submitRequest } from '../chat/chat-flows.ts';
import type { ChatPerson } from '../chat/chat-person.ts';
import { optionsChanged, readPlanOptions } from '../chat/plan-option-inputs.ts';
import { label, mrkdwnEscape as esc } from './block-kit.ts';
import { decodeRequestMeta, type RequestModalMeta } from './modal-metadata.ts';
import { submittedOptions } from './plan-option-blocks.ts';
import { loadingModal, noticeModal, planModal } from './render-plan-modal.ts';
import { slackErrorCode } from './slack-api-error.ts';
import type { SlackContext } from './slack-context.ts';
import { ACTION, CALLBACK, INPUT } from './slack-ids.ts';

const PATH_ACTION = new RegExp(`^${ACTION.pathPrefix}`);

/** Where the status line goes: the diagnosis's thread, unless the diagnosis was ephemeral (then a DM). */
function placeOf(body: BlockAction): Pick<RequestModalMeta, 'channel' | 'threadTs'> {
  const container = body.container as { is_ephemeral?: boolean; channel_id?: string } | undefined;
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  if (container?.is_ephemeral || !body.channel?.id || !message?.ts) return { channel: null, threadTs: null };
  return { channel: body.channel.id, threadTs: message.thread_ts ?? message.ts };
}

/** Fills the open modal `viewId` with the plan for `meta` built with `options` (or what stopped it). */
async function showPreview(ctx: SlackContext, viewId: string, hash: string | undefined, person: ChatPerson | { message: string }, meta: RequestModalMeta, options: PlanOptions, notice?: string): Promise<void> {
  const result = 'message' in person
    ? { kind: 'message' as const, message: person.message }
    : await previewPath(ctx, person, meta.query, meta.path, options);
  const view = result.kind === 'ok' ? planModal(result.value, meta, meta.query, notice) : noticeModal(`:no_entry_sign: ${esc(result.message)}`, 'Plan preview');
  try {
    await ctx.client.views.update({ view_id: viewId, ...(hash ? { hash } : {}), view });
  } catch (err) {
    // The agent closed the modal while the plan was being built: nothing to show any more.
    ctx.logger.info({ slackError: slackErrorCode(err) ?? String(err) }, 'plan preview closed before it was ready');
  }
}

/** Registers the path buttons and the request modal's submission. */
export function registerPathListeners(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(PATH_ACTION, async ({ ack, action, body, respond }) => {
    await ack();
    const path = action.action_id.slice(ACTION.pathPrefix.length);
    const query = action.value ?? '';
    if (!isPathId(path) || query === '') {
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'That button is out of date: run the diagnosis again.' });
      return;
    }
    const meta: RequestModalMeta = { query, path, ...placeOf(body) };
    // trigger_id is valid for 3 s: open first, then fill the modal in once the plan is built.
    const opened = await ctx.client.views.open({ trigger_id: body.trigger_id, view: loadingModal(meta) }).catch(async (err: unknown) => {
      ctx.logger.warn({ slackError: slackErrorCode(err) ?? String(err) }, 'could not open the plan preview');
      await respond({ response_type: 'ephemeral', replace_original: false, text: `Slack did not open the plan preview (${esc(slackErrorCode(err) ?? 'error')}): click the button again.` });
      return null;
    });
    const viewId = opened?.view?.id;
    if (!viewId) return;
    const who = await ctx.people.lookup(body.user.id);
    await showPreview(ctx, viewId, opened.view?.hash, who.kind === 'unknown' ? who : who.person, meta, {});
  });

  app.view(CALLBACK.request, async ({ ack, body, view }) => {
    const meta = decodeRequestMeta(view.private_metadata);
    const values = view.state.values;
    const justification = values[INPUT.justification]?.[INPUT.justification]?.value?.trim() ?? '';
    const needsAck = view.blocks.some((b) => b.block_id === INPUT.acknowledge);
    const acknowledged = (values[INPUT.acknowledge]?.[INPUT.acknowledge]?.selected_options ?? []).some((o) => o.value === 'yes');
    const needsVariantAck = view.blocks.some((b) => b.block_id === INPUT.acknowledgeVariant);
    const variantAcknowledged = (values[INPUT.acknowledgeVariant]?.[INPUT.acknowledgeVariant]?.selected_options ?? []).some((o) => o.value === 'yes');
    if (!meta) {
      await ack({ response_action: 'update', view: noticeModal('This form is out of date: run the diagnosis again.', 'Plan preview') });
      return;
    }
    let options: PlanOptions;
    try {
      options = readPlanOptions(meta.path, submittedOptions(values));
    } catch (err) {
      if (!isLicenseDoctorError(err)) throw err;
      await ack({ response_action: 'update', view: noticeModal(`:no_entry_sign: ${esc(err.message)}`, 'Plan preview') });
      return;
    }
    if (optionsChanged(Object.entries(meta.options ?? {}).map(([name, value]) => ({ name, value })), options)) {
      await ack({ response_action: 'update', view: loadingModal(meta) });
      const who = await ctx.people.lookup(body.user.id);
      await showPreview(ctx, view.id, undefined, who.kind === 'unknown' ? who : who.person, meta, options, 'The plan was built again with the options you chose: check it, then submit.');
      return;
    }
    if (justification === '') {
      await ack({ response_action: 'errors', errors: { [INPUT.justification]: 'Say why this change is needed: the approvers see it.' } });
      return;
    }
    if (needsAck && !acknowledged) {
      await ack({ response_action: 'errors', errors: { [INPUT.acknowledge]: 'Confirm that the user loses the licenses marked removed.' } });
      return;
    }
    if (needsVariantAck && !variantAcknowledged) {
      await ack({ response_action: 'errors', errors: { [INPUT.acknowledgeVariant]: 'Confirm what this variant does (see above).' } });
      return;
    }
    await ack({ response_action: 'update', view: noticeModal(':hourglass_flowing_sand: Creating the request from the live state…', 'Plan preview') });
    const show = (text: string) => ctx.client.views.update({ view_id: view.id, view: noticeModal(text, 'Plan preview') });
    const who = await ctx.people.lookup(body.user.id);
    if (who.kind === 'unknown') {
      await show(`:no_entry_sign: ${esc(who.message)}`);
      return;
    }
    const result = await submitRequest(ctx, who.person, { query: meta.query, path: meta.path, justification, acknowledgeRemoval: acknowledged || variantAcknowledged, options });
    if (result.kind === 'message') {
      await show(`:no_entry_sign: ${esc(result.message)}`);
      return;
    }
    const request = result.value.request;
    try {
      await ctx.cards.announce(request, { channel: meta.channel, threadTs: meta.threadTs, userId: body.user.id });
    } catch (err) {
      ctx.logger.error({ err, requestId: request.id }, 'request created, but its approval card could not be posted');
      await show(`:warning: Request *${esc(request.id)}* was created, but its approval card could not be posted in <#${ctx.approvalsChannel}> (${esc(slackErrorCode(err) ?? 'Slack error')}). Approvers can still decide with \`license-doctor approve ${esc(request.id)} --as <upn>\`.`);
      return;
    }
    await show(`:white_check_mark: Request *${esc(request.id)}* was created. ${esc(label(result.value.view.statusLine, 500))}.\nThe approval card is in <#${ctx.approvalsChannel}>; you will hear in your thread as it moves.`);
  });
}
