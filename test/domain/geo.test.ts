import { IncidentFacts } from '../../domain/facts';
import { normalizeCountry, normalizeRegion } from '../../activities/recipients/import';

const facts = (affected: unknown[], country = 'DE') =>
  IncidentFacts.safeParse({
    awareAt: '2026-03-02T09:15:00Z',
    entity: { country },
    affected,
    dataCategories: ['name'],
    risk: 'risk',
  });
const issues = (r: ReturnType<typeof facts>) =>
  r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('one definition of countries and regions, for incident facts and imported recipients', () => {
  it.each([
    ['UK', 'UK is not an ISO 3166-1 code: the United Kingdom is GB'],
    ['XX', 'not an assigned ISO 3166-1 alpha-2 code'],
    ['USA', 'must be an ISO 3166-1 alpha-2 code (two letters, such as DE or US)'],
  ])('refuses %s with the same reason in facts and in a recipient list', (code, reason) => {
    expect(issues(facts([{ country: code, count: 1 }]))).toContain(`affected.0.country: ${reason}`);
    expect(issues(facts([], code))).toContain(`entity.country: ${reason}`);
    expect(normalizeCountry(code)).toEqual({ ok: false, reason });
  });

  it('accepts the same codes in both, Kosovo included', () => {
    expect(
      facts([
        { country: 'XK', count: 3 },
        { country: 'US', region: 'US-CA', count: 2 },
      ]).success,
    ).toBe(true);
    expect(normalizeCountry('xk')).toEqual({ ok: true, value: 'XK' });
  });

  it('a region must be inside its country, in both', () => {
    const reason = 'must be a subdivision of its country (start with "US-")';
    expect(issues(facts([{ country: 'US', region: 'DE-BY', count: 1 }]))).toEqual([`affected.0.region: ${reason}`]);
    expect(normalizeRegion('DE-BY', 'US')).toEqual({ ok: false, reason });
  });
});
