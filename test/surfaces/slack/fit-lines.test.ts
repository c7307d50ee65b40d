import { fitLines, sentences } from '../../../src/surfaces/slack/fit-lines.ts';

const more = (n: number) => `… and ${n} more`;
const rows = (n: number, width = 10) => Array.from({ length: n }, (_, i) => `${String(i).padStart(3, '0')}${'x'.repeat(width - 3)}`);

describe('fitLines', () => {
  it.each([
    ['everything fits in one chunk', rows(3), { maxChars: 100, maxChunks: 1 }, { shown: 3, omitted: 0, chunks: 1 }],
    ['spills into a second chunk', rows(10), { maxChars: 50, maxChunks: 3 }, { shown: 10, omitted: 0, chunks: 3 }],
    ['summarises what the chunks cannot hold', rows(40), { maxChars: 54, maxChunks: 2 }, { shown: 8, omitted: 32, chunks: 2 }],
    ['caps the rows for readability', rows(40), { maxChars: 3000, maxChunks: 3, maxLines: 25 }, { shown: 25, omitted: 15, chunks: 1 }],
    ['stops at a row longer than a chunk', [...rows(2), 'y'.repeat(80), ...rows(2)], { maxChars: 60, maxChunks: 3 }, { shown: 2, omitted: 3, chunks: 1 }],
    ['shows nothing without a chunk', rows(2), { maxChars: 60, maxChunks: 0 }, { shown: 0, omitted: 2, chunks: 0 }],
  ])('%s', (_name, lines, opts, expected) => {
    const fitted = fitLines(lines, { ...opts, more });
    expect({ shown: fitted.shown, omitted: fitted.omitted, chunks: fitted.chunks.length }).toEqual(expected);
    for (const chunk of fitted.chunks) expect(chunk.length).toBeLessThanOrEqual(opts.maxChars);
    // Whole rows only, in order, then the summary.
    const out = fitted.chunks.join('\n').split('\n');
    expect(out.slice(0, fitted.shown)).toEqual(lines.slice(0, fitted.shown));
    if (fitted.omitted > 0 && fitted.chunks.length > 0) expect(out.at(-1)).toBe(more(fitted.omitted));
  });

  it('never cuts a row, whatever the widths and budgets', () => {
    for (let seed = 1; seed < 200; seed++) {
      const lines = Array.from({ length: seed % 37 }, (_, i) => `r${i}:${'z'.repeat((seed * (i + 7)) % 90)}`);
      const opts = { maxChars: 40 + (seed % 120), maxChunks: seed % 5, more };
      const fitted = fitLines(lines, opts);
      const out = fitted.chunks.join('\n').split('\n').filter((l) => l !== '');
      const shownRows = out.filter((l) => !l.startsWith('…'));
      expect(shownRows).toEqual(lines.slice(0, fitted.shown).filter((l) => l !== ''));
      expect(fitted.shown + fitted.omitted).toBe(lines.length);
      expect(fitted.chunks.length).toBeLessThanOrEqual(opts.maxChunks);
      for (const c of fitted.chunks) expect(c.length).toBeLessThanOrEqual(opts.maxChars);
    }
  });

  it('joins with the separator given (sentences of prose)', () => {
    const fitted = fitLines(sentences('One. Two! Three? Four. Five.'), { maxChars: 13, maxChunks: 2, separator: ' ', more: () => '(more)' });
    expect(fitted.chunks).toEqual(['One. Two!', 'Three? (more)']);
    expect(fitted.omitted).toBe(2);
  });
});
