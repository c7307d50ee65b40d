// Short notices over the page: a refusal from the bot (an invoke answered with a message, as Teams shows it), an
// error, or a confirmation. Each stays a few seconds or until closed.
/* global document */

const SHOWN_MS = { refusal: 10_000, error: 10_000, info: 5_000 };

/** Shows `text` in the toast area; `kind` is 'refusal', 'error' or 'info'. */
export function showToast(text, kind = 'info') {
  const area = document.getElementById('toasts');
  const toast = document.createElement('div');
  toast.className = `toast toast-${kind}`;
  toast.setAttribute('role', kind === 'info' ? 'status' : 'alert');
  const message = document.createElement('p');
  message.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'toast-close';
  close.setAttribute('aria-label', 'Dismiss');
  close.textContent = '×';
  close.addEventListener('click', () => toast.remove());
  toast.append(message, close);
  area.append(toast);
  setTimeout(() => toast.remove(), SHOWN_MS[kind] ?? SHOWN_MS.info);
}
