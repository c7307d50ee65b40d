import { canonicalJson } from '../../../src/adapters/store/canonical-json.ts';

describe('canonicalJson', () => {
  test.each<[string, unknown, string]>([
    ['scalars as JSON writes them', [null, true, false, 0, -1.5, 1e21, 'a"b\\c\n'], '[null,true,false,0,-1.5,1e+21,"a\\"b\\\\c\\n"]'],
    ['keys sorted at every depth', { b: 1, a: { d: [{ z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}'],
    ['integer-like keys sorted as strings, not numbers', { '9': 'x', '10': 'y', b: 'z', A: 'w' }, '{"10":"y","9":"x","A":"w","b":"z"}'],
    ['keys sorted by UTF-16 code units', { 'é': 1, z: 2, '\u{1F600}': 3, 'ﬀ': 4 }, '{"z":2,"é":1,"\u{1F600}":3,"ﬀ":4}'],
    ['undefined members omitted, undefined items null', { a: undefined, b: [undefined, 1] }, '{"b":[null,1]}'],
    ['non-finite numbers null', [Number.NaN, Number.POSITIVE_INFINITY], '[null,null]'],
    ['empty containers', { a: {}, b: [] }, '{"a":{},"b":[]}'],
  ])('%s', (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  test('is JSON that parses back to the same value', () => {
    const value = { seq: 3, data: { list: [1, 'two', { three: 3 }], nested: { deep: true } }, actor: 'a@contoso.com' };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  test('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson(10n)).toThrow(/bigint/);
  });
});
