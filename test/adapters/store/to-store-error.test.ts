import { isUniqueViolation, maskSecrets, toStoreError } from '../../../src/adapters/store/to-store-error.ts';
import { LicenseDoctorError } from '../../../src/core/errors.ts';

const where = { display: 'PostgreSQL ld@db:5432/ld', secrets: ['hunter2'] };
const coded = (code: string, message = 'driver says no') => Object.assign(new Error(message), { code });

describe('toStoreError', () => {
  test.each([
    ['ECONNREFUSED', /Cannot reach PostgreSQL ld@db:5432\/ld \(migrate\): check DATABASE_URL/],
    ['28P01', /refused the user or password/],
    ['3D000', /does not exist/],
    ['42501', /grant it the right/],
    ['SQLITE_BUSY', /locked by another process.*PostgreSQL/],
    ['SQLITE_CANTOPEN', /check that its folder exists/],
    ['ENOTDIR', /check that its folder exists/],
    ['SQLITE_NOTADB', /not a valid SQLite database/],
    ['SQLITE_FULL', /disk .* is full/],
    ['XX000', /failed during migrate: check the database's log/],
  ])('%s', (code, message) => {
    const err = toStoreError(coded(code), 'migrate', where);
    expect(err).toMatchObject({ code: code === 'ECONNREFUSED' ? 'unavailable' : 'store', message: expect.stringMatching(message), details: { operation: 'migrate', vendorCode: code, vendorMessage: 'driver says no' } });
  });

  test('finds the code of a connection failure wrapped in an AggregateError', () => {
    const err = toStoreError(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')], ''), 'ping', where);
    expect(err.message).toMatch(/Cannot reach/);
    expect(err.details.vendorCode).toBe('ECONNREFUSED');
  });

  test.each([
    ['57P01', 'terminating connection due to administrator command'],
    [null, 'Connection terminated unexpectedly'],
    ['ECONNRESET', 'read ECONNRESET'],
  ])('a lost connection (%s %s) is unavailable: a retry can succeed once the database is back', (code, message) => {
    const err = toStoreError(code === null ? new Error(message) : coded(code, message), 'compareAndSet', where);
    expect(err).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/Cannot reach .*read it again once the database is back/) });
  });

  test('a refusal or a bug is not unavailable', () => {
    expect(toStoreError(coded('28P01'), 'get', where).code).toBe('store');
    expect(toStoreError(coded('42P01', 'relation "requests" does not exist'), 'get', where).code).toBe('store');
  });

  test('recognises pg pool timeouts without a code', () => {
    expect(toStoreError(new Error('timeout exceeded when trying to connect'), 'get', where).message).toMatch(/Cannot reach/);
  });

  test('masks the password and any URL credentials in what it keeps', () => {
    const err = toStoreError(coded('XX000', 'bad login hunter2 for postgres://ld:other@db/ld'), 'get', where);
    expect(JSON.stringify(err.details)).not.toMatch(/hunter2|other/);
    expect(err.details.vendorMessage).toBe('bad login *** for postgres://ld:***@db/ld');
  });

  test('passes a LicenseDoctorError through unchanged', () => {
    const original = new LicenseDoctorError('conflict', 'taken');
    expect(toStoreError(original, 'create', where)).toBe(original);
  });

  test('leaves no vendorCode when the driver gave none', () => {
    expect(toStoreError('weird', 'get', where).details).toEqual({ operation: 'get', vendorMessage: 'weird' });
  });
});

describe('isUniqueViolation / maskSecrets', () => {
  test.each([['23505', true], ['SQLITE_CONSTRAINT_PRIMARYKEY', true], ['SQLITE_CONSTRAINT_UNIQUE', true], ['SQLITE_CONSTRAINT_NOTNULL', false], ['23503', false]])('%s -> %s', (code, expected) => {
    expect(isUniqueViolation(coded(code))).toBe(expected);
  });

  test('masks every occurrence and ignores empty secrets', () => {
    expect(maskSecrets('a pw b pw', ['pw', ''])).toBe('a *** b ***');
  });
});
