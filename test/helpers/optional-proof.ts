/**
 * The library card's proof page in tests: an adult student's answers up to it, and a variant of the card
 * whose proof page has a text question and an optional file (for removing a file).
 */
import assert from 'node:assert/strict';
import type { ServicePackage } from '../../src/packages/schema.ts';
import type { Client } from './client.ts';
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

/**
 * Signs in and answers the library card (`service`: the shipped one or the variant) up to its proof page as
 * an adult student; returns the proof page's URL, the last page the client has seen.
 */
export async function toProofPage(
  citizen: Client,
  person: string,
  service = 'bibliotheksausweis',
): Promise<string> {
  const form = `/dienste/${service}/formular`;
  await citizen.get(`/anmelden?weiter=${encodeURIComponent(form)}`);
  await citizen.post(`/anmelden?weiter=${encodeURIComponent(form)}`, { person, trustLevel: 'basic' });
  const steps: [string, Record<string, string>, string][] = [
    ['person', { givenName: 'Jana', familyName: 'Kowalski', birthDate: '14.02.1990' }, 'kontakt'],
    [
      'kontakt',
      {
        'address.street': 'Bahnhofstraße',
        'address.houseNumber': '101',
        'address.postalCode': '12345',
        'address.city': 'Musterstadt',
      },
      'ermaessigung',
    ],
    ['ermaessigung', { reduction: 'ausbildung' }, 'nachweis'],
  ];
  for (const [page, fields, next] of steps) {
    await citizen.get(`${form}/${page}`);
    const saved = await citizen.post(`${form}/${page}`, fields);
    assert.equal(saved.headers.location, `${form}/${next}`, saved.body);
  }
  await citizen.get(`${form}/nachweis`);
  return `${form}/nachweis`;
}
