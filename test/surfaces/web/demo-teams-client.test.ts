// How the demo reads the bot's answer to a click, as Teams does: a card replaces the card, a message is a toast,
// anything else is an error for the person.
import { invokeAnswer } from '../../../src/surfaces/web/demo-teams-client.ts';

const card = { type: 'AdaptiveCard', version: '1.5', body: [] };

test.each([
  ['a card', 200, { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card }, { kind: 'card', card }],
  ['a message', 200, { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'No.' }, { kind: 'message', text: 'No.' }],
  ['an error body', 200, { statusCode: 500, type: 'application/vnd.microsoft.error', value: { code: 'x', message: 'Broken.' } }, { kind: 'error', message: 'Broken.' }],
  ['a card type without a card', 200, { type: 'application/vnd.microsoft.card.adaptive', value: 'text' }, { kind: 'error', message: expect.stringMatching(/did not answer/) }],
  ['an unknown type', 200, { type: 'application/json', value: {} }, { kind: 'error', message: expect.stringMatching(/did not answer/) }],
  ['no body', 200, null, { kind: 'error', message: 'License Doctor answered HTTP 200; try again.' }],
  ['an HTTP failure', 500, { error: 'internal error' }, { kind: 'error', message: 'License Doctor answered HTTP 500; try again.' }],
])('%s', (_name, status, body, expected) => {
  expect(invokeAnswer(status, body)).toEqual(expected);
});
