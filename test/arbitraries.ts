/** Random incident facts for property tests and the assessment benchmark. */
import fc from 'fast-check';
import { DataCategory, IncidentFacts, Sector } from '../domain/facts';

const REGIONS = ['US-CA', 'US-NY', 'US-TX', 'US-FL', 'US-CO', 'US-WA', 'US-MA', 'US-IL', 'US-OR', 'US-GA'];
const COUNTRIES = [
  'DE',
  'FR',
  'IE',
  'NL',
  'GB',
  'CN',
  'JP',
  'SG',
  'KR',
  'IN',
  'BR',
  'AU',
  'CA',
  'ZA',
  'CH',
  'NO',
  'MX',
];

export const affectedGroup = fc.oneof(
  fc.record({ country: fc.constantFrom(...COUNTRIES), count: fc.integer({ min: 0, max: 20_000 }) }),
  fc.record({
    country: fc.constant('US'),
    region: fc.constantFrom(...REGIONS),
    count: fc.integer({ min: 0, max: 20_000 }),
  }),
);

const instant = fc
  .integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') })
  .map((t) => new Date(t - (t % 60_000)).toISOString());

export const factsArb = fc
  .record({
    awareAt: instant,
    laterClocks: fc.record({
      determinedAt: fc.option(fc.integer({ min: 0, max: 30 * 24 }), { nil: undefined }),
      materialityDeterminedAt: fc.option(fc.integer({ min: 0, max: 30 * 24 }), { nil: undefined }),
      classifiedMajorAt: fc.option(fc.integer({ min: 0, max: 48 }), { nil: undefined }),
      ransomPaidAt: fc.option(fc.integer({ min: 0, max: 30 * 24 }), { nil: undefined }),
    }),
    country: fc.constantFrom(...COUNTRIES, 'US'),
    sectors: fc.subarray([...Sector.options]),
    affected: fc.array(affectedGroup, { maxLength: 8 }),
    dataCategories: fc.subarray([...DataCategory.options]),
    encrypted: fc.boolean(),
    risk: fc.constantFrom('unlikely', 'risk', 'high'),
    significant: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map((r) => {
    const later = (hours: number | undefined) =>
      hours === undefined ? undefined : new Date(Date.parse(r.awareAt) + hours * 3_600_000).toISOString();
    return IncidentFacts.parse({
      awareAt: r.awareAt,
      ...Object.fromEntries(
        Object.entries(r.laterClocks)
          .map(([k, h]) => [k, later(h)])
          .filter(([, v]) => v),
      ),
      entity: { name: 'Random Org', country: r.country, sectors: r.sectors },
      affected: r.affected,
      dataCategories: r.dataCategories,
      encrypted: r.encrypted,
      risk: r.risk,
      ...(r.significant === undefined ? {} : { significant: r.significant }),
    });
  });
