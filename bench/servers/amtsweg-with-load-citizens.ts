/**
 * `amtsweg serve` for the journey benchmark, with BENCH_CITIZENS extra fictional people in the development
 * log-in (`bench-citizen-1` …), so that each concurrent virtual user signs in as a citizen of its own: drafts
 * are one per citizen and service, and the dev log-in ships only three people.
 *
 * A stopgap that changes no file in src/: it appends to the in-memory test-person list before the platform
 * starts. Side effect, measured and reported by the benchmark: the log-in page lists 3 + N people.
 * The dev log-in stays off in production (NODE_ENV=production), with or without these people.
 */
import { type TestPerson, testPersons } from '../../src/identity/test-persons.ts';

const count = Number(process.env.BENCH_CITIZENS ?? 0);
if (process.env.NODE_ENV === 'production') throw new Error('bench citizens are for benchmarks only');
const people = testPersons as TestPerson[];
for (let i = 1; i <= count; i++) {
  people.push({
    id: `bench-citizen-${i}`,
    givenName: 'Last',
    familyName: `Test ${i}`,
    street: 'Lastweg',
    houseNumber: String(i),
    postalCode: '12345',
    city: 'Musterstadt',
  });
}

// The command line is `… amtsweg-with-load-citizens.ts serve`, as for src/cli.ts.
await import('../../src/cli.ts');
