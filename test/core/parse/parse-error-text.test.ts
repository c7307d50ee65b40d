import type { ParsedError } from '../../../src/core/model/parsed-error.ts';
import { parseErrorText } from '../../../src/core/parse/parse-error-text.ts';
import { pushEvent } from '../../../src/sandbox/log-events.ts';
import {
  CLIENT_REQUEST_ID,
  GRAPH_POWERSHELL_7_ERROR,
  GRAPH_POWERSHELL_ERROR,
  INHERITED_MESSAGE,
  KB_ERROR,
  KB_EXCEPTION,
  MSOL_INHERITED_ERROR,
  MSOL_USAGE_LOCATION_ERROR,
  REQUEST_ID,
  breakAfter,
  graphEnvelope,
  kbErrorFor,
  wrapEvery,
} from './error-text-fixtures.ts';

const KB_FIELDS: ParsedError = {
  source: 'okta-push',
  classification: 'group-inherited-license',
  httpStatus: 400,
  errorCode: 'Request_BadRequest',
  errorMessage: INHERITED_MESSAGE,
  timestamp: '2023-01-06T04:18:19.000Z',
  method: 'POST',
};
const KB_JANE: ParsedError = { ...KB_FIELDS, userPrincipalName: 'jane.doe@contoso.com' };
const KB_JANE_WITH_IDS: ParsedError = { ...KB_JANE, requestId: REQUEST_ID, clientRequestId: CLIENT_REQUEST_ID };
const GRAPH_FIELDS: ParsedError = {
  source: 'graph-json',
  classification: 'group-inherited-license',
  errorCode: 'Request_BadRequest',
  errorMessage: INHERITED_MESSAGE,
  timestamp: '2023-01-06T04:18:19.000Z',
  requestId: REQUEST_ID,
  clientRequestId: CLIENT_REQUEST_ID,
};

const jane = kbErrorFor('jane.doe@contoso.com');
const janeWithIds = kbErrorFor('jane.doe@contoso.com', { requestId: REQUEST_ID, clientRequestId: CLIENT_REQUEST_ID });
const compactGraph = JSON.stringify(graphEnvelope());

const logEvent = pushEvent({
  now: new Date('2023-01-06T04:18:19Z'),
  app: { id: '0oa1o365app', label: 'Microsoft Office 365' },
  user: { id: '00u1jane', login: 'jane.doe@contoso.com', displayName: 'Jane Doe' },
  userName: 'jane.doe@contoso.com',
  failure: {
    httpStatus: 400,
    errorCode: 'Request_BadRequest',
    errorMessage: INHERITED_MESSAGE,
    requestId: REQUEST_ID,
    clientRequestId: CLIENT_REQUEST_ID,
  },
});

const rows: ReadonlyArray<readonly [string, string, ParsedError]> = [
  ['the KB text exactly, <username> placeholder', KB_ERROR, KB_FIELDS],
  ['the KB text with a real (mixed-case) UPN', kbErrorFor('Jane.Doe@Contoso.com'), KB_JANE],
  ['with request ids filled in', janeWithIds, KB_JANE_WITH_IDS],
  ['hard-wrapped every 80 columns (terminal)', wrapEvery(janeWithIds, 80), KB_JANE_WITH_IDS],
  ['hard-wrapped every 37 columns', wrapEvery(janeWithIds, 37), KB_JANE_WITH_IDS],
  [
    'broken inside tokens: code, UPN, message, request id, timestamp',
    breakAfter(janeWithIds, 'Request_Bad', 'jane.doe@con', 'inher', `request-id=${REQUEST_ID.slice(0, 11)}`, '04:1'),
    KB_JANE_WITH_IDS,
  ],
  ['soft-wrapped at spaces (chat client)', jane.replace(/ (?=membership|httpStatusCode|timestamp|received)/g, '\n'), KB_JANE],
  [
    'HTML-escaped (&quot; &#39; &lt;username&gt;)',
    KB_ERROR.replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace('<username>', '&lt;username&gt;'),
    KB_FIELDS,
  ],
  ['smart quotes', jane.replace(/"([^"]*)"/, '“$1”').replace(/'([^']*)'/, '‘$1’'), KB_JANE],
  [
    'Slack: mailto link and code fence',
    '```\n' + KB_ERROR.replace('<username>', '<mailto:jane.doe@contoso.com|jane.doe@contoso.com>') + '\n```',
    KB_JANE,
  ],
  ['Slack: quoted with > and *bold*', `> *Okta says:*\n> ${wrapEvery(jane, 120).replace(/\n/g, '\n> ')}`, KB_JANE],
  [
    'Teams HTML: <p>, <br>, <a href="mailto:">, &quot;',
    '<p>Hi, Okta shows this:</p><p>' +
      jane
        .replace('jane.doe@contoso.com', '<a href="mailto:jane.doe@contoso.com">jane.doe@contoso.com</a>')
        .replace(' httpStatusCode', '<br>httpStatusCode')
        .replace(/"/g, '&quot;') +
      '</p>',
    KB_JANE,
  ],
  ['Teams code block', `<pre><code>${jane.replace(/"/g, '&quot;').replace(/'/g, '&#39;')}</code></pre>`, KB_JANE],
  ['Graph JSON, compact', compactGraph, GRAPH_FIELDS],
  ['Graph JSON, pretty, lowercase innererror', JSON.stringify(graphEnvelope('innererror'), null, 2), GRAPH_FIELDS],
  [
    'Graph JSON, truncated',
    compactGraph.slice(0, compactGraph.indexOf('removed directly')),
    {
      source: 'graph-json',
      classification: 'group-inherited-license',
      errorCode: 'Request_BadRequest',
      errorMessage: 'User license is inherited from a group membership and it cannot be',
    },
  ],
  ['Graph JSON embedded after a log prefix', `2023-01-06 04:18:20,123 ERROR [provisioning-7] assignLicense failed: ${compactGraph}`, GRAPH_FIELDS],
  [
    'Graph JSON, pretty, every line log-prefixed',
    JSON.stringify(graphEnvelope(), null, 2)
      .split('\n')
      .map((line) => `2023-01-06T04:18:20.101Z ERROR [worker-3] ${line}`)
      .join('\n'),
    GRAPH_FIELDS,
  ],
  ['Graph JSON escaped inside a JSON string', JSON.stringify({ level: 'error', msg: compactGraph }), GRAPH_FIELDS],
  [
    'a GraphError body without its envelope (Graph JS client)',
    `GraphError: ${JSON.stringify((graphEnvelope() as { error: unknown }).error)}`,
    { ...GRAPH_FIELDS, source: 'graph-json' },
  ],
  ['the exception name alone', KB_EXCEPTION, { source: 'ms-exception', classification: 'group-inherited-license' }],
  ['the exception name in a log line', `04:18:19 ERROR ${KB_EXCEPTION}: license change rejected`, { source: 'ms-exception', classification: 'group-inherited-license' }],
  [
    'Graph PowerShell (5.1) error record',
    GRAPH_POWERSHELL_ERROR,
    {
      source: 'other',
      classification: 'group-inherited-license',
      httpStatus: 400,
      errorCode: 'Request_BadRequest',
      errorMessage: INHERITED_MESSAGE,
      userPrincipalName: 'jane.doe@contoso.com',
      timestamp: '2023-01-06T04:18:19.000Z',
      requestId: REQUEST_ID,
      clientRequestId: CLIENT_REQUEST_ID,
    },
  ],
  [
    'Graph PowerShell 7 concise view, user by object id',
    GRAPH_POWERSHELL_7_ERROR,
    {
      source: 'other',
      classification: 'group-inherited-license',
      httpStatus: 400,
      errorCode: 'Request_BadRequest',
      errorMessage: INHERITED_MESSAGE,
      timestamp: '2023-01-06T04:18:19.000Z',
      requestId: REQUEST_ID,
      clientRequestId: CLIENT_REQUEST_ID,
    },
  ],
  [
    'MSOnline usage-location error record',
    MSOL_USAGE_LOCATION_ERROR,
    {
      source: 'ms-exception',
      classification: 'usage-location-missing',
      errorMessage: 'You must provide a required property: Parameter name: UsageLocation',
      userPrincipalName: 'bob@contoso.com',
    },
  ],
  [
    'MSOnline inherited-license record, exception name wrapped by the console',
    MSOL_INHERITED_ERROR,
    {
      source: 'ms-exception',
      classification: 'group-inherited-license',
      errorMessage: 'Unable to remove the license from the user.',
      userPrincipalName: 'jane.doe@contoso.com',
    },
  ],
  ['Okta System Log LogEvent JSON (pretty)', JSON.stringify(logEvent, null, 2), KB_JANE_WITH_IDS],
  [
    'Okta System Log displayMessage and outcome.reason lines',
    `displayMessage: Could not push profile for Office 365 user, received error.\noutcome.reason: ${janeWithIds}`,
    KB_JANE_WITH_IDS,
  ],
  [
    'CIPP rewording',
    'Failed to remove license: User license is inherited from group membership and cannot be removed directly from the user.',
    {
      source: 'other',
      classification: 'group-inherited-license',
      errorMessage: 'User license is inherited from group membership and cannot be removed directly from the user.',
    },
  ],
  [
    'invalid usage location (Graph message alone)',
    'License assignment cannot be done for user with invalid usage location.',
    {
      source: 'other',
      classification: 'usage-location-missing',
      errorMessage: 'License assignment cannot be done for user with invalid usage location.',
    },
  ],
  [
    'no available licenses (Okta push)',
    jane.replace(INHERITED_MESSAGE, 'Subscription 05e9a617-0261-4cee-bb44-138d3ef5d965 does not have any available licenses.'),
    {
      ...KB_JANE,
      classification: 'no-available-licenses',
      errorMessage: 'Subscription 05e9a617-0261-4cee-bb44-138d3ef5d965 does not have any available licenses.',
    },
  ],
  ['CountViolation alone', 'CountViolation', { source: 'other', classification: 'no-available-licenses' }],
  [
    'insufficient privileges (403 Graph JSON)',
    '{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation.","innerError":{"date":"2024-03-01T10:00:00"}}}',
    {
      source: 'graph-json',
      classification: 'insufficient-privileges',
      errorCode: 'Authorization_RequestDenied',
      errorMessage: 'Insufficient privileges to complete the operation.',
      timestamp: '2024-03-01T10:00:00.000Z',
    },
  ],
  [
    'dependency violation (Okta push)',
    jane.replace(
      INHERITED_MESSAGE,
      'License assignment failed because service plan 57ff2da0-773e-42df-b2af-ffb7a2317929 depends on the service plan(s) 5dbe027f-2339-4123-9542-606e4d348a72.',
    ),
    {
      ...KB_JANE,
      classification: 'dependency-violation',
      errorMessage:
        'License assignment failed because service plan 57ff2da0-773e-42df-b2af-ffb7a2317929 depends on the service plan(s) 5dbe027f-2339-4123-9542-606e4d348a72.',
    },
  ],
  [
    'ProhibitedInUsageLocationViolation is not a missing usage location (illustrative message)',
    jane.replace(INHERITED_MESSAGE, 'License assignment failed: ProhibitedInUsageLocationViolation.'),
    { ...KB_JANE, classification: 'unknown', errorMessage: 'License assignment failed: ProhibitedInUsageLocationViolation.' },
  ],
  [
    'prose naming two addresses: the one after "user" wins',
    `Hi team, user bob@contoso.com gets ${KB_EXCEPTION} again. Thanks, alice@contoso.com`,
    { source: 'ms-exception', classification: 'group-inherited-license', userPrincipalName: 'bob@contoso.com' },
  ],
  [
    'a path-injection address after "Office 365 user" names nobody',
    kbErrorFor('a@b.com/../../x'),
    { ...KB_FIELDS },
  ],
];

describe('parseErrorText', () => {
  it.each(rows)('%s', (_name, input, expected) => {
    expect(parseErrorText(input)).toEqual(expected);
  });

  it.each([
    ['empty', ''],
    ['prose', 'hello, can you help me with a license problem?'],
    ['a bare address', 'jane@contoso.com'],
    ['an unrelated exception in prose', 'the app crashed with a NullReferenceException yesterday'],
    ['a JSON message that is not an error envelope', '{"message":"hello"}'],
    ['a JSON "code" that is not an error code', '{"code":"SPE_E3","message":"Microsoft 365 E3"}'],
    ['a successful HTTP status line', 'HTTP/1.1 200 OK'],
  ])('returns null for %s', (_name, input) => {
    expect(parseErrorText(input)).toBeNull();
  });

  it('leaves empty request-id= and client-request-id= fields absent', () => {
    const parsed = parseErrorText(KB_ERROR);
    expect(parsed).not.toHaveProperty('requestId');
    expect(parsed).not.toHaveProperty('clientRequestId');
  });
});
