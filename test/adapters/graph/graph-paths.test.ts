import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { groupPath, memberRefPath, odataString, pathSegment, userPath } from '../../../src/adapters/graph/graph-paths.ts';
import { nextLinkPath } from '../../../src/adapters/graph/graph-transport.ts';
import { splitGraphBaseUrl } from '../../../src/adapters/graph/create-graph-directory.ts';
import { LicenseDoctorError } from '../../../src/core/errors.ts';

const G = '42107b2f-613d-4c9e-ad05-000000000101';
const U = 'ae2c3151-d082-414f-a548-000000000001';

describe('userPath', () => {
  it.each([
    ['adele@contoso.com', '/users/adele%40contoso.com'],
    ["o'brien@contoso.com", '/users/o%27brien%40contoso.com'],
    ['a/b?c#d%e@contoso.com', '/users/a%2Fb%3Fc%23d%25e%40contoso.com'],
    ['(x)*!@contoso.com', '/users/%28x%29%2A%21%40contoso.com'],
    ['jürgen@contoso.com', '/users/j%C3%BCrgen%40contoso.com'],
    ["$o'dollar@contoso.com", "/users('%24o''dollar%40contoso.com')"],
    ['..', "/users('..')"],
    ['.', "/users('.')"],
    [U.toUpperCase(), `/users/${U.toUpperCase()}`],
  ])('%s -> %s', (input, path) => {
    expect(userPath(input)).toBe(path);
  });
});

describe('group and member paths', () => {
  it('builds the member reference path, always with /$ref', () => {
    expect(memberRefPath(G.toUpperCase(), U)).toBe(`/groups/${G}/members/${U}/$ref`);
    expect(groupPath(G)).toBe(`/groups/${G}`);
  });

  it.each([[''], ['..'], ['$ref'], [`${U}/..`], [`${U}?x`], ['not-a-guid']])('refuses %j as an object id', (id) => {
    expect(() => memberRefPath(G, id)).toThrow(LicenseDoctorError);
    expect(() => groupPath(id)).toThrow(LicenseDoctorError);
  });

  it('is the only place in the adapter that builds a member path (a DELETE without /$ref deletes the user)', () => {
    const dir = join(__dirname, '..', '..', '..', 'src', 'adapters', 'graph');
    const uses = readdirSync(dir).flatMap((file) =>
      readFileSync(join(dir, file), 'utf8').split('\n').filter((line) => /members\//.test(line) && !/^\s*(\/\/|\*)/.test(line)).map((line) => `${file}: ${line.trim()}`));
    expect(uses).toEqual([
      expect.stringMatching(/^graph-directory\.ts: .*`\$\{groupPath\(groupId\)\}\/members\/\$count`/),
      expect.stringMatching(/^graph-paths\.ts: `\$\{groupPath\(groupId\)\}\/members\/\$\{objectId\(memberId, 'A member id'\)\}\/\$ref`;$/),
    ]);
  });
});

describe('OData literals and segments', () => {
  it.each([["o'brien", "'o''brien'"], ["''", "''''''"], ['plain', "'plain'"]])('%s -> %s', (value, literal) => {
    expect(odataString(value)).toBe(literal);
  });

  it('round-trips any string through one segment', () => {
    for (const value of ['a/b', '%2F', '?&=#', "'\"", 'ü✓', ' +']) {
      const segment = pathSegment(value);
      expect(segment).not.toMatch(/[/?#'()]/);
      expect(decodeURIComponent(segment)).toBe(value);
    }
  });
});

describe('base URL and next links', () => {
  it.each([
    ['https://graph.microsoft.com/v1.0', 'https://graph.microsoft.com/', 'v1.0'],
    ['http://127.0.0.1:4000/v1.0/', 'http://127.0.0.1:4000/', 'v1.0'],
    ['https://proxy.contoso.com/graph/beta', 'https://proxy.contoso.com/graph/', 'beta'],
    ['https://graph.microsoft.com', 'https://graph.microsoft.com/', 'v1.0'],
  ])('splits %s', (input, baseUrl, version) => {
    expect(splitGraphBaseUrl(input)).toEqual({ baseUrl, version });
  });

  it.each([['not a url'], ['ftp://graph.microsoft.com/v1.0']])('refuses %s', (input) => {
    expect(() => splitGraphBaseUrl(input)).toThrow(LicenseDoctorError);
  });

  const base = new URL('http://127.0.0.1:4000/v1.0');
  it('makes a next link relative to the version root', () => {
    expect(nextLinkPath('http://127.0.0.1:4000/v1.0/users?$top=1&$skiptoken=abc', base, 'op')).toBe('/users?$top=1&$skiptoken=abc');
  });

  it.each([
    ['https://evil.example/v1.0/users?$skiptoken=abc'],
    ['http://127.0.0.1:4001/v1.0/users'],
    ['http://127.0.0.1:4000/beta/users'],
    ['/v1.0/users'],
  ])('refuses to follow %s', (link) => {
    expect(() => nextLinkPath(link, base, 'op')).toThrow(LicenseDoctorError);
  });
});
