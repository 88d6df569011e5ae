import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRuleText } from './rules.ts';

// Rule texts as they appear in real schemas (S00000000364, S00000000373 in XDF 3; S05000058 in XDF 2).
test('WENN … = JA, DANN aktiviere … / WENN … = NEIN, DANN deaktiviere …', () => {
  const text = `WENN Datenfeld F00000003445 "Abweichende Ausgabestelle" = JA, DANN aktiviere Datenfeldgruppe G00000002211 "Sitz der Ausgabestelle".

WENN Datenfeld F00000003445 "Abweichende Ausgabestelle" = NEIN, DANN deaktiviere Datenfeldgruppe G00000002211 "Sitz der Ausgabestelle".`;
  assert.deepEqual(parseRuleText(text), [
    { source: 'F00000003445', value: 'JA', target: 'G00000002211', activate: true },
    { source: 'F00000003445', value: 'NEIN', target: 'G00000002211', activate: false },
  ]);
});

test('a code value and two actions in one sentence', () => {
  const text =
    "WENN Datenfeld F00000003430 'Art der Mitteilung' = 001 'Bestellung', DANN aktiviere Datenfeldgruppe G00000002252 'Grundlage der Bestellung' und deaktiviere das Datenfeld F00000003540 'Datum der Erlöschung'.";
  assert.deepEqual(parseRuleText(text), [
    { source: 'F00000003430', value: '001', target: 'G00000002252', activate: true },
    { source: 'F00000003430', value: '001', target: 'F00000003540', activate: false },
  ]);
});

test('XDatenfelder 2.0 style: "Wenn bei F… "02 …" angegeben wird, dann wird G… zur Pflichtangabe"', () => {
  const text = `Wenn bei F05001047 "02 Das Fahrzeug ist auf einen anderen Halter zugelassen." angegeben wird, dann
        wird G05000499 zur Pflichtangabe.`;
  assert.deepEqual(parseRuleText(text), [
    { source: 'F05001047', value: '02', target: 'G05000499', activate: true },
  ]);
});

test('prose of another shape is not translated', () => {
  assert.equal(
    parseRuleText(
      'Es muss entweder Feldgruppe G60000086 "Straßenanschrift" oder Feldgruppe G60000087 "Postfachanschrift" befüllt werden.',
    ),
    undefined,
  );
  assert.equal(parseRuleText('WENN F1 = 1, DANN prüfe die Angaben.'), undefined);
  // One untranslatable sentence makes the whole rule untranslatable.
  assert.equal(parseRuleText('WENN F1 = JA, DANN aktiviere G2. Wenn irgendwas, dann rechne.'), undefined);
  assert.equal(parseRuleText(''), undefined);
});
