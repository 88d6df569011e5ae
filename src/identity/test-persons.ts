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

export function findTestPerson(id: string): TestPerson | undefined {
  return testPersons.find((person) => person.id === id);
}
