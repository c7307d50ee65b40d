import { diagnosisMessage, problemMessage, workingMessage } from '../../../src/surfaces/slack/render-diagnosis.ts';
import { findButton } from '../../fakes/slack-test-client.ts';
import { blockKitViolations } from './block-kit-limits.ts';
import { diagnosisFixture, licenseRows, UPN } from './slack-view-fixtures.ts';

const sections = (blocks: readonly unknown[]) =>
  (blocks as Array<{ type: string; text?: { text: string } }>).filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');

describe('diagnosisMessage', () => {
  it('renders the verdict, license rows, Okta, explanation, a button per path and Re-check', () => {
    const m = diagnosisMessage(diagnosisFixture());
    expect(blockKitViolations('message', { text: m.text, blocks: [...m.blocks] })).toEqual([]);
    const text = sections(m.blocks).join('\n');
    expect(text).toContain(':x: *Adele Vance: Okta and an Entra ID group');
    expect(text).toContain('• *Product 0 &lt;PPPPPPPPPPPPPPPPPPPP&gt; &amp; co* — direct — :x: ActiveWithError (CountViolation)');
    expect(text).toContain(':no_entry_sign: *Okta Workflows for profiles* — app scope · 2 approvals — not available: No Okta Workflows flow is configured.');
    for (const id of ['path:okta-owns-licenses', 'path:entra-owns-licenses', 'path:okta-workflows-profile-only', 'recheck']) {
      expect(findButton(m.blocks, id)?.value).toBe(UPN);
    }
  });

  it.each([
    ['40 license rows', 40, 20, 25],
    ['400 very long rows', 400, 900, null],
  ])('summarises %s by whole rows, naming the CLI command', (_name, count, width, shownRows) => {
    const rows = licenseRows(count, width);
    const m = diagnosisMessage(diagnosisFixture({ licenses: rows, explanation: 'A long sentence of explanation here. '.repeat(400) }));
    expect(blockKitViolations('message', { text: m.text, blocks: [...m.blocks] })).toEqual([]);
    const lines = sections(m.blocks).join('\n').split('\n');
    const shown = lines.filter((l) => l.startsWith('• *Product'));
    if (shownRows !== null) expect(shown).toHaveLength(shownRows);
    // Every shown row is complete, and the rest is one summary line.
    shown.forEach((line, i) => expect(line).toBe(`• *Product ${i} &lt;${'P'.repeat(width)}&gt; &amp; co* — ${i % 2 === 0 ? 'direct' : `group: Licensing group ${i} (dynamic)`} — ${i % 5 === 0 ? ':x: ActiveWithError (CountViolation)' : ':white_check_mark: Active'}`));
    expect(lines).toContain(`… and ${count - shown.length} more rows (see \`license-doctor diagnose ${UPN}\`)`);
    expect(lines.join('\n')).toContain(`… (the full explanation: \`license-doctor diagnose ${UPN}\`)`);
  });

  it('gives no buttons when the query does not fit a button value (a long paste naming nobody)', () => {
    const m = diagnosisMessage(diagnosisFixture({ recheckQuery: 'x'.repeat(5000), subject: null, paths: [] }));
    expect(blockKitViolations('message', { text: m.text, blocks: [...m.blocks] })).toEqual([]);
    expect(findButton(m.blocks, 'recheck')).toBeNull();
  });

  it('keeps the working and problem messages within limits', () => {
    for (const m of [workingMessage(`${'line\n'.repeat(2000)}`), problemMessage('<&>'.repeat(3000))]) {
      expect(blockKitViolations('message', { text: m.text, blocks: [...m.blocks] })).toEqual([]);
    }
  });
});
