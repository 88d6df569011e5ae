/** Fictional people for the development log-in; never offered when NODE_ENV=production. */
export interface TestPerson {
  id: string;
  givenName: string;
  familyName: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
}

export const testPersons: readonly TestPerson[] = [
  {
    id: 'test-erika-mustermann',
    givenName: 'Erika',
    familyName: 'Mustermann',
    street: 'Heidestraße',
    houseNumber: '17',
    postalCode: '12345',
    city: 'Musterstadt',
  },
  {
    id: 'test-ozan-yilmaz',
    givenName: 'Ozan',
    familyName: 'Yılmaz',
    street: 'Am Rosengarten',
    houseNumber: '3a',
    postalCode: '12347',
    city: 'Musterstadt',
  },
  {
    id: 'test-jana-kowalski',
    givenName: 'Jana',
    familyName: 'Kowalski',
    street: 'Bahnhofstraße',
    houseNumber: '101',
    postalCode: '12345',
    city: 'Musterstadt',
  },
];

const LOAD_PERSON = /^load-person-([1-9]\d{0,5})$/;

/**
 * A person of the development log-in: one of the listed test persons or, for load tests
 * (DEV_LOGIN_LOAD_PERSONS), one of `loadPersons` generated people `load-person-1` … `load-person-<n>`.
 */
export function findTestPerson(id: string, loadPersons = 0): TestPerson | undefined {
  const listed = testPersons.find((person) => person.id === id);
  if (listed) return listed;
  const n = Number(id.match(LOAD_PERSON)?.[1] ?? 0);
  if (n < 1 || n > loadPersons) return undefined;
  return {
    id,
    givenName: 'Last',
    familyName: `Test ${n}`,
    street: 'Lastweg',
    houseNumber: String(n),
    postalCode: '12345',
    city: 'Musterstadt',
  };
}
