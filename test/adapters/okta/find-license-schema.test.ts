import { findLicenseSchema } from '../../../src/adapters/okta/find-license-schema.ts';
import { appUserSchemaSchema } from '../../../src/adapters/okta/schemas.ts';

const attr = (title: string, type = 'array') => ({ title, type, items: { type: 'string' } });
const schema = (base: Record<string, unknown>, custom: Record<string, unknown> = {}) =>
  appUserSchemaSchema.parse({ definitions: { base: { properties: base }, custom: { properties: custom } } });

describe('findLicenseSchema', () => {
  it.each([
    ['the seeded names in base', schema({ licenses: attr('Licenses'), roles: attr('Roles') }), 'licenses', 'roles'],
    ['other names, in custom', schema({ userName: attr('Username', 'string') }, { o365Lic: attr('Licenses'), o365Roles: attr('Roles') }), 'o365Lic', 'o365Roles'],
    ['titles in another case and with spaces', schema({ a: attr(' LICENSES '), b: attr('roles') }), 'a', 'b'],
    ['a Licenses attribute that is not an array', schema({ licenses: attr('Licenses', 'string'), roles: attr('Roles') }), null, 'roles'],
    ['no such attributes', schema({ userName: attr('Username', 'string') }), null, null],
    ['no definitions at all', appUserSchemaSchema.parse({}), null, null],
  ])('%s', (_what, parsed, licensesAttribute, rolesAttribute) => {
    expect(findLicenseSchema(parsed)).toEqual({ licensesAttribute, rolesAttribute });
  });
});
