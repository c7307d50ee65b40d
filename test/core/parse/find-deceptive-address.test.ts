// Text is data: addresses that are not what they look like are refused, naming the exact characters.
import { findDeceptiveAddress } from '../../../src/core/parse/find-deceptive-address.ts';
import { parseQuery } from '../../../src/core/parse/parse-query.ts';

test.each([
  ['priy\u0430.natarajan@contoso.com', /mixes scripts \(Latin and Cyrillic\): "\u0430" \(U\+0430, Cyrillic\)/],
  ['check priy\u0430.natarajan@contoso.com please', /U\+0430, Cyrillic/],
  ['adele.vance@c\u043Ententoso.com', /"\u043E" \(U\+043E, Cyrillic\)/],
  ['\u03B1dele.vance@contoso.com', /Greek and Latin.*U\+03B1/],
  ['priya.nata\u200Brajan@contoso.com', /an invisible character \(U\+200B\)/],
  ['priya.natarajan@contoso\u2060.com', /U\+2060/],
  ['\u202Epriya.natarajan@contoso.com', /U\+202E/],
  ['priya.natarajan\uFEFF@contoso.com', /U\+FEFF/],
  ['<mailto:lars.lindqvist@contoso.com|priya.natarajan@contoso.com>', /shows priya\.natarajan@contoso\.com but points to lars\.lindqvist@contoso\.com/],
])('%j is refused with the offending characters', (text, message) => {
  expect(findDeceptiveAddress(text)?.message).toMatch(message);
  const parsed = parseQuery(text);
  expect(parsed.kind).toBe('deceptive');
});

test.each([
  'priya.natarajan@contoso.com',
  '<mailto:priya.natarajan@contoso.com|priya.natarajan@contoso.com>',
  '<mailto:Priya.Natarajan@contoso.com|priya.natarajan@contoso.com>',
  'can you check <@U0BOT> jane@contoso.com?',
  // Zero-width characters away from any address are chat-client noise, normalised as before.
  'jane@contoso.com \u200B',
  'Could not push profile for Office 365 user jane@contoso.com, received error: User license is inherited from a group membership',
])('%j is an ordinary address', (text) => {
  expect(findDeceptiveAddress(text)).toBeNull();
  expect(parseQuery(text).kind).not.toBe('deceptive');
});
