import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadPackage, parsePackageText } from '../load.ts';
import { importFimCommand } from './cli.ts';

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
