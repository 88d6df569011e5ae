import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadPackageDirectory } from '../../packages/load.ts';
import { assessMaturity, combineAnswers, deriveAnswers, type MaturityAnswers } from './assess.ts';
import { MaturityAnswerError } from './errors.ts';
import { MATURITY_MODELS } from './models.ts';
import { type PackageFacts, packageFacts } from './package-facts.ts';

const v1 = MATURITY_MODELS['1.1'];
const v2 = MATURITY_MODELS['2.0'];

const factsOf = async (): Promise<Map<string, PackageFacts>> => {
  const all = await loadPackageDirectory(join(import.meta.dirname, '..', '..', '..', 'services'));
  return new Map(all.map((p) => [p.definition.id, packageFacts(p.definition)]));
};

// Each shipped package has log-in, a digital Bescheid in the postbox and (where it needs them) uploads, which
// is level 3 of model 1.1 - except that each states an amount to pay and Amtsweg cannot take payments yet, so
// the payment criterion ("Bezahlprozess (falls erforderlich)") honestly holds all three at level 2.
test('model 1.1: the three shipped packages reach level 2, held down by the missing online payment', async () => {
  for (const [id, facts] of await factsOf()) {
    const result = assessMaturity(v1, deriveAnswers(v1, facts));
    assert.deepEqual(
      result,
      { level: 2, provisional: true, limitedBy: ['bezahlung'], unanswered: ['weiterverarbeitung'] },
      id,
    );
  }
});

test('model 1.1: without a fee, Bewohnerparkausweis is an Online-Leistung (level 3)', async () => {
  const facts = (await factsOf()).get('bewohnerparkausweis') as PackageFacts;
  const free = { ...facts, fee: { value: false, reason: 'kostenlos' } };
  const answers = combineAnswers(v1, deriveAnswers(v1, free), {
    weiterverarbeitung: { option: 'digital', reason: 'Bearbeitung vollständig in Amtsweg' },
  });
  // Level 4 would need data reuse in the form and register retrieval of the Fahrzeugschein.
  assert.deepEqual(assessMaturity(v1, answers), {
    level: 3,
    provisional: false,
    limitedBy: ['antrag', 'onceOnly'],
    unanswered: [],
  });
});

test('derived answers carry the fact reasons in German', async () => {
  const facts = (await factsOf()).get('bewohnerparkausweis') as PackageFacts;
  const answers = deriveAnswers(v1, facts);
  assert.deepEqual(answers.authentifizierung, {
    option: 'online',
    reason: 'Anmeldung mit Vertrauensniveau „substanziell“ über das Nutzerkonto',
    derived: true,
  });
  assert.equal(answers.bezahlung?.option, 'offline');
  assert.match(
    answers.bezahlung?.reason ?? '',
    /^Das Paket nennt Kosten: .*; Amtsweg bietet noch keine Online-Bezahlung an$/,
  );
  assert.equal(answers.weiterverarbeitung, undefined, 'a staff criterion is not derived');
});

test('model 2.0: provisional until staff answer the Organisationskonto and Fachverfahren criteria', async () => {
  const facts = (await factsOf()).get('bewohnerparkausweis') as PackageFacts;
  const derived = deriveAnswers(v2, facts);
  assert.deepEqual(assessMaturity(v2, derived), {
    level: 2,
    provisional: true,
    limitedBy: ['bezahlung'],
    unanswered: ['organisationskonto', 'fachverfahren'],
  });
  const free = deriveAnswers(v2, { ...facts, fee: { value: false, reason: 'kostenlos' } });
  const answered = combineAnswers(v2, free, {
    organisationskonto: { option: 'notNeeded', reason: 'Nur Privatpersonen beantragen.' },
    fachverfahren: { option: 'structured', reason: 'Bearbeitung in Amtsweg.' },
  });
  assert.deepEqual(assessMaturity(v2, answered), {
    level: 5,
    provisional: false,
    limitedBy: ['onceOnly', 'postfach', 'statusmonitor', 'eAkte'],
    unanswered: [],
  });
});

test('the weakest criterion sets the level', () => {
  const answers: MaturityAnswers = {
    nutzerkonto: { option: 'account', reason: 'r', derived: false },
    onceOnly: { option: 'uploadOnly', reason: 'r', derived: false },
    bescheid: { option: 'paper', reason: 'r', derived: false },
    bezahlung: { option: 'offline', reason: 'r', derived: false },
  };
  const result = assessMaturity(v1, answers);
  assert.equal(result.level, 2);
  assert.deepEqual(result.limitedBy, ['bezahlung', 'bescheid']);
  assert.equal(result.provisional, true);
  assert.equal(result.unanswered.length, 6);
});

test('no answers: the top level as an upper bound, provisional, limited by nothing', () => {
  assert.deepEqual(assessMaturity(v2, {}), {
    level: 7,
    provisional: true,
    limitedBy: [],
    unanswered: v2.criteria.map((c) => c.id),
  });
});

test('unknown criterion or option ids throw a clear error', () => {
  assert.throws(
    () => assessMaturity(v1, { teleport: { option: 'x', reason: 'r', derived: false } }),
    new MaturityAnswerError('model 1.1: unknown criterion "teleport"'),
  );
  assert.throws(
    () => assessMaturity(v1, { bezahlung: { option: 'bitcoin', reason: 'r', derived: false } }),
    /criterion "bezahlung": unknown option "bitcoin" \(known: notNeeded, online, offline\)/,
  );
});

test('staff cannot override a derived answer, and must justify theirs', async () => {
  const facts = (await factsOf()).get('hundesteuer') as PackageFacts;
  const derived = deriveAnswers(v1, facts);
  assert.throws(
    () => combineAnswers(v1, derived, { bezahlung: { option: 'notNeeded', reason: 'Steuer, keine Gebühr' } }),
    /criterion "bezahlung": derived from the package fact "fee", cannot be answered by staff/,
  );
  assert.throws(
    () => combineAnswers(v1, derived, { weiterverarbeitung: { option: 'digital', reason: '  ' } }),
    /a justification is required/,
  );
});
