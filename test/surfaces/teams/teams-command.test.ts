// What a Teams message asks for: help, or a diagnosis of the text (markup left for the parser).
import { helpText, teamsCommand } from '../../../src/surfaces/teams/teams-command.ts';

test.each([
  ['', { kind: 'help' }],
  [undefined, { kind: 'help' }],
  ['help', { kind: 'help' }],
  ['  HELP ', { kind: 'help' }],
  ['<at>License Doctor</at> help', { kind: 'help' }],
  ['<p>help</p>', { kind: 'help' }],
  ['<at>License Doctor</at>', { kind: 'help' }],
  ['diagnose', { kind: 'help' }],
  ['adele.vance@contoso.com', { kind: 'diagnose', query: 'adele.vance@contoso.com' }],
  ['diagnose adele.vance@contoso.com', { kind: 'diagnose', query: 'adele.vance@contoso.com' }],
  ['/diagnose   adele.vance@contoso.com', { kind: 'diagnose', query: 'adele.vance@contoso.com' }],
  ['<at>License Doctor</at> diagnose adele.vance@contoso.com', { kind: 'diagnose', query: 'adele.vance@contoso.com' }],
  ['Could not push profile for Office 365 user jane@contoso.com', { kind: 'diagnose', query: 'Could not push profile for Office 365 user jane@contoso.com' }],
  ['diagnoses are fun', { kind: 'diagnose', query: 'diagnoses are fun' }],
])('%j → %j', (text, expected) => {
  expect(teamsCommand(text)).toEqual(expected);
});

test('help names the sandbox user to try only in sandbox mode', () => {
  expect(helpText(true)).toMatch(/adele\.vance@contoso\.com/);
  expect(helpText(false)).not.toMatch(/sandbox/);
});
