import { parseDatabaseUrl } from '../../../src/adapters/store/parse-database-url.ts';

describe('parseDatabaseUrl', () => {
  test.each([
    ['sqlite:./data/license-doctor.sqlite', { kind: 'sqlite', file: '/srv/bot/data/license-doctor.sqlite', display: 'SQLite file /srv/bot/data/license-doctor.sqlite' }],
    ['sqlite:data.sqlite', { kind: 'sqlite', file: '/srv/bot/data.sqlite' }],
    ['sqlite:/var/lib/ld/store.sqlite', { kind: 'sqlite', file: '/var/lib/ld/store.sqlite' }],
    ['  sqlite::memory:  ', { kind: 'sqlite', file: ':memory:', display: 'SQLite in memory' }],
    ['postgres://ld:pa%24%24word@db.internal:5432/license_doctor?sslmode=require', { kind: 'postgres', display: 'PostgreSQL ld@db.internal:5432/license_doctor', secrets: ['pa$$word', 'pa%24%24word'] }],
    ['postgresql://db/ld', { kind: 'postgres', display: 'PostgreSQL db/ld', secrets: [] }],
  ])('%s', (url, expected) => {
    expect(parseDatabaseUrl(url, '/srv/bot')).toMatchObject(expected);
  });

  test.each([
    ['mysql://db/ld', /unknown scheme/],
    ['sqlite:', /names no SQLite file/],
    ['postgres://[broken', /not a valid URL/],
  ])('refuses %s with a configuration error', (url, message) => {
    expect(() => parseDatabaseUrl(url, '/srv/bot')).toThrow(expect.objectContaining({ code: 'configuration', message: expect.stringMatching(message) }));
  });

  test('a bad URL error does not repeat the URL (it may hold a password)', () => {
    expect(() => parseDatabaseUrl('postgres://u:secret@[broken', '/')).toThrow(expect.objectContaining({ message: expect.not.stringContaining('secret') }));
  });
});
