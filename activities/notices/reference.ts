/**
 * Reference data some notices must carry: public, stable contact details of agencies and the
 * statutory statements that go with them. Addresses, numbers and web sites are as published by
 * the agencies and the state governments (checked 2026-11; the consumer reporting agencies'
 * addresses are those the Massachusetts Office of Consumer Affairs and Business Regulation lists
 * for security freezes). Review them with the rules' `lastChecked` cycle.
 */
import type { L10n } from './phrases';

export interface AgencyContact {
  name: L10n;
  address: string | null;
  phone: string;
  web: string;
}

/** The nationwide consumer reporting agencies (US), for credit-agency-contacts and security freezes. */
export const US_CONSUMER_REPORTING_AGENCIES: readonly AgencyContact[] = [
  { name: { en: 'Equifax', 'zh-CN': 'Equifax' }, address: 'P.O. Box 105788, Atlanta, GA 30348-5788', phone: '1-800-685-1111', web: 'www.equifax.com' },
  { name: { en: 'Experian', 'zh-CN': 'Experian' }, address: 'P.O. Box 9554, Allen, TX 75013', phone: '1-888-397-3742', web: 'www.experian.com' },
  { name: { en: 'TransUnion', 'zh-CN': 'TransUnion' }, address: 'P.O. Box 2000, Chester, PA 19016', phone: '1-888-909-8872', web: 'www.transunion.com' },
];

export const US_FTC: AgencyContact = {
  name: { en: 'Federal Trade Commission', 'zh-CN': '美国联邦贸易委员会（Federal Trade Commission）' },
  address: '600 Pennsylvania Avenue NW, Washington, DC 20580',
  phone: '1-877-438-4338 (1-877-ID-THEFT)',
  web: 'www.ftc.gov, www.identitytheft.gov',
};

/** N.Y. Gen. Bus. Law § 899-aa(7): state and federal agencies on breach response and identity theft. */
export const NY_AGENCIES: readonly AgencyContact[] = [
  { name: { en: 'New York State Office of the Attorney General', 'zh-CN': '纽约州总检察长办公室（New York State Office of the Attorney General）' }, address: null, phone: '1-800-771-7755', web: 'ag.ny.gov' },
  { name: { en: 'New York Department of State, Division of Consumer Protection', 'zh-CN': '纽约州州务厅消费者保护司（New York Department of State, Division of Consumer Protection）' }, address: null, phone: '1-800-697-1220', web: 'dos.ny.gov/consumer-protection' },
  { name: { en: 'Federal Trade Commission', 'zh-CN': '美国联邦贸易委员会（Federal Trade Commission）' }, address: null, phone: '1-877-438-4338', web: 'www.identitytheft.gov' },
];

/** PIPEDA Reg. s 3(g): the right to complain to the Commissioner. */
export const CA_OPC: AgencyContact = {
  name: { en: 'Office of the Privacy Commissioner of Canada', 'zh-CN': '加拿大隐私专员办公室（Office of the Privacy Commissioner of Canada）' },
  address: '30 Victoria Street, Gatineau, Quebec K1A 1H3',
  phone: '1-800-282-1376',
  web: 'www.priv.gc.ca',
};

/** PIPA (Korea): where data subjects report an infringement and apply for dispute mediation. */
export const KR_REMEDY_BODIES: readonly AgencyContact[] = [
  {
    name: { en: 'Personal Information Infringement Report Center (KISA)', 'zh-CN': '个人信息侵害举报中心（韩国互联网振兴院）', ko: '개인정보침해 신고센터(한국인터넷진흥원)' },
    address: null, phone: '118', web: 'privacy.kisa.or.kr',
  },
  {
    name: { en: 'Personal Information Dispute Mediation Committee', 'zh-CN': '个人信息纠纷调解委员会', ko: '개인정보 분쟁조정위원회' },
    address: null, phone: '1833-6972', web: 'www.kopico.go.kr',
  },
];

/** Statutory statements; each element in elements.ts says which law asks for it. */
export const STATEMENTS = {
  /** C.R.S. § 6-1-716(2)(a.2)(IV)(C); 815 ILCS 530/10(a)(1)(iii). */
  fraudAlertAndFreeze: {
    en: 'You can obtain information about fraud alerts and security freezes from the consumer reporting agencies and the Federal Trade Commission.',
    'zh-CN': '您可以向消费者信用报告机构和美国联邦贸易委员会了解有关欺诈警报和信用冻结的信息。',
  },
  /** M.G.L. c. 93H § 3(b). */
  policeReport: {
    en: 'You have the right to obtain a police report regarding this incident. If you are the victim of identity theft, you also have the right to file a police report and to obtain a copy of it.',
    'zh-CN': '您有权获取与本事件有关的警方报告。如果您成为身份盗用的受害者，您还有权向警方报案并获取报案记录的副本。',
  },
  /** M.G.L. c. 93H § 3(b): how to request a security freeze, what to provide, and any fees. */
  securityFreeze: {
    en: 'You have the right to place a security freeze on your consumer report. A security freeze prevents a consumer reporting agency from releasing your credit report without your express authorization. To place a security freeze, contact each of the three nationwide consumer reporting agencies listed below online, by telephone or by mail. A request by mail should include your full name, address, Social Security number and date of birth; the addresses where you have lived over the previous five years; proof of your current address, such as a utility or telephone bill; a photocopy of a government-issued identification card; and, if you are a victim of identity theft, a copy of the police report, investigative report or complaint. Placing, lifting or removing a security freeze is free of charge.',
    'zh-CN': '您有权对您的消费者信用报告实施信用冻结。信用冻结可防止消费者信用报告机构在未经您明确授权的情况下提供您的信用报告。如需实施信用冻结，请通过网络、电话或邮寄方式分别联系下列三家全国性消费者信用报告机构。邮寄申请时应提供：您的全名、地址、社会安全号码和出生日期；您在过去五年内居住过的地址；现住址证明（如水电费账单或电话费账单）；政府签发的身份证件复印件；如您是身份盗用的受害者，还应提供警方报告、调查报告或投诉材料的副本。实施、临时解除或取消信用冻结均不收取任何费用。',
  },
  /** PIPEDA Breach of Security Safeguards Regulations s 3(g). */
  complaintToCommissioner: {
    en: 'You also have the right to complain to the Office of the Privacy Commissioner of Canada.',
    'zh-CN': '您还有权向加拿大隐私专员办公室投诉。',
  },
  /** PIPA (Korea) Arts. 39, 39-2, 43, 62: the data subjects' rights and remedies. */
  koreanRights: {
    en: 'Under Articles 39 and 39-2 of the Personal Information Protection Act you may claim damages, and under Article 43 you may apply to the Personal Information Dispute Mediation Committee for mediation. You can also report an infringement of your personal information to the Personal Information Infringement Report Center (Article 62).',
    'zh-CN': '根据《个人信息保护法》第39条及第39条之二，您可以请求损害赔偿；根据该法第43条，您可以向个人信息纠纷调解委员会申请调解。您还可以向个人信息侵害举报中心举报个人信息受侵害的情况（第62条）。',
    ko: '정보주체는 「개인정보 보호법」 제39조 및 제39조의2에 따라 손해배상을 청구할 수 있으며, 같은 법 제43조에 따라 개인정보 분쟁조정위원회에 분쟁조정을 신청할 수 있습니다. 또한 개인정보 침해 사실을 개인정보침해 신고센터에 신고할 수 있습니다(같은 법 제62조).',
  },
} as const satisfies Record<string, L10n>;

/** US states and territories (ISO 3166-2:US), for "residents of …" and per-state counts. */
export const US_REGION_NAMES: Record<string, { en: string; 'zh-CN': string }> = {
  'US-AL': { en: 'Alabama', 'zh-CN': '亚拉巴马州' }, 'US-AK': { en: 'Alaska', 'zh-CN': '阿拉斯加州' },
  'US-AZ': { en: 'Arizona', 'zh-CN': '亚利桑那州' }, 'US-AR': { en: 'Arkansas', 'zh-CN': '阿肯色州' },
  'US-CA': { en: 'California', 'zh-CN': '加利福尼亚州' }, 'US-CO': { en: 'Colorado', 'zh-CN': '科罗拉多州' },
  'US-CT': { en: 'Connecticut', 'zh-CN': '康涅狄格州' }, 'US-DE': { en: 'Delaware', 'zh-CN': '特拉华州' },
  'US-DC': { en: 'the District of Columbia', 'zh-CN': '哥伦比亚特区' }, 'US-FL': { en: 'Florida', 'zh-CN': '佛罗里达州' },
  'US-GA': { en: 'Georgia', 'zh-CN': '佐治亚州' }, 'US-HI': { en: 'Hawaii', 'zh-CN': '夏威夷州' },
  'US-ID': { en: 'Idaho', 'zh-CN': '爱达荷州' }, 'US-IL': { en: 'Illinois', 'zh-CN': '伊利诺伊州' },
  'US-IN': { en: 'Indiana', 'zh-CN': '印第安纳州' }, 'US-IA': { en: 'Iowa', 'zh-CN': '艾奥瓦州' },
  'US-KS': { en: 'Kansas', 'zh-CN': '堪萨斯州' }, 'US-KY': { en: 'Kentucky', 'zh-CN': '肯塔基州' },
  'US-LA': { en: 'Louisiana', 'zh-CN': '路易斯安那州' }, 'US-ME': { en: 'Maine', 'zh-CN': '缅因州' },
  'US-MD': { en: 'Maryland', 'zh-CN': '马里兰州' }, 'US-MA': { en: 'Massachusetts', 'zh-CN': '马萨诸塞州' },
  'US-MI': { en: 'Michigan', 'zh-CN': '密歇根州' }, 'US-MN': { en: 'Minnesota', 'zh-CN': '明尼苏达州' },
  'US-MS': { en: 'Mississippi', 'zh-CN': '密西西比州' }, 'US-MO': { en: 'Missouri', 'zh-CN': '密苏里州' },
  'US-MT': { en: 'Montana', 'zh-CN': '蒙大拿州' }, 'US-NE': { en: 'Nebraska', 'zh-CN': '内布拉斯加州' },
  'US-NV': { en: 'Nevada', 'zh-CN': '内华达州' }, 'US-NH': { en: 'New Hampshire', 'zh-CN': '新罕布什尔州' },
  'US-NJ': { en: 'New Jersey', 'zh-CN': '新泽西州' }, 'US-NM': { en: 'New Mexico', 'zh-CN': '新墨西哥州' },
  'US-NY': { en: 'New York', 'zh-CN': '纽约州' }, 'US-NC': { en: 'North Carolina', 'zh-CN': '北卡罗来纳州' },
  'US-ND': { en: 'North Dakota', 'zh-CN': '北达科他州' }, 'US-OH': { en: 'Ohio', 'zh-CN': '俄亥俄州' },
  'US-OK': { en: 'Oklahoma', 'zh-CN': '俄克拉何马州' }, 'US-OR': { en: 'Oregon', 'zh-CN': '俄勒冈州' },
  'US-PA': { en: 'Pennsylvania', 'zh-CN': '宾夕法尼亚州' }, 'US-RI': { en: 'Rhode Island', 'zh-CN': '罗得岛州' },
  'US-SC': { en: 'South Carolina', 'zh-CN': '南卡罗来纳州' }, 'US-SD': { en: 'South Dakota', 'zh-CN': '南达科他州' },
  'US-TN': { en: 'Tennessee', 'zh-CN': '田纳西州' }, 'US-TX': { en: 'Texas', 'zh-CN': '得克萨斯州' },
  'US-UT': { en: 'Utah', 'zh-CN': '犹他州' }, 'US-VT': { en: 'Vermont', 'zh-CN': '佛蒙特州' },
  'US-VA': { en: 'Virginia', 'zh-CN': '弗吉尼亚州' }, 'US-WA': { en: 'Washington', 'zh-CN': '华盛顿州' },
  'US-WV': { en: 'West Virginia', 'zh-CN': '西弗吉尼亚州' }, 'US-WI': { en: 'Wisconsin', 'zh-CN': '威斯康星州' },
  'US-WY': { en: 'Wyoming', 'zh-CN': '怀俄明州' }, 'US-PR': { en: 'Puerto Rico', 'zh-CN': '波多黎各' },
  'US-VI': { en: 'the U.S. Virgin Islands', 'zh-CN': '美属维尔京群岛' }, 'US-GU': { en: 'Guam', 'zh-CN': '关岛' },
  'US-AS': { en: 'American Samoa', 'zh-CN': '美属萨摩亚' }, 'US-MP': { en: 'the Northern Mariana Islands', 'zh-CN': '北马里亚纳群岛' },
};
