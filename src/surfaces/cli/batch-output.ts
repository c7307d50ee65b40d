// Human and JSON output of the batch commands (CONTRACT-style: `--json` prints one document on stdout).
import type { BatchState } from '../../app/batch/batch-service.ts';
import { approvalsOf } from '../../core/model/request.ts';
import { batchView } from '../../core/views/batch-view.ts';
import type { Style } from './style.ts';
import { wrapText } from './wrap-text.ts';

/** `batch … --json`: the batch, its users with their plans and requests, and the live counts. */
export function batchJson(s: BatchState) {
  const b = s.batch;
  return {
    id: b.id, status: b.status, kind: b.kind, path: b.path, group: b.group, sku: b.sku, source: b.source,
    approvalsRequired: b.approvalsRequired, approvals: approvalsOf(b).map((d) => ({ by: d.by.userPrincipalName, at: d.at })),
    requestedBy: b.requestedBy.userPrincipalName, reason: b.reason, blastRadius: b.blastRadius, createdAt: b.createdAt, expiresAt: b.expiresAt,
    decisions: b.decisions.map((d) => ({ kind: d.kind, by: d.by.userPrincipalName, at: d.at, reason: d.reason })),
    counts: s.counts, outcome: b.outcome, skipped: b.skipped,
    users: s.members.map((m) => ({ userPrincipalName: m.userPrincipalName, displayName: m.displayName, state: m.state, requestId: m.requestId, detail: m.detail, plan: m.plan })),
  };
}

const MARK: Record<string, string> = { pending: '·', running: '▶', done: '✔', manual: '✋', failed: '✖', 'not-applicable': '↷', split: '→' };

/** A batch for a terminal. */
export function formatBatch(s: BatchState, style: Style): string {
  const v = batchView(s.batch, s.members, s.counts);
  const out = [
    `${style.bold(v.id)}  ${v.status}  ${v.title}`,
    ...wrapText(v.statusLine, 76).map((l) => `  ${l}`),
    `  Requested by ${v.requestedBy}: "${v.reason}"`,
    `  Approvals ${v.approvals} · ${v.blastRadius}`,
    `  ${style.bold(v.countsLine)}`,
    '',
    style.bold('Users'),
  ];
  const colour = (state: string, text: string) => (state === 'failed' ? style.red(text) : state === 'done' ? style.green(text) : state === 'manual' ? style.yellow(text) : text);
  for (const m of v.members) {
    out.push(colour(m.state, `  ${MARK[m.state] ?? '·'} ${m.user}${m.requestId ? `  ${style.dim(m.requestId)}` : ''}`));
    out.push(...wrapText(m.line, 72).map((l) => `      ${style.dim(l)}`));
  }
  if (s.batch.skipped.length > 0) {
    out.push('', style.bold(`Not in the batch (${s.batch.skipped.length})`));
    for (const k of s.batch.skipped) out.push(...wrapText(`${k.userPrincipalName}: ${k.reason}`, 76).map((l, i) => `  ${i === 0 ? '-' : ' '} ${l}`));
  }
  return out.join('\n');
}
