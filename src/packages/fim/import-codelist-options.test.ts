import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { importCodeListCommand } from './cli.ts';

const list = join(
  import.meta.dirname,
  ...['..', '..', '..', 'test', 'fixtures', 'fim', 'glykon', 'examples', '2.0', 'bewohnerparken'],
  'C60000016_genericode.xml',
);

test('import-codelist refuses option names an object would have, printing the usage', async () => {
  for (const option of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    const err: string[] = [];
    const code = await importCodeListCommand(
      [list, option, 'x'],
      () => {},
      (line) => err.push(line),
    );
    assert.equal(code, 2, option);
    assert.match(err.join('\n'), /^Usage:/, option);
  }
});
