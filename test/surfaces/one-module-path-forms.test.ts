// A path is one module, on every surface: the fixture path's declared option (a choice), registered here with no
// source file changed, is an input of the Slack plan modal and of the Teams preview card (and so of the demo page,
// which renders the Teams cards), is read back from what each sends, and is a flag of the CLI's `plan` and `request`.
import { createRuntime } from '../../src/main.ts';
import { registerPath } from '../../src/core/paths/path-registry.ts';
import { buildPlan } from '../../src/core/plans/build-plan.ts';
import { planView } from '../../src/core/views/plan-view.ts';
import type { PlanView } from '../../src/core/views/view-model.ts';
import { readPlanOptions } from '../../src/surfaces/chat/plan-option-inputs.ts';
import { runCli } from '../../src/surfaces/cli/run-cli.ts';
import { submittedOptions } from '../../src/surfaces/slack/plan-option-blocks.ts';
import { planModal } from '../../src/surfaces/slack/render-plan-modal.ts';
import { decodeRequestMeta } from '../../src/surfaces/slack/modal-metadata.ts';
import { planPreviewCard } from '../../src/surfaces/teams/plan-card.ts';
import { parseTeamsAction } from '../../src/surfaces/teams/teams-action.ts';
import { button, cardInputs, type CardNode } from '../fakes/adaptive-card-query.ts';
import { adaptiveCardProblems } from '../fakes/validate-adaptive-card.ts';
import { CONTEXT, diagnosisOf } from '../core/plans/plan-fixtures.ts';
import { oktaPushAgain, REPUSH_PATH } from '../fixtures/paths/okta-repush-path.ts';
import { cliDataDir, cliEnv } from '../support/run-cli-process.ts';
import { blockKitViolations } from './slack/block-kit-limits.ts';

jest.setTimeout(60_000);
registerPath(oktaPushAgain);

function view(): PlanView {
  const result = buildPlan(diagnosisOf(), REPUSH_PATH, { pushWhen: 'out-of-hours' }, CONTEXT);
  if (result.kind !== 'plan') throw new Error(result.reason);
  return planView(result.plan);
}

test('Slack: the modal has a select for the option, set to the previewed value, and reads the submission back', () => {
  const modal = planModal(view(), { query: 'adele.vance@contoso.com', path: REPUSH_PATH, channel: null, threadTs: null }, 'adele.vance@contoso.com');
  expect(blockKitViolations('modal', modal as unknown as Record<string, unknown>)).toEqual([]);
  const block = modal.blocks.find((b) => b.block_id === 'option:pushWhen');
  expect(block).toMatchObject({
    type: 'input', label: { text: 'When Okta pushes' },
    element: { type: 'static_select', action_id: 'option:pushWhen', initial_option: { value: 'out-of-hours' }, options: [{ value: 'now' }, { value: 'out-of-hours' }] },
  });
  expect(decodeRequestMeta(modal.private_metadata ?? '')?.options).toEqual({ pushWhen: 'out-of-hours' });
  const state = {
    justification: { justification: { type: 'plain_text_input', value: 'INC1' } },
    'option:pushWhen': { 'option:pushWhen': { type: 'static_select', selected_option: { value: 'now' } } },
  };
  expect(readPlanOptions(REPUSH_PATH, submittedOptions(state))).toEqual({ pushWhen: 'now' });
  const unknown = { ...state, 'option:colour': { 'option:colour': { type: 'static_select', selected_option: { value: 'red' } } } };
  expect(() => readPlanOptions(REPUSH_PATH, submittedOptions(unknown))).toThrow('Unknown plan option "colour": okta-push-again takes pushWhen.');
});

test('Teams (and the demo page): the preview card has a choice set for the option, and the actions carry it back', () => {
  const card = planPreviewCard(view(), 'adele.vance@contoso.com') as unknown as CardNode;
  expect(adaptiveCardProblems(card)).toEqual([]);
  expect(cardInputs(card).find((i) => i.id === 'option:pushWhen')).toMatchObject({
    type: 'Input.ChoiceSet', label: 'When Okta pushes', value: 'out-of-hours', choices: [{ title: 'Now', value: 'now' }, { title: 'Out of hours', value: 'out-of-hours' }],
  });
  expect(button(card, 'path').data).toEqual({ path: REPUSH_PATH, query: 'adele.vance@contoso.com' });
  const sent = { path: REPUSH_PATH, query: 'adele.vance@contoso.com', justification: 'INC1', 'option:pushWhen': 'now' };
  const action = parseTeamsAction('request', sent);
  expect(action).toMatchObject({ verb: 'request', path: REPUSH_PATH, options: { pushWhen: 'now' } });
  expect(readPlanOptions(REPUSH_PATH, action?.verb === 'request' ? action.options ?? {} : {})).toEqual({ pushWhen: 'now' });
  expect(() => readPlanOptions(REPUSH_PATH, { pushWhen: 'tomorrow' })).toThrow('The option "When Okta pushes" of okta-push-again must be now, out-of-hours (got "tomorrow").');
});

describe('CLI', () => {
  const io = (env: Record<string, string>) => {
    const out = { stdout: '', stderr: '' };
    return {
      out,
      io: { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s) }, env, createRuntime },
    };
  };

  test('--help lists the path and its flag', async () => {
    const { io: cli, out } = io(cliEnv(cliDataDir()));
    expect(await runCli(['--help'], cli)).toBe(0);
    expect(out.stdout).toContain(`${REPUSH_PATH} (a test fixture)`);
    expect(out.stdout).toContain(`Plan options (${REPUSH_PATH}): --push-when <now|out-of-hours> (now or out-of-hours).`);
  });

  test('plan --push-when builds the plan with it, against the sandbox tenant', async () => {
    const { io: cli, out } = io(cliEnv(cliDataDir()));
    expect(await runCli(['plan', 'adele.vance@contoso.com', '--path', REPUSH_PATH, '--push-when', 'out-of-hours', '--json'], cli)).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ path: REPUSH_PATH, summary: 'Ask Okta to push Adele Vance again (out-of-hours).' });
  });

  test.each([
    [['--push-when', 'tomorrow'], '--push-when must be one of now, out-of-hours (got "tomorrow")'],
    [['--colour', 'red'], "Unknown option '--colour'"],
  ])('request %j: a usage error before anything runs', async (flags, message) => {
    const { io: cli, out } = io(cliEnv(cliDataDir()));
    expect(await runCli(['request', 'adele.vance@contoso.com', '--path', REPUSH_PATH, '--as', 'a@contoso.com', '--reason', 'x', ...flags], cli)).toBe(2);
    expect(out.stderr).toContain(message);
  });
});
