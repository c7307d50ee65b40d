// The SCIM filter subset Okta accepts in `filter=` (System Log, apps): comparisons `attr op value`,
// `attr pr`, `and`, `or` and parentheses; `and` binds tighter than `or`. String matching ignores case.

/** SCIM comparison operators. */
export type CompareOp = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';
type Literal = string | number | boolean | null;

/** A parsed filter. */
export type FilterNode =
  | { readonly kind: 'and'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'compare'; readonly attribute: string; readonly op: CompareOp; readonly value: Literal }
  | { readonly kind: 'present'; readonly attribute: string };

const OPS: readonly string[] = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'];

type Token = { readonly type: 'word' | 'string' | '(' | ')'; readonly text: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (/\s/.test(ch)) i += 1;
    else if (ch === '(' || ch === ')') {
      tokens.push({ type: ch, text: ch });
      i += 1;
    } else if (ch === '"') {
      let value = '';
      i += 1;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) i += 1;
        value += text[i];
        i += 1;
      }
      if (i >= text.length) throw new Error('unterminated string');
      i += 1;
      tokens.push({ type: 'string', text: value });
    } else {
      const m = /^[^\s()"]+/.exec(text.slice(i));
      const word = m?.[0] ?? ch;
      tokens.push({ type: 'word', text: word });
      i += word.length;
    }
  }
  return tokens;
}

/** Parses a filter; `error` says what is wrong, as Okta's E0000053 cause would. */
export function parseScimFilter(text: string): { ok: true; filter: FilterNode } | { ok: false; error: string } {
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (err) {
    return { ok: false, error: `Invalid filter: ${(err as Error).message}` };
  }
  let pos = 0;
  const peekWord = (w: string) => tokens[pos]?.type === 'word' && tokens[pos]?.text.toLowerCase() === w;

  const orExpr = (): FilterNode => {
    let left = andExpr();
    while (peekWord('or')) {
      pos += 1;
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  };
  const andExpr = (): FilterNode => {
    let left = unary();
    while (peekWord('and')) {
      pos += 1;
      left = { kind: 'and', left, right: unary() };
    }
    return left;
  };
  const unary = (): FilterNode => {
    const t = tokens[pos];
    if (!t) throw new Error('unexpected end of filter');
    if (t.type === '(') {
      pos += 1;
      const inner = orExpr();
      if (tokens[pos]?.type !== ')') throw new Error('missing closing parenthesis');
      pos += 1;
      return inner;
    }
    if (t.type !== 'word' || !/^[A-Za-z_][\w.]*$/.test(t.text)) throw new Error(`unexpected "${t.text}"`);
    pos += 1;
    const op = tokens[pos];
    const opText = op?.type === 'word' ? op.text.toLowerCase() : '';
    if (opText === 'pr') {
      pos += 1;
      return { kind: 'present', attribute: t.text };
    }
    if (!OPS.includes(opText)) throw new Error(`unsupported operator "${op?.text ?? ''}" after ${t.text}`);
    pos += 1;
    return { kind: 'compare', attribute: t.text, op: opText as CompareOp, value: literal() };
  };
  const literal = (): Literal => {
    const t = tokens[pos];
    if (!t) throw new Error('missing value');
    pos += 1;
    if (t.type === 'string') return t.text;
    if (t.type === 'word') {
      if (t.text === 'true' || t.text === 'false') return t.text === 'true';
      if (t.text === 'null') return null;
      if (/^-?\d+(\.\d+)?$/.test(t.text)) return Number(t.text);
    }
    throw new Error(`invalid value "${t.text}"`);
  };

  try {
    const filter = orExpr();
    if (pos < tokens.length) throw new Error(`unexpected "${tokens[pos]?.text ?? ''}"`);
    return { ok: true, filter };
  } catch (err) {
    return { ok: false, error: `Invalid filter: ${(err as Error).message}` };
  }
}

/** Every attribute the filter names. */
export function filterAttributes(node: FilterNode): string[] {
  return node.kind === 'and' || node.kind === 'or' ? [...filterAttributes(node.left), ...filterAttributes(node.right)] : [node.attribute];
}

/** Every operator the filter uses (`and`, `or`, `pr` and the comparisons). */
export function filterOperators(node: FilterNode): string[] {
  if (node.kind === 'and' || node.kind === 'or') return [node.kind, ...filterOperators(node.left), ...filterOperators(node.right)];
  return [node.kind === 'present' ? 'pr' : node.op];
}

/** The values at a dotted path; arrays on the way are flattened (`target.id` is every target's id). */
function valuesAt(value: unknown, path: string): unknown[] {
  let current: unknown[] = [value];
  for (const key of path.split('.')) {
    current = current
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
      .map((v) => v[key])
      .filter((v) => v !== undefined);
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

function compare(actual: unknown, op: CompareOp, expected: Literal): boolean {
  if (typeof actual === 'string' && typeof expected === 'string') {
    const a = actual.toLowerCase();
    const e = expected.toLowerCase();
    switch (op) {
      case 'eq': return a === e;
      case 'ne': return a !== e;
      case 'co': return a.includes(e);
      case 'sw': return a.startsWith(e);
      case 'ew': return a.endsWith(e);
      case 'gt': return a > e;
      case 'ge': return a >= e;
      case 'lt': return a < e;
      case 'le': return a <= e;
    }
  }
  if (typeof actual === 'number' && typeof expected === 'number') {
    switch (op) {
      case 'gt': return actual > expected;
      case 'ge': return actual >= expected;
      case 'lt': return actual < expected;
      case 'le': return actual <= expected;
      default: break;
    }
  }
  if (op === 'eq') return actual === expected;
  if (op === 'ne') return actual !== expected;
  return false;
}

/** Whether `subject` satisfies the filter. */
export function matchesFilter(node: FilterNode, subject: unknown): boolean {
  switch (node.kind) {
    case 'and': return matchesFilter(node.left, subject) && matchesFilter(node.right, subject);
    case 'or': return matchesFilter(node.left, subject) || matchesFilter(node.right, subject);
    case 'present': return valuesAt(subject, node.attribute).some((v) => v !== null && v !== '');
    case 'compare': {
      const values = valuesAt(subject, node.attribute);
      if (node.op === 'ne') return values.every((v) => compare(v, 'ne', node.value));
      return values.some((v) => compare(v, node.op, node.value));
    }
  }
}
