// The body of a plan, shared by the preview and the request cards: what it affects, license changes before → after
// (removed ones in red), the steps with their progress, warnings and alternatives.
import type { StepStatus } from '../../core/model/request.ts';
import type { LicenseChangeView, PlanView, StepView } from '../../core/views/view-model.ts';
import { someRows } from './card-budget.ts';
import { caption, clip, facts, row, section, text, type CardElement } from './card-elements.ts';

const STEP_MARK: Record<StepStatus, string> = {
  pending: '○', running: '◔', succeeded: '✔', skipped: '–', failed: '✖', manual: '✋',
};

const licenseChange = (l: LicenseChangeView): CardElement[] => [
  row([
    text(l.product),
    text(`${l.before} → ${l.after}${l.removed ? ' (removed)' : ''}`, l.removed ? { color: 'Attention', weight: 'Bolder' } : { isSubtle: true }),
  ]),
];

function step(s: StepView, withEffect: boolean): CardElement[] {
  const color = s.status === 'failed' ? 'Attention' : s.status === 'succeeded' ? 'Good' : s.status === 'manual' ? 'Warning' : 'Default';
  return [
    text(`${STEP_MARK[s.status]} ${s.n}. ${s.title}${s.automatic ? '' : ' (manual)'}`, { color, spacing: 'Small' }),
    ...(s.detail ? [caption(clip(s.detail, 400))] : withEffect ? [caption(clip(s.effect, 280))] : []),
  ];
}

/** The plan's sections; `maxRows` limits each list (see fitCard). */
export function planSections(view: PlanView, maxRows: number, options: { withEffects: boolean }): CardElement[] {
  const body: CardElement[] = [facts([['Affects', view.blastRadius], ['Needs', view.approvals]])];
  if (view.licenses.length > 0) body.push(section('Licenses (before → after)', someRows(view.licenses, maxRows, licenseChange, 'licenses')));
  body.push(section('Steps', someRows(view.steps, maxRows, (s) => step(s, options.withEffects), 'steps')));
  if (view.warnings.length > 0) {
    body.push(section('Warnings', someRows(view.warnings, maxRows, (w) => [text(`⚠ ${clip(w, 600)}`, { color: 'Warning', spacing: 'Small' })], 'warnings')));
  }
  if (view.alternatives.length > 0) {
    body.push(section('Alternatives', someRows(view.alternatives, maxRows, (a) => [caption(clip(a, 500))], 'alternatives')));
  }
  return body;
}
