// Slack's documented Block Kit limits, checked on every payload the app sends in the Slack tests
// (https://docs.slack.dev/reference/block-kit/blocks, /block-elements, /composition-objects, /surfaces/modals):
// 50 blocks per message and 100 per modal, section text ≤ 3000, fields ≤ 10 × 2000, button text ≤ 75 and value ≤ 2000,
// action_id / block_id ≤ 255, actions ≤ 25 elements, header ≤ 150, context ≤ 10 elements, modal title / submit /
// close ≤ 24, input label ≤ 2000, private_metadata ≤ 3000, checkbox option text ≤ 75, static_select ≤ 100 options
// (plain_text ≤ 75, value ≤ 150).
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (isObj(v) && typeof v.text === 'string' ? v.text : null);
const len = (s: string) => [...s].length;

class Checker {
  readonly problems: string[] = [];

  max(where: string, value: string | null | undefined, max: number, min = 0): void {
    if (value === null || value === undefined) {
      if (min > 0) this.problems.push(`${where}: missing`);
      return;
    }
    if (len(value) > max) this.problems.push(`${where}: ${len(value)} characters (max ${max})`);
    if (len(value) < min) this.problems.push(`${where}: ${len(value)} characters (min ${min})`);
  }

  count(where: string, items: unknown, max: number, min = 0): unknown[] {
    if (!Array.isArray(items)) {
      if (min > 0) this.problems.push(`${where}: missing`);
      return [];
    }
    if (items.length > max) this.problems.push(`${where}: ${items.length} items (max ${max})`);
    if (items.length < min) this.problems.push(`${where}: ${items.length} items (min ${min})`);
    return items;
  }

  textObject(where: string, v: unknown, max: number, plainOnly = false): void {
    if (!isObj(v) || (v.type !== 'plain_text' && v.type !== 'mrkdwn')) {
      this.problems.push(`${where}: not a text object`);
      return;
    }
    if (plainOnly && v.type !== 'plain_text') this.problems.push(`${where}: must be plain_text`);
    this.max(where, text(v), max, 1);
  }

  element(where: string, e: unknown): void {
    if (!isObj(e)) return void this.problems.push(`${where}: not an element`);
    if (typeof e.action_id === 'string') this.max(`${where}.action_id`, e.action_id, 255);
    switch (e.type) {
      case 'button':
        this.textObject(`${where}.text`, e.text, 75, true);
        if (typeof e.value === 'string') this.max(`${where}.value`, e.value, 2000);
        if (typeof e.url === 'string') this.max(`${where}.url`, e.url, 3000);
        if (e.style !== undefined && e.style !== 'primary' && e.style !== 'danger') this.problems.push(`${where}.style: ${String(e.style)}`);
        if (e.confirm !== undefined) this.confirm(`${where}.confirm`, e.confirm);
        return;
      case 'plain_text_input':
        if (e.placeholder !== undefined) this.textObject(`${where}.placeholder`, e.placeholder, 150, true);
        if (typeof e.initial_value === 'string') this.max(`${where}.initial_value`, e.initial_value, 3000);
        for (const k of ['min_length', 'max_length'] as const) if (typeof e[k] === 'number' && (e[k] as number) > 3000) this.problems.push(`${where}.${k} > 3000`);
        return;
      case 'checkboxes':
        this.count(`${where}.options`, e.options, 10, 1).forEach((o, i) => {
          const p = `${where}.options[${i}]`;
          if (!isObj(o)) return void this.problems.push(`${p}: not an option`);
          this.textObject(`${p}.text`, o.text, 75);
          this.max(`${p}.value`, typeof o.value === 'string' ? o.value : null, 150, 1);
          if (o.description !== undefined) this.textObject(`${p}.description`, o.description, 75);
        });
        return;
      case 'static_select':
        this.count(`${where}.options`, e.options, 100, 1).forEach((o, i) => this.option(`${where}.options[${i}]`, o));
        if (e.initial_option !== undefined) this.option(`${where}.initial_option`, e.initial_option);
        if (e.placeholder !== undefined) this.textObject(`${where}.placeholder`, e.placeholder, 150, true);
        return;
      default:
        this.problems.push(`${where}: unexpected element type ${String(e.type)}`);
    }
  }

  option(where: string, o: unknown): void {
    if (!isObj(o)) return void this.problems.push(`${where}: not an option`);
    this.textObject(`${where}.text`, o.text, 75, true);
    this.max(`${where}.value`, typeof o.value === 'string' ? o.value : null, 150, 1);
  }

  confirm(where: string, c: unknown): void {
    if (!isObj(c)) return void this.problems.push(`${where}: not a confirmation dialog`);
    this.textObject(`${where}.title`, c.title, 100, true);
    this.textObject(`${where}.text`, c.text, 300);
    this.textObject(`${where}.confirm`, c.confirm, 30, true);
    this.textObject(`${where}.deny`, c.deny, 30, true);
  }

  block(where: string, b: unknown): void {
    if (!isObj(b)) return void this.problems.push(`${where}: not a block`);
    if (typeof b.block_id === 'string') this.max(`${where}.block_id`, b.block_id, 255);
    switch (b.type) {
      case 'section':
        if (b.text === undefined && b.fields === undefined) this.problems.push(`${where}: section without text or fields`);
        if (b.text !== undefined) this.textObject(`${where}.text`, b.text, 3000);
        if (b.fields !== undefined) this.count(`${where}.fields`, b.fields, 10, 1).forEach((f, i) => this.textObject(`${where}.fields[${i}]`, f, 2000));
        if (b.accessory !== undefined) this.element(`${where}.accessory`, b.accessory);
        return;
      case 'header':
        return this.textObject(`${where}.text`, b.text, 150, true);
      case 'context':
        this.count(`${where}.elements`, b.elements, 10, 1).forEach((e, i) => this.textObject(`${where}.elements[${i}]`, e, 3000));
        return;
      case 'actions':
        this.count(`${where}.elements`, b.elements, 25, 1).forEach((e, i) => this.element(`${where}.elements[${i}]`, e));
        return;
      case 'input':
        this.textObject(`${where}.label`, b.label, 2000, true);
        if (b.hint !== undefined) this.textObject(`${where}.hint`, b.hint, 2000, true);
        this.element(`${where}.element`, b.element);
        return;
      case 'divider':
        return;
      default:
        this.problems.push(`${where}: unexpected block type ${String(b.type)}`);
    }
  }
}

/** Every limit `payload` breaks (empty when it is within Slack's limits). */
export function blockKitViolations(kind: 'message' | 'modal', payload: Obj): string[] {
  const c = new Checker();
  if (kind === 'modal') {
    c.textObject('title', payload.title, 24, true);
    if (payload.submit !== undefined) c.textObject('submit', payload.submit, 24, true);
    if (payload.close !== undefined) c.textObject('close', payload.close, 24, true);
    if (typeof payload.private_metadata === 'string') c.max('private_metadata', payload.private_metadata, 3000);
    if (typeof payload.callback_id === 'string') c.max('callback_id', payload.callback_id, 255);
    const blocks = c.count('blocks', payload.blocks, 100, 1);
    if (blocks.some((b) => isObj(b) && b.type === 'input') && payload.submit === undefined) c.problems.push('a modal with inputs needs a submit button');
    blocks.forEach((b, i) => c.block(`blocks[${i}]`, b));
  } else {
    if (typeof payload.text === 'string') c.max('text', payload.text, 40_000);
    c.count('blocks', payload.blocks, 50).forEach((b, i) => c.block(`blocks[${i}]`, b));
  }
  return c.problems;
}

/** Violations across everything sent, each prefixed with where it was sent. */
export function allViolations(sent: ReadonlyArray<{ source: string; kind: 'message' | 'modal'; payload: Obj }>): string[] {
  return sent.flatMap((s, i) => blockKitViolations(s.kind, s.payload).map((p) => `#${i} ${s.source}: ${p}`));
}
