/**
 * Reference data some notices must carry: public, stable contact details of agencies. Addresses,
 * numbers and web sites are as published by the agencies and the state governments (checked
 * 2026-11; the consumer reporting agencies' addresses are those the Massachusetts Office of
 * Consumer Affairs and Business Regulation lists for security freezes). Review them with the
 * rules' `lastChecked` cycle. Their names, the statutory statements that go with them and the
 * names of US states are wording: locales/<locale>.json (`agencies`, `statements`, `regions`).
 */

export interface AgencyContact {
  /** Key of the name in the catalogue's `agencies`. */
  name: string;
  address: string | null;
  phone: string;
  web: string;
}

/** The nationwide consumer reporting agencies (US), for credit-agency-contacts and security freezes. */
export const US_CONSUMER_REPORTING_AGENCIES: readonly AgencyContact[] = [
  {
    name: 'equifax',
    address: 'P.O. Box 105788, Atlanta, GA 30348-5788',
    phone: '1-800-685-1111',
    web: 'www.equifax.com',
  },
  { name: 'experian', address: 'P.O. Box 9554, Allen, TX 75013', phone: '1-888-397-3742', web: 'www.experian.com' },
  {
    name: 'transunion',
    address: 'P.O. Box 2000, Chester, PA 19016',
    phone: '1-888-909-8872',
    web: 'www.transunion.com',
  },
];

export const US_FTC: AgencyContact = {
  name: 'ftc',
  address: '600 Pennsylvania Avenue NW, Washington, DC 20580',
  phone: '1-877-438-4338 (1-877-ID-THEFT)',
  web: 'www.ftc.gov, www.identitytheft.gov',
};

/** N.Y. Gen. Bus. Law § 899-aa(7): state and federal agencies on breach response and identity theft. */
export const NY_AGENCIES: readonly AgencyContact[] = [
  { name: 'nyAttorneyGeneral', address: null, phone: '1-800-771-7755', web: 'ag.ny.gov' },
  { name: 'nyDepartmentOfState', address: null, phone: '1-800-697-1220', web: 'dos.ny.gov/consumer-protection' },
  { name: 'ftc', address: null, phone: '1-877-438-4338', web: 'www.identitytheft.gov' },
];

/** PIPEDA Reg. s 3(g): the right to complain to the Commissioner. */
export const CA_OPC: AgencyContact = {
  name: 'caPrivacyCommissioner',
  address: '30 Victoria Street, Gatineau, Quebec K1A 1H3',
  phone: '1-800-282-1376',
  web: 'www.priv.gc.ca',
};

/** PIPA (Korea): where data subjects report an infringement and apply for dispute mediation. */
export const KR_REMEDY_BODIES: readonly AgencyContact[] = [
  { name: 'krInfringementReportCenter', address: null, phone: '118', web: 'privacy.kisa.or.kr' },
  { name: 'krDisputeMediation', address: null, phone: '1833-6972', web: 'www.kopico.go.kr' },
];

/**
 * A state Attorney General's office as a resident's notice must name it (Md. Code, Com. Law
 * § 14-3504(g); D.C. Code § 28-3852(a-1); R.I. Gen. Laws § 11-49.3-4(d); N.C. Gen. Stat.
 * § 75-65(d)). Only what a published source was seen to confirm is here; `missing` lists what
 * the law asks for that none confirmed, which the responders give (`facts.content`, element
 * `attorney-general-contacts`): until they do, the element is pending. A state without an entry
 * is the responders' text alone. Never add a number or address that was not confirmed.
 */
export interface AttorneyGeneralContact extends AgencyContact {
  /** Where each part was confirmed (checked 2026-11). */
  source: string;
  /** What the law asks for that no source confirmed (the responders supply it). */
  missing: readonly ('address' | 'phone' | 'web')[];
}

/** By jurisdiction (ISO 3166-2:US). */
export const US_ATTORNEYS_GENERAL: Readonly<Record<string, AttorneyGeneralContact>> = {
  'US-MD': {
    name: 'mdAttorneyGeneral',
    address: '200 St. Paul Place, Baltimore, MD 21202',
    phone: '1-888-743-0023',
    web: 'www.marylandattorneygeneral.gov',
    source:
      'phone and web site: marylandattorneygeneral.gov/pages/cpd/complaintmediation.aspx ("the Attorney General\'s main switchboard at toll-free 1-888-743-0023", toll-free in Maryland); ' +
      'address: oag.maryland.gov/i-need-to/Pages/identity-theft-information.aspx (Identity Theft Unit, 25th floor) and the Maryland Manual (msa.maryland.gov)',
    missing: [],
  },
  'US-NC': {
    name: 'ncAttorneyGeneral',
    address: '9001 Mail Service Center, Raleigh, NC 27699-9001',
    phone: '1-877-566-7226 (1-877-5-NO-SCAM)',
    web: 'www.ncdoj.gov',
    source:
      'phone and web site: ncdoj.gov (consumer alerts, "All Other Complaints: (877)-5-NO-SCAM"); ' +
      "address: as printed for the Attorney General's Office in a published resident notice (vendini.com resources guide), not on ncdoj.gov itself",
    missing: [],
  },
  // The Office publishes no toll-free number: its Consumer Protection Unit's number is given.
  'US-RI': {
    name: 'riAttorneyGeneral',
    address: '150 South Main Street, Providence, RI 02903',
    phone: '(401) 274-4400',
    web: 'www.riag.ri.gov',
    source: 'riag.ri.gov (Consumer Protection Unit page: phone; Open Government page: address)',
    missing: [],
  },
  // No toll-free number published; the Office of Consumer Protection's number. No address confirmed.
  'US-DC': {
    name: 'dcAttorneyGeneral',
    address: null,
    phone: '(202) 442-9828',
    web: 'oag.dc.gov',
    source:
      'oag.dc.gov/node/1729 (Office of Consumer Protection: "Calling (202) 442-9828"); no address for the Office was found in a stored source',
    missing: ['address'],
  },
};

/**
 * Statutory statements, by their key in the catalogue's `statements`:
 * fraudAlertAndFreeze (C.R.S. § 6-1-716(2)(a.2)(IV)(C); 815 ILCS 530/10(a)(1)(iii)),
 * policeReport and securityFreeze (M.G.L. c. 93H § 3(b)), complaintToCommissioner (PIPEDA
 * Breach of Security Safeguards Regulations s 3(g)), koreanRights (PIPA Arts. 39, 39-2, 43, 62),
 * vigilanceAdvice (RSMo § 407.1500.2(4); N.C. Gen. Stat. § 75-65(d); NMSA § 57-12C-7;
 * Wyo. Stat. § 40-12-502(e)(vi); MCL § 445.72(6)), fcraRights (NMSA § 57-12C-7(G)),
 * identityTheftReporting (Iowa Code § 715C.2(5); ORS 646A.604(5)) and identityTheftPrevention
 * (Md. Code, Com. Law § 14-3504(g); D.C. Code § 28-3852(a-1)). `{place}` in a statement is
 * replaced by the jurisdiction's name.
 */
export type StatementKey =
  | 'fraudAlertAndFreeze'
  | 'policeReport'
  | 'securityFreeze'
  | 'complaintToCommissioner'
  | 'koreanRights'
  | 'vigilanceAdvice'
  | 'fcraRights'
  | 'identityTheftReporting'
  | 'identityTheftPrevention';

/** Every agency key the reference data uses: the English catalogue must name each. */
export const AGENCY_KEYS: readonly string[] = [
  ...new Set(
    [
      ...US_CONSUMER_REPORTING_AGENCIES,
      US_FTC,
      ...NY_AGENCIES,
      CA_OPC,
      ...KR_REMEDY_BODIES,
      ...Object.values(US_ATTORNEYS_GENERAL),
    ].map((a) => a.name),
  ),
].sort();
