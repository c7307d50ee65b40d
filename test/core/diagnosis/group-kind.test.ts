import { groupKind } from '../../../src/core/diagnosis/group-kind.ts';
import type { GroupKind } from '../../../src/core/model/diagnosis.ts';
import type { EntraGroup } from '../../../src/core/model/entra.ts';
import { entraGroup } from '../../factories/diagnosis-input.ts';

describe('groupKind', () => {
  test.each<[string, Partial<EntraGroup>, GroupKind]>([
    ['a cloud security group', {}, 'assigned'],
    ['a Microsoft 365 group (mail-enabled, Unified)', { groupTypes: ['Unified'], mailEnabled: true }, 'assigned'],
    ['onPremisesSyncEnabled false: no longer synced', { onPremisesSyncEnabled: false }, 'assigned'],
    ['isAssignableToRole null', { isAssignableToRole: null }, 'assigned'],
    ['synced from on-premises', { onPremisesSyncEnabled: true }, 'on-premises-synced'],
    ['dynamic', { groupTypes: ['DynamicMembership'], membershipRule: 'user.department -eq "Sales"' }, 'dynamic'],
    ['dynamic, any case', { groupTypes: ['dynamicmembership'] }, 'dynamic'],
    ['dynamic Microsoft 365 group', { groupTypes: ['Unified', 'DynamicMembership'], mailEnabled: true }, 'dynamic'],
    ['role-assignable', { isAssignableToRole: true }, 'role-assignable'],
    ['mail-enabled security group', { mailEnabled: true }, 'mail-enabled'],
    ['synced beats dynamic', { onPremisesSyncEnabled: true, groupTypes: ['DynamicMembership'] }, 'on-premises-synced'],
    ['synced beats mail-enabled', { onPremisesSyncEnabled: true, mailEnabled: true }, 'on-premises-synced'],
    ['dynamic beats role-assignable', { groupTypes: ['DynamicMembership'], isAssignableToRole: true }, 'dynamic'],
    ['role-assignable beats mail-enabled', { isAssignableToRole: true, mailEnabled: true }, 'role-assignable'],
  ])('%s', (_case, overrides, expected) => {
    expect(groupKind(entraGroup('g1', 'G', overrides))).toBe(expected);
  });
});
