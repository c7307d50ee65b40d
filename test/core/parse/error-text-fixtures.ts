// Real-world shapes of the errors License Doctor is pasted, shared by the parser tests.

/** The error line exactly as Okta's KB article quotes it (seed/okta-kb-o365-group-inherited-license.txt). */
export const KB_ERROR =
  'Could not push profile for Office 365 user <username>, received error: Received response with HTTP status code 400. ' +
  'httpStatusCode=400 errorCode=Request_BadRequest errorMessage="User license is inherited from a group membership and it ' +
  'cannot be removed directly from the user." client-request-id= request-id= timestamp=\'Fri, 06 Jan 2023 04:18:19 GMT\' method=POST';

/** The Microsoft-side log line the KB quotes. */
export const KB_EXCEPTION = 'Microsoft.Online.Administration.InvalidOperationOnGroupInheritedLicenseException';

export const INHERITED_MESSAGE = 'User license is inherited from a group membership and it cannot be removed directly from the user.';
export const REQUEST_ID = '0b6e2f5c-1f0a-4d4b-9a55-3f1b6f0c2d11';
export const CLIENT_REQUEST_ID = '7a3d9e42-5c8b-4f61-8e2d-1b9c0a4f7e22';
export const OBJECT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

/** The KB error naming a real user, with the request ids Okta fills in when Graph returns them. */
export function kbErrorFor(userName: string, ids: { requestId?: string; clientRequestId?: string } = {}): string {
  return KB_ERROR.replace('<username>', userName)
    .replace('client-request-id= ', `client-request-id=${ids.clientRequestId ?? ''} `)
    .replace(' request-id= ', ` request-id=${ids.requestId ?? ''} `);
}

/** Hard-wraps like a terminal does: a line break every `width` characters, every character kept. */
export function wrapEvery(text: string, width: number): string {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return lines.join('\n');
}

/** Inserts a line break right after each of `afters` (each must occur in `text`), e.g. inside tokens. */
export function breakAfter(text: string, ...afters: string[]): string {
  return afters.reduce((current, after) => {
    const at = current.indexOf(after);
    if (at < 0) throw new Error(`fixture: "${after}" not in text`);
    return `${current.slice(0, at + after.length)}\n${current.slice(at + after.length)}`;
  }, text);
}

/** Graph's error envelope for the inherited-license refusal. */
export function graphEnvelope(innerErrorKey = 'innerError'): Record<string, unknown> {
  return {
    error: {
      code: 'Request_BadRequest',
      message: INHERITED_MESSAGE,
      [innerErrorKey]: { date: '2023-01-06T04:18:19', 'request-id': REQUEST_ID, 'client-request-id': CLIENT_REQUEST_ID },
    },
  };
}

/** Microsoft Graph PowerShell (Windows PowerShell 5.1) error record for Set-MgUserLicense. */
export const GRAPH_POWERSHELL_ERROR = [
  `Set-MgUserLicense : ${INHERITED_MESSAGE}`,
  'Status: 400 (BadRequest)',
  'ErrorCode: Request_BadRequest',
  'Date: 2023-01-06T04:18:19',
  'Headers:',
  'Transfer-Encoding             : chunked',
  'Vary                          : Accept-Encoding',
  'Strict-Transport-Security     : max-age=31536000',
  `request-id                    : ${REQUEST_ID}`,
  `client-request-id             : ${CLIENT_REQUEST_ID}`,
  'x-ms-ags-diagnostic           : {"ServerInfo":{"DataCenter":"West Europe","Slice":"E","Ring":"5","ScaleUnit":"003","RoleInstance":"AM2PEPF0001C7B5"}}',
  'x-ms-resource-unit            : 1',
  'Cache-Control                 : no-cache',
  'Date                          : Fri, 06 Jan 2023 04:18:20 GMT',
  'At line:1 char:1',
  "+ Set-MgUserLicense -UserId jane.doe@contoso.com -AddLicenses @() -RemoveLicenses @('05e9a617-0261-4cee-bb44-138d3ef5d965')",
  '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
  '    + CategoryInfo          : InvalidOperation: ({ UserId = jane.doe@contoso.com, Body = ...ionsAssignLicensePostRequestBody }:<>f__AnonymousType0`2) [Set-MgUserLicense_AssignExpanded], Exception',
  '    + FullyQualifiedErrorId : Request_BadRequest,Microsoft.Graph.PowerShell.Cmdlets.SetMgUserLicense_AssignExpanded',
].join('\n');

/** The same failure in PowerShell 7's concise view, for a user given by object id. */
export const GRAPH_POWERSHELL_7_ERROR = [
  `PS /home/admin> Set-MgUserLicense -UserId ${OBJECT_ID} -AddLicenses @() -RemoveLicenses @('05e9a617-0261-4cee-bb44-138d3ef5d965')`,
  `Set-MgUserLicense_AssignExpanded: ${INHERITED_MESSAGE}`,
  '',
  'Status: 400 (BadRequest)',
  'ErrorCode: Request_BadRequest',
  'Date: 2023-01-06T04:18:19',
  '',
  'Headers:',
  `request-id                    : ${REQUEST_ID}`,
  `client-request-id             : ${CLIENT_REQUEST_ID}`,
].join('\n');

/** MSOnline's error record when the user has no usage location (message as Microsoft's docs quote it). */
export const MSOL_USAGE_LOCATION_ERROR = [
  'Set-MsolUserLicense : You must provide a required property: Parameter name: UsageLocation',
  'At line:1 char:1',
  '+ Set-MsolUserLicense -UserPrincipalName bob@contoso.com -AddLicenses "contoso:ENTERPRISEPACK"',
  '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
  '    + CategoryInfo          : OperationStopped: (:) [Set-MsolUserLicense], MicrosoftOnlineException',
  '    + FullyQualifiedErrorId : Microsoft.Online.Administration.Automation.RequiredPropertyNotSetException,Microsoft.Online.Administration.Automation.SetUserLicense',
].join('\n');

/**
 * MSOnline's error record for removing an inherited license, as a 120-column console wraps it (the message
 * text is illustrative; the exception name is the one the KB quotes).
 */
export const MSOL_INHERITED_ERROR = [
  'Set-MsolUserLicense : Unable to remove the license from the user.',
  'At line:1 char:1',
  '+ Set-MsolUserLicense -UserPrincipalName jane.doe@contoso.com -RemoveLicenses "contoso:ENTERPRISEPACK"',
  '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
  '    + CategoryInfo          : OperationStopped: (:) [Set-MsolUserLicense], MicrosoftOnlineException',
  '    + FullyQualifiedErrorId : Microsoft.Online.Administration.Automation.InvalidOperationOnGroupInheritedLicenseExceptio',
  '   n,Microsoft.Online.Administration.Automation.SetUserLicense',
].join('\n');
