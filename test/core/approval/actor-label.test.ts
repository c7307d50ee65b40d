import { actorLabel, actorName, joinNames } from '../../../src/core/approval/actor-label.ts';
import { actor } from './request-factory.ts';

test.each([
  [actor('p@contoso.com', 'Patti Fernandez'), 'Patti Fernandez (p@contoso.com)', 'Patti Fernandez'],
  [actor('p@contoso.com', null), 'p@contoso.com', 'p@contoso.com'],
  [actor('p@contoso.com', '  '), 'p@contoso.com', 'p@contoso.com'],
])('%#: label and name', (a, label, name) => {
  expect(actorLabel(a)).toBe(label);
  expect(actorName(a)).toBe(name);
});

test.each([[[], ''], [['A'], 'A'], [['A', 'B'], 'A and B'], [['A', 'B', 'C'], 'A, B and C']])('joinNames(%j)', (names, text) => {
  expect(joinNames(names)).toBe(text);
});
