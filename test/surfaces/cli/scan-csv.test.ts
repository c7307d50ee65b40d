import { csvField, SCAN_CSV_HEADER, scanCsvRow } from '../../../src/surfaces/cli/scan/scan-csv.ts';

describe('scan --csv', () => {
  it.each([
    ['plain', 'plain'],
    ['with, comma', '"with, comma"'],
    ['with "quotes"', '"with ""quotes"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['@cmd', "'@cmd"],
  ])('%j is written as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes one row per user with the JSON fields, lists joined', () => {
    const row = scanCsvRow({
      userPrincipalName: 'jane@contoso.com', verdict: 'group-inherited-license-conflict', conflictSkus: ['SPE_E3', 'EMS'],
      groups: [{ id: 'g1', displayName: 'Lic, E3', kind: 'assigned', skus: ['SPE_E3'] }, { id: 'g2', displayName: 'EMS', kind: 'dynamic', skus: ['EMS'] }],
      syncState: 'ERROR', lastPushFailure: { at: '2026-12-03T10:00:00.000Z', message: 'User license is inherited', eventType: 'app.office365.api.error.push.profile' },
    });
    expect(SCAN_CSV_HEADER.split(',')).toHaveLength(7);
    expect(row).toBe('jane@contoso.com,group-inherited-license-conflict,SPE_E3; EMS,"Lic, E3; EMS",ERROR,2026-12-03T10:00:00.000Z,User license is inherited');
  });
});
