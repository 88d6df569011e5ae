import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CompiledPackage } from './compile.ts';
import { createServiceRegistry } from './registry.ts';

type Entry = Parameters<typeof createServiceRegistry>[1][number];

const entry = (id: string, version: string, status: Entry['status'] = 'published'): Entry => ({
  pkg: { definition: { id, version } } as CompiledPackage,
  status,
});

test('the last published version is offered, every version stays findable', () => {
  const registry = createServiceRegistry(async () => [], [entry('a', '1.0.0'), entry('a', '1.1.0')]);
  assert.equal(registry.find('a')?.definition.version, '1.1.0');
  assert.ok(registry.findVersion('a', '1.0.0'));
});

test('a reload that started earlier never replaces the result of a later one', async () => {
  const loads: ((entries: Entry[]) => void)[] = [];
  const registry = createServiceRegistry(() => new Promise((resolve) => loads.push(resolve)), []);
  const earlier = registry.reload();
  const later = registry.reload();
  loads[1]?.([entry('a', '1.0.0'), entry('a', '2.0.0')]);
  await later;
  loads[0]?.([entry('a', '1.0.0')]);
  await earlier;
  assert.equal(registry.find('a')?.definition.version, '2.0.0');
});
