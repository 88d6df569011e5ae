import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageSchemaJson, testPackageCommand } from './cli.ts';

const root = join(import.meta.dirname, '..', '..');

test('the published JSON Schema in docs/schema is the one the code validates with', async () => {
  const published = await readFile(join(root, 'docs', 'schema', 'service-package.schema.json'), 'utf8');
  assert.equal(published, packageSchemaJson());
});

test('package test on a shipped package prints each case and exits 0', async () => {
  const lines: string[] = [];
  const code = await testPackageCommand(join(root, 'services', 'bibliotheksausweis'), (line) =>
    lines.push(line),
  );
  assert.equal(code, 0);
  assert.match(lines.at(-1) ?? '', /^\d+ passed, 0 failed$/);
  assert.ok(lines.some((line) => line.startsWith('✔ a child needs a guardian')));
});

test('package test on a broken package lists the problems and exits 1', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'amtsweg-pkg-'));
  try {
    const text = await readFile(join(root, 'services', 'bibliotheksausweis', 'package.yaml'), 'utf8');
    await writeFile(join(dir, 'package.yaml'), text.replace('condition: isMinor', 'condition: isMinr'));
    const lines: string[] = [];
    assert.equal(await testPackageCommand(dir, (line) => lines.push(line)), 1);
    assert.match(lines.join('\n'), /unknown name/);
    assert.equal(await testPackageCommand(join(dir, 'missing'), (line) => lines.push(line)), 1);
    assert.match(lines.at(-1) ?? '', /Nicht gefunden/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
