/** The parking-permit journey as a client walks it; shared by the HTTP, restart and load tests. */
import assert from 'node:assert/strict';
import { type Client, SAMPLE_PDF } from './client.ts';

export const FORM = '/dienste/bewohnerparkausweis/formular';

export async function loginCitizen(
  client: Client,
  person = 'test-erika-mustermann',
  trustLevel = 'substantial',
) {
  await client.get(`/anmelden?weiter=${encodeURIComponent(FORM)}`);
  return client.post(`/anmelden?weiter=${encodeURIComponent(FORM)}`, { person, trustLevel });
}

/** Logs in as the staff member shown with `name` on the development log-in. */
export async function loginStaff(client: Client, name: string): Promise<void> {
  await client.get('/verwaltung/anmelden');
  const staffId = client.lastPage.match(
    new RegExp(`value="([0-9a-f-]{36})"[^>]*>\\s*<label[^>]*>${name}<`),
  )?.[1];
  assert.ok(staffId, 'the staff log-in lists a caseworker');
  const response = await client.post('/verwaltung/anmelden', { staffId });
  assert.equal(response.statusCode, 303);
}

export const loginCaseworker = (client: Client) => loginStaff(client, 'Sabine Meier');

export async function answerNamePage(client: Client, familyName = 'Müller-Lüdenscheidt') {
  await client.get(`${FORM}/name`);
  const response = await client.post(`${FORM}/name`, { givenName: 'Erika', familyName });
  assert.equal(response.headers.location, `${FORM}/anschrift`);
}

/** Answers every question page, ending on check-your-answers. */
export async function fillApplication(client: Client, upload = SAMPLE_PDF) {
  await answerNamePage(client);
  await client.get(`${FORM}/anschrift`);
  let r = await client.post(`${FORM}/anschrift`, {
    'address.street': 'Heidestraße',
    'address.houseNumber': '17a',
    'address.postalCode': '12345',
    'address.city': 'Musterstadt',
  });
  assert.equal(r.headers.location, `${FORM}/fahrzeug`);
  await client.get(`${FORM}/fahrzeug`);
  r = await client.post(`${FORM}/fahrzeug`, { vehicleRegistration: 'ms-ab 123' });
  assert.equal(r.headers.location, `${FORM}/fahrzeugschein`);
  await client.get(`${FORM}/fahrzeugschein`);
  r = await client.upload(`${FORM}/fahrzeugschein`, 'registrationCertificate', {
    name: 'schein.pdf',
    type: 'application/pdf',
    content: upload,
  });
  assert.equal(r.statusCode, 303, r.body);
  assert.equal(r.headers.location, `${FORM}/pruefen`);
}

/** Declares and submits; returns the new case's reference and confirmation page URL. */
export async function submitApplication(
  client: Client,
): Promise<{ reference: string; confirmationUrl: string }> {
  await client.get(`${FORM}/erklaerung`);
  const submitted = await client.post(`${FORM}/erklaerung`, { declaration: 'yes' });
  assert.equal(submitted.statusCode, 303, submitted.body);
  const confirmation = await client.follow(submitted);
  const reference = confirmation.body.match(/BPA-\d{4}-\d{6}/)?.[0];
  assert.ok(reference, 'the confirmation shows a reference');
  return { reference, confirmationUrl: submitted.headers.location ?? '' };
}
