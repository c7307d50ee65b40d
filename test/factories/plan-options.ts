// Path 1's declared option defaults (completeOktaLicenses, allowServiceGap, removeLicenseFromGroup), as the tests
// spread them into variants: { ...DEFAULT_PLAN_OPTIONS, allowServiceGap: true }.
import { oktaOwnsLicenses } from '../../src/core/paths/okta-owns-licenses.ts';
import { defaultOptions } from '../../src/core/paths/plan-options.ts';

export const DEFAULT_PLAN_OPTIONS = defaultOptions(oktaOwnsLicenses);
