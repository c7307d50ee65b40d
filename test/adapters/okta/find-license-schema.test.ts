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
    expect(findLicenseSchema(parsed)).toMatchObject({ licensesAttribute, rolesAttribute });
  });

  const listed = (items: Record<string, unknown>) => schema({ licenses: { title: 'Licenses', type: 'array', items: { type: 'string', ...items } } });
  it.each([
    ['no list: any value', listed({}), null],
    ['items.enum', listed({ enum: ['SPE_E3', 'ENTERPRISEPACK', '', 7] }), [{ value: 'SPE_E3', title: null }, { value: 'ENTERPRISEPACK', title: null }]],
    ['items.oneOf with const and title', listed({ oneOf: [{ const: 'SPE_E3', title: 'Microsoft 365 E3' }, { const: 'opaque-7', title: 'Office 365 E3' }, { title: 'no const' }] }),
      [{ value: 'SPE_E3', title: 'Microsoft 365 E3' }, { value: 'opaque-7', title: 'Office 365 E3' }]],
    ['both, oneOf first, no duplicates', listed({ oneOf: [{ const: 'SPE_E3', title: 'Microsoft 365 E3' }], enum: ['SPE_E3', 'SPE_E5'] }),
      [{ value: 'SPE_E3', title: 'Microsoft 365 E3' }, { value: 'SPE_E5', title: null }]],
    ['an empty enum: nothing is offered', listed({ enum: [] }), []],
  ])('license values: %s', (_what, parsed, values) => {
    expect(findLicenseSchema(parsed).licenseValues).toEqual(values);
  });

  it('adds the values of a service-plan attribute', () => {
    const parsed = schema({
      licenses: { title: 'Licenses', type: 'array', items: { type: 'string', enum: ['SPE_E3'] } },
      plans: { title: 'Service Plans', type: 'array', items: { type: 'string', oneOf: [{ const: 'SPE_E3:EXCHANGE_S_ENTERPRISE', title: 'Exchange Online (Plan 2)' }] } },
    });
    expect(findLicenseSchema(parsed).licenseValues).toEqual([{ value: 'SPE_E3', title: null }, { value: 'SPE_E3:EXCHANGE_S_ENTERPRISE', title: 'Exchange Online (Plan 2)' }]);
  });
});
