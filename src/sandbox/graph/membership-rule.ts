// Entra ID dynamic membership rules, the subset the sandbox evaluates: `user.<attribute> -eq "<value>"`
// (and -ne), joined by -and / -or, with parentheses. Entra compares strings case-insensitively.

export type RuleNode =
  | { readonly kind: 'compare'; readonly attribute: string; readonly negate: boolean; readonly value: string | boolean | null }
  | { readonly kind: 'and' | 'or'; readonly left: RuleNode; readonly right: RuleNode };

type Token = { kind: 'op' | 'attr' | 'string' | 'word' | '(' | ')'; text: string };

function tokenize(rule: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < rule.length) {
    const ch = rule.charAt(i);
    if (/\s/.test(ch)) { i++; continue; }
    if (ch === '(' || ch === ')') { tokens.push({ kind: ch, text: ch }); i++; continue; }
    if (ch === '"') {
      let text = '';
      i++;
      while (i < rule.length && rule.charAt(i) !== '"') {
        if (rule.charAt(i) === '\\' && i + 1 < rule.length) i++;
        text += rule.charAt(i);
        i++;
      }
      if (i >= rule.length) return null;
      i++;
      tokens.push({ kind: 'string', text });
      continue;
    }
    const word = /^[-A-Za-z0-9_.]+/.exec(rule.slice(i))?.[0];
    if (!word) return null;
    i += word.length;
    if (word.startsWith('-')) tokens.push({ kind: 'op', text: word.toLowerCase() });
    else if (/^user\.[A-Za-z0-9_]+$/i.test(word)) tokens.push({ kind: 'attr', text: word.slice(5) });
    else tokens.push({ kind: 'word', text: word.toLowerCase() });
  }
  return tokens;
}

/** Parses a rule; null when it is outside the supported subset (the group then has no members). */
export function parseMembershipRule(rule: string): RuleNode | null {
  const tokens = tokenize(rule);
  if (!tokens) return null;
  let pos = 0;
  const peek = () => tokens[pos];

  const primary = (): RuleNode | null => {
    const t = tokens[pos++];
    if (t?.kind === '(') {
      const inner = disjunction();
      return tokens[pos++]?.kind === ')' ? inner : null;
    }
    if (t?.kind !== 'attr') return null;
    const op = tokens[pos++];
    if (op?.kind !== 'op' || (op.text !== '-eq' && op.text !== '-ne')) return null;
    const v = tokens[pos++];
    let value: string | boolean | null;
    if (v?.kind === 'string') value = v.text;
    else if (v?.kind === 'word' && (v.text === 'true' || v.text === 'false')) value = v.text === 'true';
    else if (v?.kind === 'word' && v.text === 'null') value = null;
    else return null;
    return { kind: 'compare', attribute: t.text, negate: op.text === '-ne', value };
  };
  const chain = (kind: 'and' | 'or', next: () => RuleNode | null) => (): RuleNode | null => {
    let left = next();
    while (left && peek()?.kind === 'op' && peek()?.text === `-${kind}`) {
      pos++;
      const right = next();
      left = right ? { kind, left, right } : null;
    }
    return left;
  };
  const conjunction = chain('and', primary);
  const disjunction: () => RuleNode | null = chain('or', conjunction);
  const tree = disjunction();
  return tree && pos === tokens.length ? tree : null;
}

function equal(actual: unknown, expected: string | boolean | null): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (typeof expected === 'boolean') return actual === expected;
  return typeof actual === 'string' && actual.toLowerCase() === expected.toLowerCase();
}

/** Evaluates a parsed rule against a user's attributes (looked up case-insensitively by name). */
export function evaluateMembershipRule(node: RuleNode, attribute: (name: string) => unknown): boolean {
  switch (node.kind) {
    case 'compare':
      return equal(attribute(node.attribute), node.value) !== node.negate;
    case 'and':
      return evaluateMembershipRule(node.left, attribute) && evaluateMembershipRule(node.right, attribute);
    case 'or':
      return evaluateMembershipRule(node.left, attribute) || evaluateMembershipRule(node.right, attribute);
  }
}
