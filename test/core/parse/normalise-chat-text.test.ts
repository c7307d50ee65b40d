import { normaliseChatText } from '../../../src/core/parse/normalise-chat-text.ts';

describe('normaliseChatText', () => {
  it.each([
    ['Slack mailto link', 'user <mailto:jane@contoso.com|Jane>, done', 'user jane@contoso.com, done'],
    ['Slack link with label', 'see <https://okta.example/kb|the KB>', 'see the KB'],
    ['Slack bare link', 'see <https://okta.example/kb>', 'see https://okta.example/kb'],
    ['Slack mention and broadcast', '<@U024BE7LH> <!here> jane', '  jane'],
    ['Slack escaping', 'user &lt;username&gt; &amp; more', 'user <username> & more'],
    ['Slack bold and code', '*Error:* `Request_BadRequest`', 'Error: Request_BadRequest'],
    ['code fence with a language', '```powershell\nSet-MgUserLicense\n```', '\n\nSet-MgUserLicense\n\n'],
    ['Teams paragraphs and breaks', '<p>one</p><p>two<br/>three</p>', '\none\n\ntwo\nthree\n'],
    ['Teams mailto anchor', '<a href="mailto:jane@contoso.com" title="x">jane@contoso.com</a>', 'jane@contoso.com'],
    ['Teams mention', '<at>License Doctor</at> jane', ' jane'],
    ['HTML entities, also double-escaped', '&quot;a&quot; &#39;b&#39; &#x27;c&#x27; &amp;quot;d&amp;quot;', `"a" 'b' 'c' "d"`],
    ['the KB placeholder survives', 'Office 365 user <username>, received', 'Office 365 user <username>, received'],
    ['smart quotes', '“message” ‘time’', `"message" 'time'`],
    ['non-breaking and zero-width spaces', 'a\u00A0b\u200Bc&nbsp;d', 'a bc d'],
    ['CRLF and Unicode line separators', 'a\r\nb\rc\u2028d', 'a\nb\nc\nd'],
    ['terminal colour codes', '\u001b[31;1mSet-MgUserLicense\u001b[0m', 'Set-MgUserLicense'],
    ['entity-encoded control characters stay encoded', 'a&#0;b&#1;c', 'a&#0;b&#1;c'],
  ])('%s', (_name, input, expected) => {
    expect(normaliseChatText(input)).toBe(expected);
  });
});
