import { isBinaryText } from '../../../src/core/parse/is-binary-text.ts';

describe('isBinaryText', () => {
  it.each([
    ['plain text', 'Could not push profile', false],
    ['tabs and line breaks', 'a\tb\r\nc\n', false],
    ['terminal colour codes', '\u001b[31mError\u001b[0m', false],
    ['one stray control character in a long paste', `${'x'.repeat(200)}\u0007${'y'.repeat(200)}`, false],
    ['one replacement character in a long paste', `${'x'.repeat(200)}\uFFFD${'y'.repeat(200)}`, false],
    ['emoji (a valid surrogate pair)', 'license 👍 ok', false],
    ['a NUL anywhere', `${'x'.repeat(1000)}\u0000`, true],
    ['control characters in proportion', 'ab\u0001\u0002cd', true],
    ['replacement characters in proportion', '\uFFFD\uFFFD\uFFFDabc', true],
    ['many control characters in a long text', `${'x'.repeat(5000)}${'\u0003'.repeat(20)}`, true],
    ['lone surrogates', 'a\uD800b\uDC00c', true],
    ['C1 control characters (binary read as Latin-1)', 'PK\u0083\u0084\u0090\u0091', true],
  ])('%s -> %s', (_name, text, expected) => {
    expect(isBinaryText(text)).toBe(expected);
  });
});
