import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StatementNames } from './prepared-statements.ts';

const draftRead = 'select "id", "answers" from "drafts" where "tenant_ars" = $1 and "citizen_id" = $2';

test('a data statement keeps one name for its text', () => {
  const names = new StatementNames();
  const name = names.nameOf(draftRead);
  assert.ok(name);
  assert.equal(names.nameOf(draftRead), name);
  assert.notEqual(names.nameOf('insert into "drafts" ("answers") values ($1)'), name);
  assert.ok(names.nameOf('  WITH next AS (SELECT 1) UPDATE "jobs" SET "state" = $1'));
});

test('statements whose result columns follow the schema, DDL and transaction control stay unnamed', () => {
  const names = new StatementNames();
  for (const sql of [
    'select * from "cases" where "id" = $1',
    'update "cases" set "version" = $1 returning *',
    'select "cases".* from "cases"',
    'begin',
    'commit',
    'alter table "drafts" add column "x" text',
    'selector',
  ])
    assert.equal(names.nameOf(sql), undefined, sql);
});

test('past the cap, new texts run unnamed while known ones keep their names', () => {
  const names = new StatementNames(2);
  const first = names.nameOf('select 1');
  assert.ok(first);
  assert.ok(names.nameOf('select 2'));
  assert.equal(names.nameOf('select 3'), undefined);
  assert.equal(names.nameOf('select 1'), first);
});
