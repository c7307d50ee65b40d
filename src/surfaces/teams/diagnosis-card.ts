// The diagnosis as an Adaptive Card: verdict, license rows, Okta status, explanation, a button per resolution path
// (verb `path`) and Re-check (verb `recheck`).
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { DiagnosisView, LicenseRowView } from '../../core/views/view-model.ts';
import { fitCard, someRows } from './card-budget.ts';
import { adaptiveCard, banner, caption, clip, execute, heading, plainText, row, section, text, toneColor, type CardAction, type CardElement } from './card-elements.ts';

/** A query longer than this is not carried in a button (it is pasted text; Re-check would give the same answer). */
const MAX_QUERY_IN_DATA = 1000;

const licenseRow = (l: LicenseRowView): CardElement[] => [
  row([text(l.product), text(l.via, { isSubtle: true }), text(l.state, { color: toneColor(l.tone), weight: 'Bolder' })]),
];

/** The card for a diagnosis view. */
export function diagnosisCard(view: DiagnosisView): IAdaptiveCard {
  const carryQuery = view.recheckQuery.length <= MAX_QUERY_IN_DATA;
  const actions: CardAction[] = [
    ...view.paths.filter((p) => p.available && carryQuery).map((p) => execute(p.label, 'path', { path: p.path, query: view.recheckQuery })),
    ...(carryQuery ? [execute('Re-check', 'recheck', { query: view.recheckQuery })] : []),
  ];
  return fitCard((maxRows) => {
    const body: CardElement[] = [banner([heading(view.headline, view.tone), ...(view.subject ? [plainText(view.subject, { size: 'Small', isSubtle: true })] : [])], view.tone)];
    if (view.licenses.length > 0) body.push(section('Licenses', someRows(view.licenses, maxRows, licenseRow, 'license rows')));
    if (view.okta) body.push(section('Okta', [text(clip(view.okta.replace(/^Okta:\s*/, ''), 600))]));
    body.push(section('Why', [text(clip(view.explanation, 3000))]));
    if (view.paths.length > 0) {
      body.push(section('Resolution paths', view.paths.flatMap((p) => [
        text(`**${p.label}** · ${p.approvals}${p.available ? '' : ' · not available'}`, { spacing: 'Small' }),
        ...(p.note ? [caption(clip(p.note, 500))] : []),
      ])));
    }
    return adaptiveCard(body, { actions, fallbackText: `${view.headline}. ${clip(view.explanation, 500)}` });
  });
}
