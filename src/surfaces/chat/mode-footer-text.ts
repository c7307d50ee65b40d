// The line every card ends with, saying which mode runs: a screenshot or a forwarded card never leaves a doubt whether
// real licenses were read or changed.
import type { Config } from '../../config/config.ts';

/** The footer line for `config`'s mode. */
export function modeFooterText(config: Pick<Config, 'mode' | 'readOnly'>): string {
  if (config.mode === 'sandbox') return 'Sandbox mode: the built-in Contoso tenant with fake data; nothing here touches a real directory.';
  return `Live mode: your Entra ID tenant and Okta org${config.readOnly ? ' (READ_ONLY: nothing is executed)' : ''}.`;
}
