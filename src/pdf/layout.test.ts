import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractTextItems } from 'unpdf';
import { Layout, MARGIN, PAGE_HEIGHT, PAGE_WIDTH, TABLE_GAP } from './layout.ts';

const meta = { title: 'Test', author: 'Stadt Musterstadt', subject: 'Test', createdAt: new Date(0) };
const longWord = 'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft';

async function bodyItems(layout: Layout) {
  const { items } = await extractTextItems(new Uint8Array(await layout.finish()));
  return items.map((page) => page.filter((item) => item.str.trim() !== '' && !item.str.startsWith('Seite ')));
}

test('all body text stays inside the margins, also long words and table values', async () => {
  const layout = await Layout.create(meta);
  for (let i = 0; i < 40; i++) {
    layout.heading(`Abschnitt ${i}`);
    layout.paragraph(`${longWord} ${'Wort '.repeat(40)}`);
    layout.table([{ label: longWord, value: `${longWord} ${longWord}` }]);
  }
  const pages = await bodyItems(layout);
  assert.ok(pages.length > 3);
  for (const item of pages.flat()) {
    assert.ok(item.x >= MARGIN.left - 0.01, `"${item.str}" left of the margin`);
    // PDF.js measures non-embedded Helvetica with a substitute font's widths, up to ~1.5 % wider.
    const right = item.x + item.width / 1.02;
    assert.ok(right <= PAGE_WIDTH - MARGIN.right, `"${item.str}" right of the margin`);
    assert.ok(item.y >= MARGIN.bottom && item.y <= PAGE_HEIGHT - MARGIN.top, `"${item.str}" off the page`);
  }
});

test('a heading never ends a page: its first lines follow it', async () => {
  const layout = await Layout.create(meta);
  for (let i = 0; i < 60; i++) {
    layout.heading(`Überschrift ${i}`);
    layout.paragraph(Array.from({ length: (i % 7) + 1 }, (_, n) => `Text ${n}`).join('\n'));
  }
  const pages = await bodyItems(layout);
  assert.ok(pages.length > 2);
  for (const page of pages) assert.ok(!page.at(-1)?.str.startsWith('Überschrift'), 'heading at page end');
});

test('numbers every page and repeats the running header from page two on', async () => {
  const layout = await Layout.create({ ...meta, runningHeader: 'Aktenzeichen X-1' });
  layout.paragraph(Array.from({ length: 120 }, (_, i) => `Zeile ${i}`).join('\n'));
  const { items } = await extractTextItems(new Uint8Array(await layout.finish()));
  const texts = items.map((page) => page.map((item) => item.str));
  assert.equal(texts.length, 3);
  texts.forEach((page, index) => {
    assert.ok(page.includes(`Seite ${index + 1} von 3`));
    assert.equal(page.includes('Aktenzeichen X-1'), index > 0);
  });
});

test('a data table repeats its header on every page, right-aligns numbers and stays in its columns', async () => {
  const layout = await Layout.create(meta);
  const columns = [
    { label: 'Leistung', width: 0.6 },
    { label: 'Anzahl', width: 0.2, align: 'right' as const },
    { label: 'Anteil', width: 0.2, align: 'right' as const },
  ];
  const rows = Array.from({ length: 150 }, (_, i) => [
    i % 10 === 0 ? `${longWord} ${i}` : `Leistung ${i}`,
    String(i * 7),
    `${i % 100} %`,
  ]);
  layout.dataTable(columns, rows);
  const pages = await bodyItems(layout);
  assert.ok(pages.length >= 4, `only ${pages.length} pages`);
  for (const page of pages) {
    assert.equal(page[0]?.str, 'Leistung', 'header first on each page');
    assert.equal(page.filter((item) => item.str === 'Anzahl').length, 1);
  }
  const numbers = pages.flat().filter((item) => /^\d+$/.test(item.str));
  assert.equal(numbers.length, 150);
  const contentWidth = PAGE_WIDTH - MARGIN.left - MARGIN.right;
  const gap = TABLE_GAP;
  const rightEdge = MARGIN.left + 0.8 * contentWidth - gap;
  for (const item of numbers)
    assert.ok(Math.abs(item.x + item.width - rightEdge) < 2, `"${item.str}" not aligned`);
  const text = pages.flat().map((item) => item.str);
  for (let i = 0; i < 150; i += 10) assert.ok(text.includes(String(i * 7)), `row ${i}`);
  for (const item of pages.flat()) {
    assert.ok(item.x + item.width / 1.02 <= PAGE_WIDTH - MARGIN.right, `"${item.str}" right of the margin`);
    assert.ok(item.y >= MARGIN.bottom, `"${item.str}" below the margin`);
    if (item.x < MARGIN.left + 1) {
      assert.ok(
        item.x + item.width / 1.02 <= MARGIN.left + 0.6 * contentWidth - gap,
        `"${item.str}" overflows`,
      );
    }
  }
});
