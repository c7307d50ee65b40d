import { pushFailureMessage } from '../../../src/adapters/okta/push-failure-message.ts';
import { logEventSchema } from '../../../src/adapters/okta/schemas.ts';

const event = (extra: Record<string, unknown>) =>
  logEventSchema.parse({ uuid: 'u', published: '2026-01-01T00:00:00.000Z', eventType: 'app.office365.api.error.push.profile', ...extra });

describe('pushFailureMessage', () => {
  it.each([
    ['outcome.reason when it says the most', { outcome: { result: 'FAILURE', reason: 'reason text' }, debugContext: { debugData: { errorMessage: 'debug' } }, displayMessage: 'display' }, 'reason text'],
    ['the longer debug text when outcome.reason is the short (255-capped) form', { outcome: { result: 'FAILURE', reason: 'Request_BadRequest: short' }, debugContext: { debugData: { errorMessage: 'Could not push profile ... the whole text' } } }, 'Could not push profile ... the whole text'],
    ['then debugData.errorMessage', { outcome: { result: 'FAILURE', reason: null }, debugContext: { debugData: { errorMessage: 'debug text' } }, displayMessage: 'display' }, 'debug text'],
    ['then other debugData keys', { debugContext: { debugData: { errorSummary: 'summary text' } }, displayMessage: 'display' }, 'summary text'],
    ['skipping blank values', { outcome: { reason: '  ' }, debugContext: { debugData: { errorMessage: '', message: 'm' } } }, 'm'],
    ['then displayMessage', { displayMessage: 'Could not push profile for Office 365 user, received error.' }, 'Could not push profile for Office 365 user, received error.'],
    ['then the event type', {}, 'app.office365.api.error.push.profile'],
    ['Microsoft\'s text only under debugData app_error_code / error_message', { outcome: { result: 'FAILURE', reason: null }, debugContext: { debugData: { appname: 'office365', app_error_code: 'Request_BadRequest', error_message: 'User license is inherited from a group membership and it cannot be removed directly from the user.' } } }, 'User license is inherited from a group membership and it cannot be removed directly from the user.'],
    ['the inherited-license text wins over a longer unrelated one', { outcome: { reason: 'x'.repeat(200) }, debugContext: { debugData: { note: 'license is inherited from a group membership' } } }, 'license is inherited from a group membership'],
    ['non-error keys only when they carry Microsoft\'s text', { debugContext: { debugData: { userName: 'adele.vance@contoso.com-with-a-long-name' } }, displayMessage: 'display' }, 'display'],
  ])('%s', (_what, extra, message) => {
    expect(pushFailureMessage(event(extra))).toBe(message);
  });
});
