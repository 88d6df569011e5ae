/** Shipped sample packages as editable data, and publishing a changed version into a test platform. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileFieldDef } from '../../src/forms/types.ts';
import { DEMO_TENANT } from '../../src/identity/tenants.ts';
import { parsePackageText } from '../../src/packages/load.ts';
import type { ServicePackage } from '../../src/packages/schema.ts';
import { importPackage, publishPackage } from '../../src/packages/store.ts';
import type { TestPlatform } from './platform.ts';

/** A fresh, mutable copy of services/<id>/package.yaml. */
export async function readShippedPackage(id: string): Promise<ServicePackage> {
  const text = await readFile(join(import.meta.dirname, '..', '..', 'services', id, 'package.yaml'), 'utf8');
  return parsePackageText(text, id) as ServicePackage;
}

/** Imports and publishes `pkg` for the demo tenant and makes the platform offer it. */
export async function publishInto(platform: TestPlatform, pkg: ServicePackage): Promise<void> {
  await importPackage(platform.db, DEMO_TENANT.ars, pkg, `${pkg.id}@${pkg.version}`);
  await publishPackage(platform.db, DEMO_TENANT.ars, pkg.id, pkg.version);
  await platform.services.reload();
}

/** The library card as a service without log-in (version 1.5.0). */
export async function publishAnonymousLibraryCard(platform: TestPlatform): Promise<void> {
  const pkg = await readShippedPackage('bibliotheksausweis');
  pkg.version = '1.5.0';
  pkg.metadata.requiredTrustLevel = 'none';
  await publishInto(platform, pkg);
}

/** The yes/no question on the guardian page of the library card that publishSamePageLibraryCard adds. */
export const MINOR_QUESTION = 'Ist die antragstellende Person minderjährig?';

/**
 * The library card (version 1.6.0) with its guardian page always shown and asking first whether the
 * applicant is a minor: the guardian's name, phone number and consent depend on that answer on the same page.
 */
export async function publishSamePageLibraryCard(platform: TestPlatform): Promise<void> {
  const pkg = await readShippedPackage('bibliotheksausweis');
  pkg.version = '1.6.0';
  const page = pkg.form.pages.find((p) => p.id === 'erziehungsberechtigte');
  if (!page) throw new Error('the library card has no guardian page');
  delete page.condition;
  page.title = { de: 'Angaben bei Minderjährigen' };
  page.fields = [
    { kind: 'yesNo', name: 'minor', label: { de: MINOR_QUESTION } },
    ...page.fields
      .filter((item) => item.kind !== 'info')
      .map((item) => ({ ...item, condition: 'minor = true' })),
  ];
  // The shipped test cases walk other pages; these walk the new one.
  pkg.tests = pkg.tests
    .filter((testCase) => testCase.expect.valid === true && testCase.today === undefined)
    .map((testCase) => ({
      name: testCase.name,
      answers: { ...testCase.answers, minor: 'guardianName' in testCase.answers ? 'yes' : 'no' },
      expect: { valid: true },
    }));
  await publishInto(platform, pkg);
}

/** A dog's proof of liability insurance: a file field inside Hundesteuer's repeating group of dogs. */
export const DOG_INSURANCE: FileFieldDef = {
  kind: 'file',
  name: 'insurance',
  label: { de: 'Nachweis der Haftpflichtversicherung', en: 'Proof of liability insurance' },
  mediaTypes: ['application/pdf', 'image/png', 'image/jpeg'],
  maxBytes: 2048,
};

/** The variant of Hundesteuer whose proof of insurance per dog may be left out (its own service id). */
export const DOG_TAX_OPTIONAL_INSURANCE = 'hundesteuer-versicherung-freiwillig';

/**
 * Hundesteuer (version 1.1.0) asking for a proof of insurance per dog; its test cases answer it too. With
 * `optional`, the proof may be left out, and the variant is published as DOG_TAX_OPTIONAL_INSURANCE.
 */
export async function publishDogTaxWithInsurance(
  platform: TestPlatform,
  options: { optional?: boolean } = {},
): Promise<void> {
  const pkg = await readShippedPackage('hundesteuer');
  pkg.version = '1.1.0';
  if (options.optional) pkg.id = DOG_TAX_OPTIONAL_INSURANCE;
  const dogs = pkg.form.pages.find((page) => page.id === 'hunde')?.fields[0];
  if (dogs?.kind !== 'repeat') throw new Error('Hundesteuer has no repeating group of dogs');
  dogs.fields.push(options.optional ? { ...DOG_INSURANCE, optional: true } : DOG_INSURANCE);
  const proof = { filename: 'nachweis.pdf', mediaType: 'application/pdf', sizeBytes: 1000 };
  pkg.tests = pkg.tests.map((testCase) => {
    const dogs = testCase.answers.dogs;
    if (!Array.isArray(dogs)) return testCase;
    return {
      ...testCase,
      answers: { ...testCase.answers, dogs: dogs.map((d) => ({ ...d, insurance: proof })) },
    };
  });
  await publishInto(platform, pkg);
}
