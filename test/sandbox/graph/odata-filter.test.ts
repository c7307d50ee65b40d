import { evaluateFilter, filterProperties, parseFilter } from '../../../src/sandbox/graph/odata-filter.ts';
import { GraphFailure } from '../../../src/sandbox/graph/graph-response.ts';

const user: Record<string, unknown> = {
  mail: "O'Brien@contoso.com", displayName: 'Sean O\'Brien', usageLocation: null, accountEnabled: true,
  proxyAddresses: ["SMTP:O'Brien@contoso.com", 'smtp:sean@contoso.com'],
};
const get = (name: string) => user[name];

describe('$filter subset', () => {
  it.each([
    ["mail eq 'o''brien@contoso.com'", true],
    ["mail ne 'o''brien@contoso.com'", false],
    ["startswith(displayName,'sean')", true],
    ["proxyAddresses/any(p:p eq 'smtp:sean@contoso.com')", true],
    ["proxyAddresses/any(x:x eq 'smtp:nobody@contoso.com')", false],
    ['usageLocation eq null', true],
    ['accountEnabled eq false', false],
    ["mail eq 'x' or (accountEnabled eq true and usageLocation eq null)", true],
    ["mail eq 'x' or accountEnabled eq true and usageLocation ne null", false],
  ])('%s -> %s', (filter, expected) => {
    expect(evaluateFilter(parseFilter(filter), get)).toBe(expected);
  });

  it('lists the properties a filter names', () => {
    expect(filterProperties(parseFilter("mail eq 'a' or proxyAddresses/any(p:p eq 'b') and startswith(displayName,'c')"))).toEqual(['mail', 'proxyAddresses', 'displayName']);
  });

  it.each([
    ["mail eq 'o'brien@contoso.com'", 16],
    ["mail eq 'unterminated", 8],
    ['mail eq', 7],
    ["mail lt 'a'", 5],
    ["proxyAddresses/any(p:q eq 'a')", 21],
    ["(mail eq 'a'", 12],
    ["mail eq 'a' extra", 12],
  ])('refuses %s with Graph\'s "Invalid filter clause" (position %i)', (filter, position) => {
    let thrown: unknown;
    try {
      parseFilter(filter);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(GraphFailure);
    expect(thrown).toMatchObject({ status: 400, code: 'BadRequest', message: `Invalid filter clause: Syntax error at position ${position} in '${filter}'.` });
  });
});
