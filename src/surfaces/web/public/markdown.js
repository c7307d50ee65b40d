// The Markdown subset Teams renders in card text and messages: **bold**, _italic_, `code`, links, bullet lists and
// line breaks. Everything is HTML-escaped first, so text from the bot (or a pasted error) can never inject markup.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` with the HTML special characters escaped. */
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Inline formatting of one escaped line. */
function inline(line) {
  return line
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])_([^_]+)_(?=[\s).,;:!?]|$)/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>');
}

/** HTML for `text` (no surrounding paragraph: the caller places it). */
export function markdownToHtml(text) {
  const out = [];
  let list = null;
  for (const raw of escapeHtml(text).split(/\r?\n/)) {
    const item = /^\s*[-*]\s+(.*)$/.exec(raw);
    if (item) {
      list ??= [];
      list.push(`<li>${inline(item[1])}</li>`);
      continue;
    }
    if (list) {
      out.push(`<ul>${list.join('')}</ul>`);
      list = null;
    }
    out.push(raw.trim() === '' ? '<br>' : `${inline(raw)}<br>`);
  }
  if (list) out.push(`<ul>${list.join('')}</ul>`);
  return out.join('').replace(/(<br>)+$/, '');
}
