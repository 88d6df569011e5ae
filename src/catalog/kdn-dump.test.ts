import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CatalogFileError } from './catalog-csv.ts';
import { parseKdnDump, readDumpTable } from './kdn-dump.ts';

// Shaped like kdn-nrw/OZG-Datenbank-NRW doc-dev/databases/symfony.data.sql, cut down to the columns we read.
const DUMP = `
LOCK TABLES \`ozg_service\` WRITE;
INSERT INTO \`ozg_service\` (\`id\`, \`name\`, \`service_system_id\`, \`service_key\`, \`service_type\`, \`relevance1\`, \`relevance2\`) VALUES
 (1,'(Baumuster-) Prüfung von Gefahrengutverpackungen',395,'nicht im LeiKa','1',1,1),
 (2,'Bewohnerparkausweis Erteilung',173,'99108001001000','2/3',0,1),
 (3,'Auskunft \\'Bundes\\'-Register\\\\Teil ''2''',173,'99000000000003','1',1,0),
 (4,'Ohne Bündel',NULL,'99000000000004','4',0,0),
 (5,'Unter Testlage',999,'99000000000005','5',0,0),
 (6,'Schon da',173,'99108001001000','4',0,0);
INSERT INTO \`ozg_service_system\` (\`id\`, \`situation_id\`, \`service_key\`, \`description\`, \`name\`) VALUES
 (173,31,'10173',NULL,'Parkausweise und Zufahrtsberechtigungen'),(999,64,'10999','Test','aaaa');
INSERT INTO \`ozg_situation\` (\`id\`, \`subject_id\`, \`name\`) VALUES
 (31,9,'Kfz-Besitz'),
 (64,1,'aaaaaaaaaaaaaaaaa');
INSERT INTO \`ozg_subject\` (\`id\`, \`name\`) VALUES
 (1,'Arbeit & Ruhestand');
INSERT INTO \`ozg_subject\` (\`id\`, \`name\`) VALUES
 (9,'Mobilität & Reisen ');
`;

test('reads a multi-row INSERT with quotes, backslash escapes and NULL', () => {
  const rows = readDumpTable(DUMP, 'ozg_service', 'dump.sql');
  assert.equal(rows.length, 6);
  assert.equal(rows[2]?.name, "Auskunft 'Bundes'-Register\\Teil '2'");
  assert.equal(rows[3]?.service_system_id, null);
  assert.equal(rows[1]?.relevance2, '1');
  // `ozg_service_system` must not be mistaken for `ozg_service`, and split INSERTs add up.
  assert.equal(readDumpTable(DUMP, 'ozg_subject', 'dump.sql').length, 2);
});

test('joins the four tables and counts the rows it leaves out', () => {
  const { rows, dropped } = parseKdnDump(DUMP, 'dump.sql');
  assert.deepEqual(dropped, { notInLeika: 1, withoutBundle: 1, junkLage: 1, duplicateKey: 1 });
  assert.deepEqual(
    rows.map((row) => [row.leikaKey, row.leikaType, row.municipal, row.sdgAnnex1, row.sdgAnnex2]),
    [
      ['99000000000003', '1', false, true, false],
      ['99108001001000', '2/3', true, false, true],
    ],
  );
  assert.deepEqual(rows[1]?.bundle, {
    ozgId: '10173',
    name: 'Parkausweise und Zufahrtsberechtigungen',
    lage: 'Kfz-Besitz',
    lageKind: 'lebenslage',
    themenfeld: 'Mobilität & Reisen',
  });
});

test('a broken dump names the line; a dump without the catalogue tables is refused', () => {
  assert.throws(
    () => readDumpTable("x\nINSERT INTO `t` (`a`) VALUES\n ('open);", 't', 'bad.sql'),
    (error: unknown) =>
      error instanceof CatalogFileError &&
      /^Zeile 3: Der SQL-Dump ist hier nicht lesbar/.test(error.problems[0] ?? ''),
  );
  assert.throws(() => parseKdnDump('SELECT 1;', 'empty.sql'), CatalogFileError);
});
