/**
 * Fills a question page in the browser from raw answers, in the format the form posts (scalars by name,
 * an address as `name.street|houseNumber|postalCode|city`, a repeating group as a list of items named
 * `name.i.field`, multiChoice as a list, yes/no as 'yes'/'no', a file as { filename, mediaType }), either
 * with Playwright's actions or by keyboard alone (Tab, typing, Space, arrow keys, Enter).
 */
import assert from 'node:assert/strict';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Locator, Page } from 'playwright-core';
import { tabTo } from './browser.ts';

export type RawAnswers = Readonly<Record<string, unknown>>;

/** An upload named in the answers; the test uploads a real file of that type instead. */
export interface FileSpec {
  filename: string;
  mediaType: string;
}

type Expected =
  | { kind: 'text'; value: string }
  | { kind: 'many'; values: string[] }
  | { kind: 'file'; file: FileSpec };

interface FlatAnswers {
  /** Input name → what it should hold. */
  inputs: Map<string, Expected>;
  /** Repeating group name → the number of items it should have. */
  counts: Map<string, number>;
}

const isFileSpec = (value: unknown): value is FileSpec =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as FileSpec).filename === 'string' &&
  typeof (value as FileSpec).mediaType === 'string';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The answers as the inputs of a page name them. */
export function flattenAnswers(answers: RawAnswers): FlatAnswers {
  const flat: FlatAnswers = { inputs: new Map(), counts: new Map() };
  const add = (name: string, value: unknown): void => {
    if (value === null || value === undefined) return;
    if (isFileSpec(value)) flat.inputs.set(name, { kind: 'file', file: value });
    else if (Array.isArray(value) && value.every(isRecord)) {
      flat.counts.set(name, value.length);
      value.forEach((item, index) => {
        for (const [field, inner] of Object.entries(item)) add(`${name}.${index}.${field}`, inner);
      });
    } else if (Array.isArray(value)) flat.inputs.set(name, { kind: 'many', values: value.map(String) });
    else if (isRecord(value))
      for (const [part, inner] of Object.entries(value)) add(`${name}.${part}`, inner);
    else flat.inputs.set(name, { kind: 'text', value: String(value) });
  };
  for (const [name, value] of Object.entries(answers)) add(name, value);
  return flat;
}

/** A real file of the named type: a PDF made with pdf-lib, an image as a screenshot of the page. */
export async function realFile(page: Page, spec: FileSpec) {
  let buffer: Buffer;
  if (spec.mediaType === 'application/pdf') {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage([595, 842]).drawText(`Nachweis ${spec.filename}`, { x: 50, y: 780, size: 14, font });
    buffer = Buffer.from(await pdf.save());
  } else if (spec.mediaType === 'image/png' || spec.mediaType === 'image/jpeg') {
    const type = spec.mediaType === 'image/png' ? 'png' : 'jpeg';
    buffer = await page.screenshot({ type, clip: { x: 0, y: 0, width: 40, height: 40 } });
  } else {
    throw new Error(`no generator for ${spec.mediaType} (${spec.filename})`);
  }
  return { name: spec.filename, mimeType: spec.mediaType, buffer };
}

// Tab presses before giving up on reaching a control: Gewerbeanmeldung's check-your-answers with two items
// in its repeating group has 204 rows (77 per item), each with a change link.
const MAX_TABS = 500;

/** The form that carries the page's answers (not the header's log-out form). */
export function questionForm(page: Page): Locator {
  return page.locator('form').filter({ has: page.getByRole('button', { name: 'Weiter', exact: true }) });
}

/** Runs `act` and waits until the document it navigates to (a post, a redirect, a link) has loaded. */
export async function afterNavigation(page: Page, act: () => Promise<void>): Promise<void> {
  const loaded = page.waitForEvent('load');
  await act();
  await loaded;
}

export interface FillOptions {
  keyboard?: boolean;
  /** The form to fill; the question form by default. */
  form?: Locator;
  /** Called after each page a repeat button brings (the same page with one item more or less). */
  onRepeatChange?: () => Promise<void>;
  /**
   * Where a repeating group needs items added, one item more is added and removed again: the remove button
   * is pressed too, and the answers stay the same.
   */
  addOneTooMany?: boolean;
}

interface Control {
  name: string;
  type: string;
  value: string;
}

async function controls(form: Locator): Promise<Control[]> {
  return form.locator('input, select, textarea').evaluateAll((elements) =>
    elements.map((e) => ({
      name: e.getAttribute('name') ?? '',
      type: e instanceof HTMLSelectElement ? 'select' : (e.getAttribute('type') ?? e.tagName.toLowerCase()),
      value: (e as HTMLInputElement).value,
    })),
  );
}

const byName = (form: Locator, name: string, value?: string) =>
  form.locator(value === undefined ? `[name="${name}"]` : `[name="${name}"][value="${value}"]`);

/** Each repeating group on the form (its name) with the number of items it has now. */
async function repeatCounts(form: Locator): Promise<Map<string, number>> {
  const counters = (await controls(form)).filter((c) => c.name.endsWith('._count'));
  return new Map(counters.map((c) => [c.name.slice(0, -'._count'.length), Number(c.value)]));
}

/** The repeat button to press next for the page to have the answers' counts; none when it has them. */
function nextRepeatAction(counts: Map<string, number>, flat: FlatAnswers): string | undefined {
  for (const [group, have] of counts) {
    const want = flat.counts.get(group) ?? have;
    if (want > have) return `add:${group}`;
    if (want < have) return `remove:${group}:${have - 1}`;
  }
  return undefined;
}

/**
 * Presses the repeat buttons until each group on the page has as many items as the answers have. With
 * `addOneTooMany`, a group that needs items added has its first item (still empty) removed after the first
 * add, and then gets the rest: the first item's remove button is the one fewest Tab presses away.
 */
async function matchRepeatCounts(page: Page, flat: FlatAnswers, options: FillOptions): Promise<void> {
  const formOf = () => options.form ?? questionForm(page);
  const arrived = await repeatCounts(formOf());
  // The groups with the count each arrived with.
  const removeOnce = new Set(
    [...arrived].filter(([group, have]) => options.addOneTooMany && (flat.counts.get(group) ?? 0) > have),
  );
  for (let round = 0; round < 200; round++) {
    const form = formOf();
    const counts = await repeatCounts(form);
    const grown = [...removeOnce].find(([group, have]) => (counts.get(group) ?? 0) > have);
    if (grown) removeOnce.delete(grown);
    const value = grown ? `remove:${grown[0]}:0` : nextRepeatAction(counts, flat);
    if (value === undefined) return;
    const button = form.locator(`button[name="_action"][value="${value}"]`);
    assert.equal(await button.count(), 1, `${page.url()}: no button ${value}`);
    await activate(page, button, options.keyboard);
    await options.onRepeatChange?.();
  }
  assert.fail(`${page.url()}: the repeating groups never reached their counts`);
}

/**
 * Fills the current question page from the answers; inputs without an answer, and those of questions
 * hidden at their turn, are left as they are.
 */
export async function fillPage(page: Page, answers: RawAnswers, options: FillOptions = {}): Promise<void> {
  const flat = flattenAnswers(answers);
  await matchRepeatCounts(page, flat, options);
  const form = options.form ?? questionForm(page);
  const done = new Set<string>();
  for (const control of await controls(form)) {
    const expected = flat.inputs.get(control.name);
    if (!expected || control.type === 'hidden') continue;
    if (control.type === 'radio' && done.has(control.name)) continue;
    // A question that reveal.js hides (it does not apply for the answers chosen above it) stays empty.
    const hidden = await byName(form, control.name)
      .first()
      .evaluate((e) => e.closest('[hidden]') !== null);
    if (hidden) continue;
    done.add(control.name);
    if (options.keyboard) await fillByKeyboard(page, form, control, expected);
    else await fillByActions(page, form, control, expected);
  }
}

function fileOf(control: Control, expected: Expected): FileSpec {
  if (expected.kind !== 'file') assert.fail(`${control.name} is a file input, the answer is not a file`);
  return expected.file;
}

function wantedValues(expected: Expected): string[] {
  return expected.kind === 'many' ? expected.values : expected.kind === 'text' ? [expected.value] : [];
}

async function fillByActions(page: Page, form: Locator, control: Control, expected: Expected) {
  const inputs = byName(form, control.name);
  switch (control.type) {
    case 'radio':
      return byName(form, control.name, wantedValues(expected)[0]).check();
    case 'checkbox': {
      const box = byName(form, control.name, control.value);
      return wantedValues(expected).includes(control.value) ? box.check() : box.uncheck();
    }
    case 'select':
      return inputs.selectOption(wantedValues(expected)[0] ?? '');
    case 'file':
      return inputs.setInputFiles(await realFile(page, fileOf(control, expected)));
    default:
      return inputs.fill(wantedValues(expected)[0] ?? '');
  }
}

async function fillByKeyboard(page: Page, form: Locator, control: Control, expected: Expected) {
  const keyboard = page.keyboard;
  const inputs = byName(form, control.name);
  switch (control.type) {
    case 'radio':
      return chooseRadioByKeyboard(page, control.name, wantedValues(expected)[0] ?? '');
    case 'checkbox': {
      const box = byName(form, control.name, control.value);
      if (wantedValues(expected).includes(control.value) === (await box.isChecked())) return;
      await tabTo(page, box, MAX_TABS);
      return keyboard.press('Space');
    }
    case 'select': {
      await tabTo(page, inputs, MAX_TABS);
      const wanted = wantedValues(expected)[0] ?? '';
      const options = await inputs.locator('option').count();
      for (let i = 0; i <= options && (await inputs.inputValue()) !== wanted; i++)
        await keyboard.press('ArrowDown');
      return assert.equal(await inputs.inputValue(), wanted, `${control.name} by keyboard`);
    }
    case 'file':
      return uploadByKeyboard(page, inputs, control.name, fileOf(control, expected));
    default: {
      await tabTo(page, inputs, MAX_TABS);
      await keyboard.press('ControlOrMeta+A');
      const value = wantedValues(expected)[0] ?? '';
      if (value === '') await keyboard.press('Delete');
      else await keyboard.type(value);
      return assert.equal(await inputs.inputValue(), value, `${control.name} typed`);
    }
  }
}

/** `promise`, or a failure naming `what` after `ms` milliseconds. */
async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Tabs to a file input, opens its chooser with Space and chooses `file`. Playwright's 'filechooser' event
 * would race with Space: adding its listener asks Chromium to intercept choosers without waiting for the
 * answer. So a CDP session of our own turns interception on, and Chromium has confirmed it before Space is
 * pressed; then the file is set through the input, as Playwright's FileChooser.setFiles does.
 */
async function uploadByKeyboard(page: Page, input: Locator, name: string, spec: FileSpec) {
  const file = await realFile(page, spec);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Page.enable'); // for its event Page.fileChooserOpened
    await cdp.send('Page.setInterceptFileChooserDialog', { enabled: true });
    const opened = new Promise<number | undefined>((resolve) =>
      cdp.once('Page.fileChooserOpened', (event) => resolve(event.backendNodeId)),
    );
    await tabTo(page, input, MAX_TABS);
    await page.keyboard.press('Space');
    const backendNodeId = await within(30_000, `file chooser for ${name}`, opened);
    assert.ok(backendNodeId, `the chooser for ${name} belongs to an input`);
    // [name, value, name, value, …]
    const attributes = (await cdp.send('DOM.describeNode', { backendNodeId })).node.attributes ?? [];
    const at = attributes.findIndex((attribute, i) => i % 2 === 0 && attribute === 'name');
    assert.equal(attributes[at + 1], name, `the chooser opened is that of ${name}`);
  } finally {
    await cdp.detach();
  }
  await input.setInputFiles(file);
}

/** Activates a link or button: a click, or by keyboard Tab until it has the focus, then Enter. */
export async function activate(page: Page, target: Locator, keyboard = false): Promise<void> {
  if (!keyboard) return afterNavigation(page, () => target.click());
  // Tabbing past the many fields of a long page takes a while, which is no part of the navigation's time.
  await tabTo(page, target, MAX_TABS);
  await afterNavigation(page, () => page.keyboard.press('Enter'));
}

/** Tabs into a radio group, then moves with the arrow keys to the wanted radio and selects it. */
async function chooseRadioByKeyboard(page: Page, name: string, value: string): Promise<void> {
  const focused = () =>
    page.evaluate(() => {
      const e = document.activeElement;
      return e instanceof HTMLInputElement ? { name: e.name, value: e.value, checked: e.checked } : undefined;
    });
  let current = await focused();
  for (let presses = 0; current?.name !== name; presses++) {
    assert.ok(presses < MAX_TABS, `Tab never reached the radios ${name} on ${page.url()}`);
    await page.keyboard.press('Tab');
    current = await focused();
  }
  for (let moves = 0; current?.value !== value; moves++) {
    assert.ok(moves < 100, `the arrow keys never reached ${name}=${value}`);
    await page.keyboard.press('ArrowDown');
    current = await focused();
  }
  if (!current.checked) await page.keyboard.press('Space');
  assert.equal((await focused())?.checked, true, `${name}=${value} chosen by keyboard`);
}
