/** A library card variant whose proof page has a text question and an optional file: for removing a file. */
import assert from 'node:assert/strict';
import type { ServicePackage } from '../../src/packages/schema.ts';
import { publishInto, readShippedPackage } from './packages.ts';
import type { TestPlatform } from './platform.ts';

export const OPTIONAL_PROOF_SERVICE = 'bibliotheksausweis-nachweis-optional';
export const INSTITUTION_LABEL = 'Name der Hochschule oder des Ausbildungsbetriebs';

/**
 * Publishes the variant under its own id (the shipped card stays as it is): on the proof page, first the
 * name of the institution, then the proof, which may be left out.
 */
export async function publishOptionalProofCard(platform: TestPlatform): Promise<void> {
  const pkg: ServicePackage = await readShippedPackage('bibliotheksausweis');
  pkg.id = OPTIONAL_PROOF_SERVICE;
  pkg.version = '1.0.0';
  pkg.metadata.title = { de: 'Bibliotheksausweis mit freiwilligem Nachweis' };
  const page = pkg.form.pages.find((p) => p.id === 'nachweis');
  const proof = page?.fields[0];
  assert.ok(page && proof?.kind === 'file', 'the library card asks for a proof');
  page.fields = [
    { kind: 'text', name: 'institution', label: { de: INSTITUTION_LABEL }, maxLength: 200 },
    { ...proof, optional: true },
  ];
  // The shipped test cases with a reduction expect the proof to be required.
  pkg.tests = pkg.tests.filter((testCase) =>
    [undefined, 'keine'].includes(testCase.answers.reduction as string),
  );
  await publishInto(platform, pkg);
}
