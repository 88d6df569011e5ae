import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileExpression, FeelError, isTrue } from './feel.ts';

test('a compiled expression evaluates against different answers', () => {
  const isMinor = compileExpression('age < 18', ['age', 'name']);
  assert.equal(isMinor({ age: 12 }), true);
  assert.equal(isMinor({ age: 40 }), false);
});

test('a fee per dog: the second and every listed dog cost more', () => {
  const fee = compileExpression(
    'sum(for i in 1..count(dogs) return if dogs[i].listed = "yes" then 60000 else if i > 1 then 15000 else 9000)',
    ['dogs'],
  );
  assert.equal(fee({ dogs: [{ listed: 'no' }] }), 9000);
  assert.equal(fee({ dogs: [{ listed: 'no' }, { listed: 'no' }] }), 24000);
  assert.equal(fee({ dogs: [{ listed: 'no' }, { listed: 'yes' }] }), 69000);
});

test('missing answers are null, and a comparison with null is not true', () => {
  const adult = compileExpression('age >= 18', ['age']);
  assert.equal(isTrue(adult({})), false);
  assert.equal(adult({}), null);
});

test('a syntax error is reported with the expression', () => {
  assert.throws(
    () => compileExpression('age >', ['age']),
    (error: unknown) => error instanceof FeelError && /age >/.test(error.message),
  );
});

test('a name the package does not define is refused when compiling', () => {
  assert.throws(
    () => compileExpression('agee >= 18', ['age']),
    (error: unknown) => error instanceof FeelError && /unknown name/.test(error.message),
  );
});
