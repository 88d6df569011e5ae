/** Hundesteuer's repeating group of dogs as a client walks it: up to the dogs page, a dog's inputs, carried files. */
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { Client } from './client.ts';

export const dogTaxForm = (service = 'hundesteuer') => `/dienste/${service}/formular`;

/** The inputs of dog `i` as the dogs page posts them. */
export const dog = (i: number, name: string, listed: 'yes' | 'no' = 'no') => ({
  [`dogs.${i}.name`]: name,
  [`dogs.${i}.breed`]: 'Labrador',
  [`dogs.${i}.birthDate`]: '12.03.2022',
  [`dogs.${i}.keptSince`]: '01.06.2022',
  [`dogs.${i}.listed`]: listed,
});

/**
 * What the dogs page posts for dogs given by name and, if it carries one, the document id of its file:
 * `postedDogs(['Bello', bello], ['Rex'])`.
 */
export function postedDogs(...dogs: [name: string, file?: string][]): Record<string, string> {
  const posted: Record<string, string> = { 'dogs._count': String(dogs.length) };
  dogs.forEach(([name, file], i) => {
    Object.assign(posted, dog(i, name));
    if (file) posted[`dogs.${i}.insurance._document`] = file;
  });
  return posted;
}

/** The holder page's answers. */
export const DOG_HOLDER = {
  givenName: 'Erika',
  familyName: 'Mustermann',
  'address.street': 'Heidestraße',
  'address.houseNumber': '17',
  'address.postalCode': '12345',
  'address.city': 'Musterstadt',
};

/** Signs in, chooses "register", answers the holder page and opens the dogs page; returns the client. */
export async function toDogsPage(app: FastifyInstance, person: string, service?: string): Promise<Client> {
  const form = dogTaxForm(service);
  const client = new Client(app);
  await client.get(`/anmelden?weiter=${encodeURIComponent(form)}`);
  await client.post(`/anmelden?weiter=${encodeURIComponent(form)}`, { person, trustLevel: 'basic' });
  await client.get(`${form}/vorgang`);
  await client.post(`${form}/vorgang`, { action: 'anmeldung' });
  await client.get(`${form}/halter`);
  const holder = await client.post(`${form}/halter`, DOG_HOLDER);
  assert.equal(holder.headers.location, `${form}/hunde`, holder.body);
  await client.get(`${form}/hunde`);
  return client;
}

/** The document id a page carries for dog `index`'s insurance file. */
export function carriedInsurance(body: string, index: number): string {
  const input = new RegExp(`name="dogs\\.${index}\\.insurance\\._document" value="([0-9a-f-]{36})"`);
  const id = body.match(input)?.[1];
  assert.ok(id, `dog ${index + 1} carries its file`);
  return id;
}
