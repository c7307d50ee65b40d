// Human output of `plan`, and of the request commands.
import { describeStatus } from '../../core/approval/describe-status.ts';
import type { Plan } from '../../core/model/plan.ts';
import type { LicenseRequest } from '../../core/model/request.ts';
import { planView } from '../../core/views/plan-view.ts';
import { requestView } from '../../core/views/request-view.ts';
import type { PlanView } from '../../core/views/view-model.ts';
import type { Style } from './style.ts';
import { wrapText } from './wrap-text.ts';

const STEP_MARK: Record<string, string> = { pending: '·', running: '▶', succeeded: '✔', skipped: '↷', failed: '✖', manual: '✋' };

function planLines(v: PlanView, style: Style): string[] {
  const out = [style.bold(v.title), ...wrapText(v.summary, 78).map((l) => `  ${l}`), ''];
  out.push(`  Scope ${v.scope} · ${v.blastRadius} · needs ${v.approvals}`);
  out.push('', style.bold('Licenses (before → after)'));
  for (const l of v.licenses) {
    const text = `  ${l.product}: ${l.before} → ${l.after}`;
    out.push(l.removed ? style.red(`${text}   REMOVED`) : text);
  }
  if (v.removalNeedsAcknowledgement) out.push(style.red('  The user loses the licenses marked REMOVED; requesting this plan needs --acknowledge-removal.'));
  out.push('', style.bold('Steps'));
  for (const s of v.steps) {
    out.push(`  ${STEP_MARK[s.status] ?? '·'} ${s.n}. ${s.title}${s.automatic ? '' : style.yellow('  (by hand)')}`);
    out.push(...wrapText(s.effect, 72).map((l) => `       ${style.dim(l)}`));
    if (s.detail && s.status !== 'pending') out.push(...wrapText(s.detail, 72).map((l) => `       ${l}`));
  }
  if (v.warnings.length > 0) out.push('', style.bold('Warnings'), ...v.warnings.flatMap((w) => wrapText(w, 76).map((l, i) => `  ${i === 0 ? '!' : ' '} ${l}`)));
  if (v.alternatives.length > 0) out.push('', style.bold('Alternatives'), ...v.alternatives.flatMap((w) => wrapText(w, 76).map((l, i) => `  ${i === 0 ? '-' : ' '} ${l}`)));
  return out;
}

/** A plan preview. */
export function formatPlan(plan: Plan, style: Style): string {
  return planLines(planView(plan), style).join('\n');
}

/** A request with its status, approvals, plan progress and outcome. */
export function formatRequest(request: LicenseRequest, style: Style): string {
  const v = requestView(request);
  const out = [
    `${style.bold(request.id)}  ${request.status}  ${v.title}`,
    `  ${describeStatus(request)}`,
    `  Requested by ${v.requestedBy}: "${request.reason}"`,
    `  Approvals ${v.approvals} · expires ${request.expiresAt}`,
    '',
    ...planLines(v.plan, style),
  ];
  if (v.outcome) out.push('', style.bold('Outcome'), ...wrapText(v.outcome, 78).map((l) => `  ${l}`));
  return out.join('\n');
}
