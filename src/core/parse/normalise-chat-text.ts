// What an agent pastes into Slack or Teams reaches the bot wrapped in the client's markup: Slack's
// <mailto:…|…> links and escaping, Teams' HTML, Markdown code fences, smart quotes from the editor.
// Undoing that first lets every later rule see the text as the vendor printed it. Each pattern is bounded
// and excludes its own delimiters, so one pass stays linear on any input.
import { decodeHtmlEntities } from './decode-html-entities.ts';

// eslint-disable-next-line no-control-regex -- terminal colour codes are exactly what is removed here
const ANSI_ESCAPE = /\u001b\[[0-9;?]{0,32}[A-Za-z]/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const LINE_SEPARATORS = /\r\n?|[\u2028\u2029\u0085]/g;

// Slack: <mailto:a@b|label>, <https://x|label>, <https://x>. The mailto target is the address itself.
const SLACK_LINK = /<(mailto:|https?:\/\/|tel:)([^<>|\s]{1,2000})(?:\|([^<>\n]{0,500}))?>/gi;
// Slack mentions and broadcasts (<@U123>, <#C123|chan>, <!here>): they name the bot or a channel, not the user asked about.
const SLACK_MENTION = /<[@#!][A-Za-z0-9^_.-]{1,64}(?:\|[^<>\n]{0,200})?>/g;
// Teams: <at>Bot name</at> mentions, removed with their text for the same reason.
const TEAMS_MENTION = /<at\b[^<>\n]{0,200}>[^<>\n]{0,200}<\/at>/gi;
const HTML_TAG = /<(\/?)([A-Za-z][A-Za-z0-9]{0,15})\b[^<>\n]{0,500}>/g;

// Only real HTML tags are removed: the KB's literal "<username>" placeholder must survive.
const BLOCK_TAGS = new Set(['br', 'p', 'div', 'li', 'tr', 'pre', 'blockquote', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr']);
const INLINE_TAGS = new Set([
  'a', 'b', 'i', 'u', 's', 'em', 'strong', 'code', 'span', 'font', 'img', 'small', 'sub', 'sup', 'mark', 'del', 'ins',
  'strike', 'tbody', 'thead', 'td', 'th', 'emoji', 'systemspan', 'kbd', 'samp', 'tt', 'abbr', 'cite', 'q',
]);

const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\uFF02]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\uFF07]/g;
const CODE_FENCE = /```(?:[A-Za-z0-9_+-]{1,20}(?=\n))?/g;
const BOLD = /\*([^*\n]{1,500})\*/g;

function slackLink(_match: string, scheme: string, target: string, label: string | undefined): string {
  if (scheme.toLowerCase() === 'mailto:') return target;
  return label !== undefined && label !== '' ? label : `${scheme}${target}`;
}

function htmlTag(match: string, _slash: string, name: string): string {
  const tag = name.toLowerCase();
  if (BLOCK_TAGS.has(tag)) return '\n';
  if (INLINE_TAGS.has(tag)) return '';
  return match;
}

/** Undoes Slack/Teams/Markdown formatting and typographic quotes; keeps line breaks (as `\n`). */
export function normaliseChatText(text: string): string {
  return decodeHtmlEntities(
    text
      .replace(LINE_SEPARATORS, '\n')
      .replace(ANSI_ESCAPE, '')
      .replace(ZERO_WIDTH, '')
      .replace(ODD_SPACES, ' ')
      .replace(SLACK_MENTION, '')
      .replace(SLACK_LINK, slackLink)
      .replace(TEAMS_MENTION, '')
      .replace(HTML_TAG, htmlTag),
  )
    .replace(LINE_SEPARATORS, '\n')
    .replace(ZERO_WIDTH, '')
    .replace(ODD_SPACES, ' ')
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(CODE_FENCE, '\n')
    .replace(/`/g, '')
    .replace(BOLD, '$1');
}
