import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { loadPackage, parsePackageText } from '../load.ts';
import type { ServicePackage } from '../schema.ts';
import { importCodeListCommand, importFimCommand } from './cli.ts';

const fixtures = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'fim');
const bewohnerparken = join(fixtures, 'glykon', 'examples', '2.0', 'bewohnerparken');

test('import-fim prints a package that loads, with the schema’s code lists', async () => {
  const codeLists = (await readdir(bewohnerparken))
    .filter((f) => f.startsWith('C'))
    .map((f) => join(bewohnerparken, f));
  const out: string[] = [];
  const err: string[] = [];
  const code = await importFimCommand(
    [join(bewohnerparken, 'S05000058V1.0_xdf2.xml'), ...codeLists],
    (l) => out.push(l),
    (l) => err.push(l),
  );
  assert.equal(code, 0, err.join('\n'));
  const pkg = loadPackage(parsePackageText(out.join('\n'), 'import'), 'import');
  assert.equal(pkg.definition.id, 's05000058');
  assert.ok(Object.keys(pkg.definition.codeLists ?? {}).length >= 6);
  assert.ok(err.some((line) => line.startsWith('Hinweis: Regel R05000281')));
});

test('import-fim reports a missing file and an invalid schema with exit code 1', async () => {
  const err: string[] = [];
  assert.equal(
    await importFimCommand(
      [join(fixtures, 'nope.xml')],
      () => {},
      (l) => err.push(l),
    ),
    1,
  );
  assert.match(err.at(-1) ?? '', /Nicht gefunden/);
  assert.equal(
    await importFimCommand(
      [join(fixtures, 'README.md')],
      () => {},
      (l) => err.push(l),
    ),
    1,
  );
  assert.match(err.at(-1) ?? '', /^✖ /);
});

test('import-codelist prints a codeLists entry that a hand-written package can use', async () => {
  const file = join(bewohnerparken, 'C60000016_genericode.xml');
  const out: string[] = [];
  const err: string[] = [];
  assert.equal(
    await importCodeListCommand(
      [file],
      (l) => out.push(l),
      (l) => err.push(l),
    ),
    0,
    err.join('\n'),
  );
  const { codeLists } = parse(out.join('\n'));
  const [id, list] = Object.entries(codeLists)[0] as [string, { entries: { code: string }[] }];
  const rows = (await readFile(file, 'utf8')).match(/<Row>/g)?.length;
  assert.equal(list.entries.length, rows, 'one entry per row of the file');

  const pkg = parsePackageText(
    await readFile(
      join(import.meta.dirname, '..', '..', '..', 'services', 'hundesteuer', 'package.yaml'),
      'utf8',
    ),
    'hundesteuer',
  ) as ServicePackage;
  pkg.codeLists = { ...pkg.codeLists, ...codeLists };
  pkg.form.pages[0]?.fields.push({
    kind: 'codeList',
    name: 'nationality',
    label: { de: 'Staat' },
    codeList: id,
    optional: true,
  });
  const loaded = loadPackage(pkg, 'with the imported list');
  assert.ok(loaded.definition.codeLists?.[id]);

  assert.equal(
    await importCodeListCommand(
      [file, '--code-key'],
      () => {},
      (l) => err.push(l),
    ),
    2,
  );
  assert.equal(
    await importCodeListCommand(
      [join(fixtures, 'README.md')],
      () => {},
      (l) => err.push(l),
    ),
    1,
  );
  assert.match(err.at(-1) ?? '', /^✖ /);
});
