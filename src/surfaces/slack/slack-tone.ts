// The emoji that carry a view's tone and a step's status in Block Kit (Slack has no coloured text in blocks).
import type { StepStatus } from '../../core/model/request.ts';
import type { Tone } from '../../core/views/view-model.ts';

/** The emoji for a view's tone. */
export const TONE_EMOJI: Readonly<Record<Tone, string>> = {
  good: ':white_check_mark:',
  warning: ':warning:',
  attention: ':x:',
  neutral: ':information_source:',
};

/** The emoji for a step's status. */
export const STEP_EMOJI: Readonly<Record<StepStatus, string>> = {
  pending: ':white_circle:',
  running: ':hourglass_flowing_sand:',
  succeeded: ':white_check_mark:',
  skipped: ':fast_forward:',
  failed: ':x:',
  manual: ':raised_hand:',
};
