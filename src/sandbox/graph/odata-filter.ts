// The OData `$filter` subset the sandbox answers for users: `<property> eq|ne <literal>`,
// `startswith(<property>,'<text>')`, `<collection>/any(x:x eq '<text>')`, joined by `and` / `or`, with
// parentheses. String literals double their single quotes (`'O''Brien'`); directory comparisons ignore case.
import { GraphFailure } from './graph-response.ts';

type Literal = string | boolean | null;

export type FilterNode =
  | { readonly kind: 'compare'; readonly property: string; readonly negate: boolean; readonly value: Literal }
  | { readonly kind: 'startswith'; readonly property: string; readonly prefix: string }
  | { readonly kind: 'any'; readonly property: string; readonly value: string }
  | { readonly kind: 'and' | 'or'; readonly left: FilterNode; readonly right: FilterNode };

type Token = { readonly kind: 'name' | 'string' | 'punct'; readonly text: string; readonly at: number };

function syntaxError(filter: string, at: number): GraphFailure {
  return new GraphFailure(400, 'BadRequest', `Invalid filter clause: Syntax error at position ${at} in '${filter}'.`);
}

function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < filter.length) {
    const ch = filter.charAt(i);
    if (ch === ' ') { i++; continue; }
    if ('(),:/'.includes(ch)) { tokens.push({ kind: 'punct', text: ch, at: i }); i++; continue; }
    if (ch === "'") {
      const start = i;
      let text = '';
      i++;
      for (;;) {
        if (i >= filter.length) throw syntaxError(filter, start);
        if (filter.charAt(i) === "'") {
          if (filter.charAt(i + 1) !== "'") break;
          i++;
        }
        text += filter.charAt(i);
        i++;
      }
      i++;
      tokens.push({ kind: 'string', text, at: start });
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(filter.slice(i))?.[0];
    if (!name) throw syntaxError(filter, i);
    tokens.push({ kind: 'name', text: name, at: i });
    i += name.length;
  }
  return tokens;
}

/** Parses a `$filter`; throws Graph's 400 "Invalid filter clause" when it is malformed or outside the subset. */
export function parseFilter(filter: string): FilterNode {
  const tokens = tokenize(filter);
  let pos = 0;
  const fail = (): never => {
    throw syntaxError(filter, tokens[pos]?.at ?? filter.length);
  };
  const take = (kind: Token['kind'], text?: string): Token => {
    const t = tokens[pos];
    if (!t || t.kind !== kind || (text !== undefined && t.text.toLowerCase() !== text)) return fail();
    pos++;
    return t;
  };
  const isWord = (text: string) => tokens[pos]?.kind === 'name' && tokens[pos]?.text.toLowerCase() === text;
  const literal = (): Literal => {
    if (tokens[pos]?.kind === 'string') return take('string').text;
    const word = take('name').text.toLowerCase();
    if (word === 'null') return null;
    if (word === 'true' || word === 'false') return word === 'true';
    return fail();
  };

  const primary = (): FilterNode => {
    if (tokens[pos]?.kind === 'punct' && tokens[pos]?.text === '(') {
      pos++;
      const inner = disjunction();
      take('punct', ')');
      return inner;
    }
    if (isWord('startswith')) {
      pos++;
      take('punct', '(');
      const property = take('name').text;
      take('punct', ',');
      const prefix = take('string').text;
      take('punct', ')');
      return { kind: 'startswith', property, prefix };
    }
    const property = take('name').text;
    if (tokens[pos]?.kind === 'punct' && tokens[pos]?.text === '/') {
      pos++;
      take('name', 'any');
      take('punct', '(');
      const variable = take('name').text.toLowerCase();
      take('punct', ':');
      take('name', variable);
      take('name', 'eq');
      const value = take('string').text;
      take('punct', ')');
      return { kind: 'any', property, value };
    }
    const negate = isWord('ne');
    if (!negate && !isWord('eq')) return fail();
    pos++;
    return { kind: 'compare', property, negate, value: literal() };
  };
  const chain = (kind: 'and' | 'or', next: () => FilterNode) => (): FilterNode => {
    let left = next();
    while (isWord(kind)) {
      pos++;
      left = { kind, left, right: next() };
    }
    return left;
  };
  const disjunction: () => FilterNode = chain('or', chain('and', primary));
  const tree = disjunction();
  if (pos !== tokens.length) fail();
  return tree;
}

/** The properties a filter names (for checking them against what the resource supports). */
export function filterProperties(node: FilterNode): string[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...filterProperties(node.left), ...filterProperties(node.right)];
    default:
      return [node.property];
  }
}

const equal = (actual: unknown, expected: Literal): boolean =>
  expected === null ? actual === null || actual === undefined
    : typeof expected === 'string' ? typeof actual === 'string' && actual.toLowerCase() === expected.toLowerCase()
      : actual === expected;

/** Evaluates a filter against an object whose properties `get` returns. */
export function evaluateFilter(node: FilterNode, get: (property: string) => unknown): boolean {
  switch (node.kind) {
    case 'compare':
      return equal(get(node.property), node.value) !== node.negate;
    case 'startswith': {
      const v = get(node.property);
      return typeof v === 'string' && v.toLowerCase().startsWith(node.prefix.toLowerCase());
    }
    case 'any': {
      const v = get(node.property);
      return Array.isArray(v) && v.some((x) => equal(x, node.value));
    }
    case 'and':
      return evaluateFilter(node.left, get) && evaluateFilter(node.right, get);
    case 'or':
      return evaluateFilter(node.left, get) || evaluateFilter(node.right, get);
  }
}
