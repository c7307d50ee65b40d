// The scan's progress on a terminal: one line rewritten in place (the totals are unknown until the end, so it counts).
import type { ScanProgress } from '../../../core/model/scan.ts';

const side = (name: string, pages: number, users: number, done: boolean) => `${name} ${users} users / ${pages} pages${done ? ' ✓' : ''}`;

/** The progress line (without line break). */
export function scanProgressLine(p: ScanProgress, elapsedMs: number): string {
  const width = 20;
  // Sides finish at their own pace: the bar shows how many of the two are done, the spinner that work goes on.
  const filled = Math.round(((Number(p.oktaDone) + Number(p.entraDone)) / 2) * width);
  const spinner = '|/-\\'.charAt(Math.floor(elapsedMs / 250) % 4);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${spinner} ${side('Okta', p.oktaPages, p.oktaUsers, p.oktaDone)} · ${side('Entra', p.entraPages, p.entraUsers, p.entraDone)} · ${p.diagnosed} diagnosed · ${(elapsedMs / 1000).toFixed(0)} s`;
}
