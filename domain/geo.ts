/**
 * Countries and regions: one definition for incident facts and for imported recipients, so the
 * same code is accepted or refused, with the same reason, wherever it is given.
 */
import { z } from 'zod';

/** The 249 officially assigned ISO 3166-1 alpha-2 codes, plus XK (Kosovo, user-assigned but in general use). */
export const COUNTRY_CODES: ReadonlySet<string> = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS ' +
    'MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS ' +
    'RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW ' +
    'TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK'
  ).split(' '),
);

const COUNTRY_FORMAT = /^[A-Z]{2}$/;
const REGION_FORMAT = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

/** Why `code` is not a country code, or undefined when it is one. */
export function countryProblem(code: string): string | undefined {
  if (!COUNTRY_FORMAT.test(code)) return 'must be an ISO 3166-1 alpha-2 code (two letters, such as DE or US)';
  if (code === 'UK') return 'UK is not an ISO 3166-1 code: the United Kingdom is GB';
  if (!COUNTRY_CODES.has(code)) return 'not an assigned ISO 3166-1 alpha-2 code';
  return undefined;
}

/** Why `code` is not a region (of `country`, when given), or undefined when it is one. */
export function regionProblem(code: string, country?: string): string | undefined {
  if (!REGION_FORMAT.test(code)) return 'must be an ISO 3166-2 code with its country prefix (such as US-CA or DE-BY)';
  if (country !== undefined && !code.startsWith(`${country}-`))
    return `must be a subdivision of its country (start with "${country}-")`;
  return undefined;
}

export const Country = z
  .string()
  .regex(COUNTRY_FORMAT, 'must be an ISO 3166-1 alpha-2 code (two letters, such as DE or US)')
  .superRefine((code, ctx) => {
    const problem = COUNTRY_FORMAT.test(code) ? countryProblem(code) : undefined;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe('ISO 3166-1 alpha-2 country code, e.g. "DE"');

export const Region = z
  .string()
  .regex(REGION_FORMAT, 'must be an ISO 3166-2 code with its country prefix (such as US-CA or DE-BY)')
  .describe('ISO 3166-2 subdivision code, e.g. "US-CA"');
