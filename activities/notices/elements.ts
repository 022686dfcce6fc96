/**
 * The content-element catalogue: for every id an obligation can list in `requiredContent`
 * (rules/*.json), a localized heading and a resolver that finds its value in what the engine
 * knows (incident, facts, plan contact, obligation, delay reason, reference data).
 *
 * Resolution (see resolveElement): the resolver's lines, then the responders' own text for the
 * element from the `content` map (`content["<id>@<locale>"]`, else `content["<id>"]`). An element
 * is complete when the resolver says so or the responders wrote something; otherwise the section
 * ends with the localized "to follow" sentence and the id is reported as pending. Never a gap.
 *
 * Headings: `heading` is the formal one (authorities, organisations); `plain`, where given, is
 * used in notices to the public (individuals, media). English and Simplified Chinese are
 * required; the other languages are there for the regimes whose kinds have templates in them
 * (a test checks every kind's elements against its template locales).
 */
import { totalAffected, type IncidentFacts } from '../../domain/facts';
import type { Obligation } from '../../domain/obligation';
import type { Plan } from '../../domain/plan';
import { formatCountry } from './locale';
import { DATA_CATEGORY_LABELS, pick, STAGE_NAMES, type L10n, type LineLabels, type PhraseLocale } from './phrases';
import {
  CA_OPC, KR_REMEDY_BODIES, NY_AGENCIES, STATEMENTS, US_CONSUMER_REPORTING_AGENCIES, US_FTC, type AgencyContact,
} from './reference';

/** One line of a section. Unlabelled lines are narrative text (multi-line allowed). */
export type Line =
  | { kind: 'text'; label: string | null; value: string }
  | { kind: 'datetime' | 'date'; label: string; value: string }
  | { kind: 'count'; label: string; value: number }
  | { kind: 'list'; label: string; value: string[] };

/** What a resolver may read. */
export interface ElementSource {
  lang: PhraseLocale;
  labels: LineLabels;
  /** Spelling adjustment of catalogue text for the notice's audience (Swiss German: ss for ß). */
  ortho: (text: string) => string;
  incident: { id: string; title: string };
  facts: IncidentFacts;
  obligation: Obligation;
  contact: Plan['contact'];
  delayReason: string | null;
  /** Drafting time, if known: dates the notice and tells whether it is late. */
  now: string | null;
  /** Affected people in the obligation's audience; null when no count is recorded. */
  audienceCount: number | null;
  /** The audience's name ("Colorado", "Deutschland"), or null for everyone affected. */
  audienceName: string | null;
}

export interface Resolved { lines: Line[]; complete: boolean }

export interface ElementDef {
  heading: L10n;
  plain?: L10n;
  resolve?: (s: ElementSource) => Resolved;
}

const blank = (s: string | null | undefined): boolean => s === undefined || s === null || s.trim().length === 0;
const text = (value: string, label: string | null = null): Line => ({ kind: 'text', label, value });
const at = (label: string, value: string): Line => ({ kind: 'datetime', label, value });
const known = (...lines: Line[]): Resolved => ({ lines, complete: true });
const partial = (...lines: Line[]): Resolved => ({ lines, complete: false });
/** A narrative fact: complete when written. */
const narrative = (s: string | undefined): Resolved => (blank(s) ? partial() : known(text(s as string)));

function agencyLine(a: AgencyContact, s: ElementSource): Line {
  const parts = [a.address, `${s.labels.phone} ${a.phone}`, a.web].filter((p): p is string => p !== null);
  return text(parts.join(' · '), pick(a.name, s.lang, 'agency name'));
}

const dataCategories = (s: ElementSource): string[] => s.facts.dataCategories.map((c) => s.ortho(DATA_CATEGORY_LABELS[s.lang][c]));

function affectedCountries(s: ElementSource): string[] {
  return [...new Set(s.facts.affected.map((g) => g.country))].map((c) => formatCountry(c, s.lang));
}

function countLine(s: ElementSource): Line | null {
  if (s.audienceCount === null) return null;
  const label = s.audienceName ? s.labels.affectedCountIn.replace('{place}', s.audienceName) : s.labels.affectedCount;
  return { kind: 'count', label, value: s.audienceCount };
}

const contactLines = (s: ElementSource): Line[] => [
  text(s.contact.name, s.labels.name),
  text(s.contact.email, s.labels.email),
  ...(blank(s.contact.phone) ? [] : [text(s.contact.phone as string, s.labels.phone)]),
];

const entityLines = (s: ElementSource): Line[] => [
  text(s.facts.entity.name, s.labels.entityName),
  text(formatCountry(s.facts.entity.country, s.lang), s.labels.country),
];

/** The date the notice is given: the drafting date, where known. */
const noticeDate = (s: ElementSource): Resolved => (s.now ? known({ kind: 'date', label: s.labels.noticeDate, value: s.now }) : partial());

const el = (heading: L10n, plain?: L10n, resolve?: (s: ElementSource) => Resolved): ElementDef => ({
  heading, ...(plain ? { plain } : {}), ...(resolve ? { resolve } : {}),
});

const WHAT_YOU_CAN_DO: L10n = {
  en: 'What you can do', 'zh-CN': '您可以采取的措施', de: 'Was Sie tun können', fr: 'Ce que vous pouvez faire',
  'pt-BR': 'O que você pode fazer', ja: 'ご本人様にお願いしたいこと', ko: '피해를 최소화하기 위하여 정보주체가 할 수 있는 방법',
};

export const ELEMENTS = {
  accountability: el({ en: 'Accountability measures taken', 'zh-CN': '责任追究情况' }),
  'affected-functions-and-infrastructure': el({
    en: 'Affected functional areas, business processes and infrastructure', 'zh-CN': '受影响的职能领域、业务流程和基础设施',
    de: 'Betroffene Funktionsbereiche, Geschäftsprozesse und Infrastrukturkomponenten', fr: 'Domaines fonctionnels, processus opérationnels et infrastructures concernés',
  }),
  'affected-individuals-identity': el({ en: 'Identification of each affected individual', 'zh-CN': '每名受影响个人的身份识别信息' }),
  'affected-systems': el({ en: 'Affected information systems, networks and devices and their function', 'zh-CN': '受影响的信息系统、网络和设备及其功能' }),
  'agency-contacts': el(
    { en: 'State and federal agencies providing information on breach response and identity theft', 'zh-CN': '提供数据泄露应对和身份盗用防范信息的州及联邦机构' },
    { en: 'Where to get help', 'zh-CN': '获取帮助的途径' },
    (s) => known(...NY_AGENCIES.map((a) => agencyLine(a, s))),
  ),
  'anticipated-notice-date': el({ en: 'Anticipated date of the notice to residents', 'zh-CN': '预计向居民发出通知的日期' }),
  'business-continuity-plan': el({
    en: 'Activation of the business continuity plan', 'zh-CN': '业务连续性计划的启动情况',
    de: 'Aktivierung des Business-Continuity-Plans', fr: 'Activation du plan de continuité des activités',
  }),
  cause: el(
    { en: 'Cause of the incident', 'zh-CN': '事件原因', 'pt-BR': 'Causa principal do incidente', ja: '発生原因' },
    { en: 'Why it happened', 'zh-CN': '事件原因', ja: '発生原因' },
  ),
  chronology: el({ en: 'Chronology of the steps taken after becoming aware of the breach', 'zh-CN': '知悉泄露后所采取步骤的时间顺序' }),
  'classification-criteria': el({
    en: 'Classification criteria met', 'zh-CN': '满足的分类标准', de: 'Erfüllte Klassifizierungskriterien', fr: 'Critères de classification remplis',
  }),
  'client-impact': el({ en: 'Impact on clients', 'zh-CN': '对客户的影响', de: 'Auswirkungen auf Kunden', fr: 'Incidence sur les clients' }),
  'complaint-process': el(
    { en: 'Complaint process', 'zh-CN': '投诉程序' },
    { en: 'How to make a complaint', 'zh-CN': '如何投诉' },
    // The organisation's own complaint process comes from the responders; the right to complain to the OPC is fixed.
    (s) => partial(text(pick(STATEMENTS.complaintToCommissioner, s.lang, 'complaint statement')), agencyLine(CA_OPC, s)),
  ),
  'confirmed-or-alleged': el(
    { en: 'Whether the compromise is confirmed or alleged', 'zh-CN': '安全事件属于已确认还是疑似' },
    undefined,
    (s) => (s.facts.determinedAt ? known(at(s.labels.determinedAt, s.facts.determinedAt)) : partial()),
  ),
  'contact-point': el(
    {
      en: 'Contact point for further information', 'zh-CN': '可提供进一步信息的联络人', de: 'Anlaufstelle für weitere Informationen',
      fr: 'Point de contact auprès duquel des informations supplémentaires peuvent être obtenues', 'pt-BR': 'Encarregado ou contato para obtenção de informações',
      ja: '連絡先', ko: '피해 신고·상담 등을 접수할 수 있는 담당부서 및 연락처',
    },
    {
      en: 'For more information', 'zh-CN': '联系我们', de: 'Kontakt', fr: 'Pour en savoir plus', 'pt-BR': 'Para mais informações',
      ja: 'お問い合わせ先', ko: '피해 신고·상담 접수 부서 및 연락처',
    },
    (s) => known(...contactLines(s)),
  ),
  'controller-identity': el(
    { en: 'Identification of the controller', 'zh-CN': '控制者身份信息', 'pt-BR': 'Identificação do controlador' },
    undefined,
    (s) => known(...entityLines(s)),
  ),
  'costs-and-losses': el({
    en: 'Direct and indirect costs and losses', 'zh-CN': '直接和间接成本及损失', de: 'Direkte und indirekte Kosten und Verluste', fr: 'Coûts et pertes directs et indirects',
  }),
  'credit-agency-contacts': el(
    { en: 'Nationwide consumer reporting agencies', 'zh-CN': '全国性消费者信用报告机构' },
    { en: 'Consumer reporting agencies', 'zh-CN': '消费者信用报告机构' },
    (s) => known(...US_CONSUMER_REPORTING_AGENCIES.map((a) => agencyLine(a, s))),
  ),
  'cross-border-impact': el(
    { en: 'Cross-border impact', 'zh-CN': '跨境影响', de: 'Grenzüberschreitende Auswirkungen', fr: 'Incidence transfrontière' },
    undefined,
    // Where people are affected informs the assessment but is not the assessment itself.
    (s) => partial(...(s.facts.affected.length ? [{ kind: 'list' as const, label: s.labels.affectedCountries, value: affectedCountries(s) }] : [])),
  ),
  'data-categories': el(
    {
      en: 'Categories of personal information concerned', 'zh-CN': '所涉个人信息的类别', 'pt-BR': 'Natureza e categoria dos dados pessoais afetados',
      ja: '漏えい等が発生し、又は発生したおそれがある個人データの項目', ko: '유출등이 된 개인정보의 항목',
    },
    {
      en: 'What information was involved', 'zh-CN': '涉及哪些信息', 'pt-BR': 'Quais dados foram afetados',
      ja: '対象となった個人データの項目', ko: '유출등이 된 개인정보의 항목',
    },
    (s) => (s.facts.dataCategories.length ? known({ kind: 'list', label: s.labels.dataCategories, value: dataCategories(s) }) : partial()),
  ),
  'date-and-circumstances': el(
    { en: 'When and how the breach occurred', 'zh-CN': '泄露发生的时间和经过', ko: '유출등이 된 시점과 그 경위' },
    { en: 'When and how it happened', 'zh-CN': '事件发生的时间和经过', ko: '유출등이 된 시점과 그 경위' },
    (s) => partial(at(s.labels.awareAt, s.facts.awareAt)),
  ),
  'date-and-duration': el({
    en: 'Time and duration of the breach', 'zh-CN': '泄露发生的时间和持续时间', de: 'Zeitpunkt und Dauer der Verletzung', fr: 'Moment et durée de la violation',
  }),
  'date-of-awareness': el(
    { en: 'Date on which the breach became known', 'zh-CN': '知悉泄露的日期', 'pt-BR': 'Data do conhecimento do incidente' },
    { en: 'When we became aware of it', 'zh-CN': '我们知悉事件的时间', 'pt-BR': 'Quando tomamos conhecimento do incidente' },
    (s) => known(at(s.labels.awareAt, s.facts.awareAt)),
  ),
  'date-of-breach': el(
    { en: 'Date or period of the breach', 'zh-CN': '泄露发生的日期或期间', 'pt-BR': 'Data da ocorrência do incidente' },
    { en: 'When it happened', 'zh-CN': '事件发生的时间' },
  ),
  'date-of-discovery': el(
    { en: 'Date of discovery of the breach', 'zh-CN': '发现泄露的日期' },
    { en: 'When we discovered it', 'zh-CN': '我们发现事件的时间' },
    (s) => known(at(s.labels.awareAt, s.facts.awareAt)),
  ),
  'date-of-notification': el({ en: 'Date of this notification', 'zh-CN': '本通知的日期' }, undefined, noticeDate),
  'date-range': el({ en: 'Estimated date range of the incident', 'zh-CN': '事件的估计日期范围' }),
  'detailed-description': el(
    {
      en: 'Detailed description of the incident, including its severity and impact', 'zh-CN': '事件的详细描述，包括其严重程度和影响',
      de: 'Ausführliche Beschreibung des Vorfalls, einschließlich seines Schweregrads und seiner Auswirkungen',
      fr: "Description détaillée de l'incident, y compris de sa gravité et de son impact",
    },
    undefined,
    (s) => narrative(s.facts.nature),
  ),
  'detection-and-classification-time': el(
    {
      en: 'Date and time of detection and of classification', 'zh-CN': '发现及分类的日期和时间',
      de: 'Zeitpunkt der Erkennung und der Klassifizierung', fr: 'Date et heure de la détection et de la classification',
    },
    undefined,
    (s) => ({
      lines: [at(s.labels.detectedAt, s.facts.awareAt), ...(s.facts.classifiedMajorAt ? [at(s.labels.classifiedAt, s.facts.classifiedMajorAt)] : [])],
      complete: s.facts.classifiedMajorAt !== undefined,
    }),
  ),
  'early-warning-update': el({
    en: 'Update of the early warning', 'zh-CN': '对早期预警信息的更新', de: 'Aktualisierung der Frühwarnung', fr: "Mise à jour de l'alerte précoce",
  }),
  'entity-and-affected-systems': el(
    { en: 'Name of the entity and basic facts of the affected facilities, systems or platforms', 'zh-CN': '事发单位名称及发生事件的设施、系统、平台的基本情况' },
    undefined,
    (s) => partial(text(s.facts.entity.name, s.labels.entityName)),
  ),
  'entity-identification': el(
    { en: 'Identification of the financial entity', 'zh-CN': '金融实体的身份信息', de: 'Angaben zum Finanzunternehmen', fr: "Identification de l'entité financière" },
    undefined,
    // DORA asks for the LEI and entity type as well: they come from the responders.
    (s) => partial(...entityLines(s)),
  ),
  'entity-identity': el(
    { en: 'Identity of the entity', 'zh-CN': '实体身份' },
    { en: 'Who we are', 'zh-CN': '我们是谁' },
    (s) => known(...entityLines(s)),
  ),
  'evidence-preservation': el({ en: 'Preservation of the scene and of evidence', 'zh-CN': '现场保护情况' }),
  'extortion-payment': el(
    { en: 'Extortion payment', 'zh-CN': '勒索赎金支付情况' },
    undefined,
    (s) => (s.facts.ransomPaidAt ? known(at(s.labels.paymentAt, s.facts.ransomPaidAt)) : partial()),
  ),
  'extortion-payment-rationale': el({ en: 'Reasons for the payment, alternatives considered and diligence performed', 'zh-CN': '支付的理由、曾考虑的替代方案及已履行的尽职调查' }),
  'fraud-alert-and-freeze-info': el(
    { en: 'Fraud alerts and security freezes', 'zh-CN': '欺诈警报和信用冻结' },
    undefined,
    (s) => known(text(pick(STATEMENTS.fraudAlertAndFreeze, s.lang, 'fraud alert statement'))),
  ),
  'ftc-contacts': el(
    { en: 'Federal Trade Commission', 'zh-CN': '美国联邦贸易委员会' },
    undefined,
    (s) => known(agencyLine(US_FTC, s)),
  ),
  'harm-caused': el({ en: 'Harm caused', 'zh-CN': '造成的危害' }),
  'hhs-notice-copy': el({ en: 'Notice to the Secretary of Health and Human Services', 'zh-CN': '向美国卫生与公众服务部部长提交的通知' }),
  'how-discovered': el({
    en: 'How the incident was discovered', 'zh-CN': '事件的发现方式', de: 'Art und Weise der Entdeckung des Vorfalls', fr: "Manière dont l'incident a été découvert",
  }),
  impact: el({ en: 'Impact and harm caused', 'zh-CN': '已造成的影响和危害' }),
  'incident-reference': el(
    { en: "Entity's incident reference code", 'zh-CN': '实体的事件参考编号', de: 'Referenznummer des Vorfalls beim Finanzunternehmen', fr: "Code de référence de l'incident attribué par l'entité" },
    undefined,
    (s) => known(text(s.incident.id, s.labels.incidentReference)),
  ),
  'incident-type': el({ en: 'Type of incident', 'zh-CN': '事件类型', de: 'Art des Vorfalls', fr: "Type d'incident" }),
  'incident-type-and-level': el({ en: 'Type and level of the incident', 'zh-CN': '事件类型和级别' }),
  'indicators-of-compromise': el({ en: 'Indicators of compromise', 'zh-CN': '入侵指标', de: 'Kompromittierungsindikatoren', fr: 'Indicateurs de compromission' }),
  'individuals-notification-method': el({ en: 'How the data subjects were or will be notified', 'zh-CN': '已经或将要通知数据主体的方式' }),
  'individuals-notification-plan': el({ en: 'How affected individuals will be notified, or why they will not be', 'zh-CN': '将如何通知受影响个人，或不予通知的理由' }),
  'individuals-notification-report': el({ en: 'Report on the intimations given to affected Data Principals', 'zh-CN': '已向受影响数据主体发出告知的情况报告' }),
  'individuals-notification-steps': el({ en: 'Steps taken or intended to notify affected individuals', 'zh-CN': '已采取或拟采取的通知受影响个人的步骤' }),
  'individuals-notified-declaration': el({
    en: 'Declaration that the data subjects were notified', 'zh-CN': '已通知数据主体的声明', 'pt-BR': 'Declaração de que foi realizada a comunicação aos titulares',
  }),
  'law-enforcement-delay': el(
    { en: 'Delay caused by a law enforcement investigation', 'zh-CN': '执法调查导致的延迟' },
    { en: 'Was this notice delayed by law enforcement?', 'zh-CN': '本通知是否因执法调查而延迟' },
  ),
  'law-enforcement-involvement': el({ en: 'Whether law enforcement is investigating', 'zh-CN': '执法机关是否正在调查' }),
  'lessons-learned': el({ en: 'Lessons learned', 'zh-CN': '经验教训' }),
  'likely-consequences': el(
    {
      en: 'Likely consequences', 'zh-CN': '可能造成的后果', de: 'Wahrscheinliche Folgen', fr: 'Conséquences probables',
      'pt-BR': 'Riscos relacionados ao incidente e possíveis impactos aos titulares', ja: '二次被害又はそのおそれの有無及びその内容',
    },
    {
      en: 'What this may mean for you', 'zh-CN': '可能对您造成的影响', de: 'Mögliche Folgen für Sie', fr: 'Conséquences possibles pour vous',
      'pt-BR': 'Possíveis impactos para você', ja: '二次被害又はそのおそれ',
    },
    (s) => narrative(s.facts.likelyConsequences),
  ),
  'likely-developments': el({ en: 'Likely developments and possible further impact', 'zh-CN': '事态发展趋势及可能进一步造成的影响' }),
  'material-impact': el({ en: 'Material impact or reasonably likely material impact', 'zh-CN': '重大影响或合理可能产生的重大影响' }),
  'material-updates': el({ en: 'Updates on material changes', 'zh-CN': '重大变化的最新情况' }),
  measures: el(
    {
      en: 'Measures taken or proposed', 'zh-CN': '已采取或拟采取的措施', de: 'Ergriffene oder vorgeschlagene Maßnahmen', fr: 'Mesures prises ou proposées',
      'pt-BR': 'Medidas adotadas para reverter ou mitigar os efeitos do incidente', ko: '유출등에 대응하기 위하여 개인정보처리자가 한 조치',
    },
    {
      en: 'What we are doing', 'zh-CN': '我们正在采取的措施', de: 'Was wir unternehmen', fr: 'Ce que nous faisons',
      'pt-BR': 'O que estamos fazendo', ko: '개인정보처리자의 대응조치',
    },
    (s) => narrative(s.facts.measuresTaken),
  ),
  'measures-planned': el({ en: 'Measures planned', 'zh-CN': '计划采取的措施' }),
  'member-states-affected': el(
    { en: 'Member states affected', 'zh-CN': '受影响的成员国', de: 'Betroffene Mitgliedstaaten', fr: 'États membres concernés' },
    undefined,
    (s) => (s.facts.affected.length ? known({ kind: 'list', label: s.labels.affectedCountries, value: affectedCountries(s) }) : partial()),
  ),
  nature: el(
    { en: 'Nature of the incident', 'zh-CN': '事件性质', de: 'Art des Vorfalls', fr: "Nature de l'incident", 'pt-BR': 'Descrição do incidente', ja: '概要' },
    { en: 'What happened', 'zh-CN': '事件经过', de: 'Was ist geschehen?', fr: "Que s'est-il passé ?", ja: '事案の概要' },
    (s) => narrative(s.facts.nature),
  ),
  'new-or-different-information': el({ en: 'Substantial new or different information', 'zh-CN': '重大的新信息或不同信息' }),
  'notice-date': el({ en: 'Date of this notice', 'zh-CN': '本通知的日期' }, undefined, noticeDate),
  'notice-timing-and-distribution': el({ en: 'Timing, distribution and content of the notices to individuals', 'zh-CN': '个人通知的发送时间、分发方式和内容' }),
  'notification-means': el({ en: 'Means used to notify the data subjects', 'zh-CN': '通知数据主体所采用的方式', 'pt-BR': 'Meios utilizados para a comunicação ou a publicação' }),
  'number-affected': el(
    { en: 'Number of affected persons', 'zh-CN': '受影响人数', 'pt-BR': 'Número de titulares afetados', ja: '本人の数' },
    undefined,
    (s) => {
      const line = countLine(s);
      return line ? known(line) : partial();
    },
  ),
  'number-notified-directly': el({ en: 'Number of affected residents notified directly', 'zh-CN': '已直接通知的受影响居民人数' }),
  'occurrence-and-recovery-time': el({
    en: 'Date and time of occurrence and of recovery', 'zh-CN': '事件发生及恢复的日期和时间',
    de: 'Zeitpunkt des Auftretens und der Wiederherstellung', fr: 'Date et heure de survenance et de rétablissement',
  }),
  'operational-impact': el({ en: 'Impact on operations', 'zh-CN': '对运营的影响' }),
  origin: el({ en: 'Origin of the incident', 'zh-CN': '事件起源', de: 'Ursprung des Vorfalls', fr: "Origine de l'incident" }),
  'other-authorities-informed': el({ en: 'Other authorities informed', 'zh-CN': '已通知的其他机构', de: 'Unterrichtung anderer Behörden', fr: 'Autres autorités informées' }),
  'other-relevant': el(
    { en: 'Other matters for reference', 'zh-CN': '其他参考事项', ja: 'その他参考となる事項' },
    { en: 'Other information', 'zh-CN': '其他信息', ja: 'その他参考となる事項' },
  ),
  'perpetrator-findings': el({ en: 'Findings regarding the person who caused the breach', 'zh-CN': '关于造成泄露者的调查结果' }),
  'planned-measures-and-support-requested': el({ en: 'Further measures planned and support requested', 'zh-CN': '拟进一步采取的措施及需要的支持' }),
  'police-report-right': el(
    { en: 'Police report', 'zh-CN': '警方报告' },
    undefined,
    (s) => known(text(pick(STATEMENTS.policeReport, s.lang, 'police report statement'))),
  ),
  'processor-identity': el({ en: 'Identification of the processor', 'zh-CN': '处理者身份信息', 'pt-BR': 'Identificação do operador, quando aplicável' }),
  'protective-steps': el(
    { en: 'Steps individuals should take to protect themselves', 'zh-CN': '个人应采取的自我保护措施' },
    WHAT_YOU_CAN_DO,
  ),
  'publication-status': el({ en: 'Public announcement', 'zh-CN': '公开发布情况', ja: '公表の実施状況' }),
  'ransom-amount': el({ en: 'Amount of the ransom payment', 'zh-CN': '赎金支付金额' }),
  'ransom-demand': el({ en: 'Ransom demand, including the virtual currency or commodity requested', 'zh-CN': '赎金要求，包括所要求的虚拟货币或商品' }),
  'ransom-details': el(
    { en: 'Ransom amount, payment method and date', 'zh-CN': '勒索金额、支付方式和日期' },
    undefined,
    (s) => partial(...(s.facts.ransomPaidAt ? [at(s.labels.paymentAt, s.facts.ransomPaidAt)] : [])),
  ),
  'ransom-payment-date': el(
    { en: 'Date of the ransom payment', 'zh-CN': '赎金支付日期' },
    undefined,
    (s) => (s.facts.ransomPaidAt ? known(at(s.labels.paymentAt, s.facts.ransomPaidAt)) : partial()),
  ),
  'ransom-payment-instructions': el({ en: 'Ransom payment instructions, including virtual currency addresses', 'zh-CN': '赎金支付指示，包括虚拟货币地址' }),
  'reasons-for-delay': el(
    {
      en: 'Reasons for the delay', 'zh-CN': '延迟的理由', de: 'Gründe für die Verzögerung', fr: 'Motifs du retard',
      'pt-BR': 'Motivos da demora', ja: '遅延の理由', ko: '지연 사유',
    },
    {
      en: 'Reasons for the delay', 'zh-CN': '延迟的理由', de: 'Gründe für die Verzögerung', fr: 'Motifs du retard',
      'pt-BR': 'Motivos da demora', ja: '遅延の理由', ko: '지연 사유',
    },
    (s) => {
      if (!blank(s.delayReason)) return known(text(s.delayReason as string));
      const due = s.obligation.dueAt;
      // Without a reason the element is satisfied only by a notice known to be in time.
      if (s.now && (due === null || Date.parse(s.now) <= Date.parse(due))) return known(text(s.labels.noDelay));
      return partial();
    },
  ),
  'reasons-for-supplement': el({ en: 'Grounds for the supplementary information', 'zh-CN': '补充信息的理由', 'pt-BR': 'Fundamentação da complementação' }),
  'recommended-steps': el({ en: 'Recommended steps for individuals', 'zh-CN': '建议个人采取的措施' }, WHAT_YOU_CAN_DO),
  'record-categories-and-count': el(
    {
      en: 'Categories and approximate number of personal data records concerned', 'zh-CN': '所涉个人数据记录的类别和大致数量',
      de: 'Kategorien und ungefähre Zahl der betroffenen personenbezogenen Datensätze',
      fr: "Catégories et nombre approximatif d'enregistrements de données à caractère personnel concernés",
    },
    undefined,
    (s) => {
      const lines: Line[] = [];
      if (s.facts.dataCategories.length) lines.push({ kind: 'list', label: s.labels.dataCategories, value: dataCategories(s) });
      if (s.facts.recordCount !== undefined) lines.push({ kind: 'count', label: s.labels.recordCount, value: s.facts.recordCount });
      return { lines, complete: lines.length === 2 };
    },
  ),
  'recurrence-prevention': el({ en: 'Measures to prevent recurrence', 'zh-CN': '防止再次发生的措施', ja: '再発防止のための措置' }),
  'recurring-incidents': el({ en: 'Recurring incidents', 'zh-CN': '重复发生的事件', de: 'Wiederkehrende Vorfälle', fr: 'Incidents récurrents' }),
  remediation: el({ en: 'Improvement and rectification', 'zh-CN': '整改情况' }),
  'remediation-offered': el(
    { en: 'Services offered free of charge', 'zh-CN': '免费提供的服务' },
    { en: 'What we are offering you', 'zh-CN': '我们为您提供的服务' },
  ),
  'remedy-procedure': el(
    { en: 'Procedure for relief from damage', 'zh-CN': '损害救济程序', ko: '피해 구제절차' },
    { en: 'How to obtain relief', 'zh-CN': '如何获得救济', ko: '피해 구제절차' },
  ),
  'reporting-entity-details': el(
    { en: 'Details of the reporting entity and of the person reporting', 'zh-CN': '报告实体及报告人的详细信息' },
    undefined,
    // The reporter's title, relationship to the entity and the entity's address come from the responders.
    (s) => partial(...entityLines(s), text(s.contact.name, s.labels.contactPerson), text(s.contact.email, s.labels.email)),
  ),
  'representation-document': el({
    en: 'Document proving the appointment of the data protection officer, or a power of attorney', 'zh-CN': '数据保护负责人的任命证明或授权委托书',
    'pt-BR': 'Documento comprobatório da indicação do encarregado ou instrumento de procuração',
  }),
  resolution: el({ en: 'Resolution of the incident', 'zh-CN': '事件的解决情况', de: 'Behebung des Vorfalls', fr: "Résolution de l'incident" }),
  'resolution-authority-information': el({
    en: 'Information relevant for resolution authorities', 'zh-CN': '与处置机构相关的信息',
    de: 'Für Abwicklungsbehörden relevante Informationen', fr: 'Informations pertinentes pour les autorités de résolution',
  }),
  'resolution-time': el({
    en: 'Date and time the incident was resolved and its root cause addressed', 'zh-CN': '事件得到解决及根本原因得到处理的日期和时间',
    de: 'Zeitpunkt der Behebung des Vorfalls und der Beseitigung seiner Grundursache',
    fr: "Date et heure de la résolution de l'incident et du traitement de sa cause première",
  }),
  'response-measures': el({ en: 'Emergency response measures', 'zh-CN': '应急处置措施' }, undefined, (s) => narrative(s.facts.measuresTaken)),
  'response-to-individuals': el({ en: 'Status of the response to the data subjects', 'zh-CN': '对本人的应对情况', ja: '本人への対応の実施状況' }),
  'rights-and-remedies': el(
    { en: 'Legal rights of the data subjects, such as claims for damages and dispute mediation', 'zh-CN': '数据主体的法律权利（如损害赔偿请求和纠纷调解）', ko: '손해배상 청구, 분쟁조정 등 정보주체의 권리 구제 방법' },
    { en: 'Your rights', 'zh-CN': '您的权利', ko: '정보주체의 권리 구제 방법' },
    (s) => known(text(pick(STATEMENTS.koreanRights, s.lang, 'rights statement')), ...KR_REMEDY_BODIES.map((a) => agencyLine(a, s))),
  ),
  'root-cause': el({ en: 'Root cause', 'zh-CN': '根本原因', de: 'Grundursache', fr: 'Cause première' }),
  'sample-notice': el({ en: 'Copy of the notice to individuals', 'zh-CN': '个人通知副本' }),
  scope: el({ en: 'Scope of the incident', 'zh-CN': '事件范围' }),
  'security-defenses': el({ en: 'Security defenses in place', 'zh-CN': '已部署的安全防护措施' }),
  'security-freeze-info': el(
    { en: 'Security freeze', 'zh-CN': '信用冻结' },
    undefined,
    (s) => known(text(pick(STATEMENTS.securityFreeze, s.lang, 'security freeze statement')), ...US_CONSUMER_REPORTING_AGENCIES.map((a) => agencyLine(a, s))),
  ),
  'security-measures': el(
    { en: 'Technical and security measures used to protect the data', 'zh-CN': '用于保护数据的技术和安全措施', 'pt-BR': 'Medidas técnicas e de segurança utilizadas para a proteção dos dados' },
    { en: 'How your data was protected', 'zh-CN': '您的数据受到何种保护', 'pt-BR': 'Como seus dados eram protegidos' },
  ),
  'security-program-status': el({ en: 'Written information security program', 'zh-CN': '书面信息安全计划' }),
  'severity-and-impact': el({ en: 'Severity and impact', 'zh-CN': '严重程度和影响', de: 'Schweregrad und Auswirkungen', fr: 'Gravité et impact' }),
  'steps-for-individuals': el(
    { en: 'Steps individuals can take to reduce harm', 'zh-CN': '个人可采取的减轻危害的措施', ko: '유출등으로 인하여 발생할 수 있는 피해를 최소화하기 위하여 정보주체가 할 수 있는 방법' },
    WHAT_YOU_CAN_DO,
  ),
  'subject-categories-and-count': el(
    {
      en: 'Categories and approximate number of data subjects concerned', 'zh-CN': '所涉数据主体的类别和大致人数',
      de: 'Kategorien und ungefähre Zahl der betroffenen Personen', fr: 'Catégories et nombre approximatif de personnes concernées',
    },
    undefined,
    (s) => {
      const lines: Line[] = [];
      const categories = (s.facts.subjectCategories ?? []).filter((c) => !blank(c));
      if (categories.length) lines.push({ kind: 'list', label: s.labels.subjectCategories, value: categories });
      if (s.audienceCount !== null) lines.push({ kind: 'count', label: s.labels.subjectCount, value: s.audienceCount });
      return { lines, complete: lines.length === 2 };
    },
  ),
  'submission-type': el(
    { en: 'Type of submission', 'zh-CN': '报告类型', de: 'Art der Meldung', fr: 'Type de notification' },
    undefined,
    (s) => (s.obligation.stage ? known(text(STAGE_NAMES[s.lang][s.obligation.stage])) : partial()),
  ),
  submitter: el(
    { en: 'Submitting entity', 'zh-CN': '提交实体', de: 'Meldendes Unternehmen', fr: 'Entité déclarante' },
    undefined,
    (s) => known(...entityLines(s)),
  ),
  'supplementary-information': el({ en: 'Supplementary information', 'zh-CN': '补充信息', 'pt-BR': 'Informações complementares' }),
  'suspected-unlawful-or-malicious': el({
    en: 'Suspected unlawful or malicious acts', 'zh-CN': '是否怀疑由非法或恶意行为引起',
    de: 'Verdacht auf rechtswidrige oder böswillige Handlungen', fr: "Soupçon d'actes illicites ou malveillants",
  }),
  'tactics-techniques-procedures': el({ en: 'Tactics, techniques and procedures used', 'zh-CN': '所使用的战术、技术和程序' }),
  'temporary-measures': el({
    en: 'Temporary actions taken or planned', 'zh-CN': '已采取或计划采取的临时措施', de: 'Ergriffene oder geplante vorübergehende Maßnahmen', fr: 'Mesures temporaires prises ou prévues',
  }),
  'threat-actor': el({ en: 'Information on the threat actor', 'zh-CN': '威胁行为者的信息' }),
  'threat-and-techniques': el({ en: 'Threats and techniques used', 'zh-CN': '所涉威胁及所用技术', de: 'Bedrohungen und verwendete Techniken', fr: 'Menaces et techniques utilisées' }),
  'time-and-place-of-discovery': el(
    { en: 'Time and place at which the incident was discovered or occurred', 'zh-CN': '事件发现或发生的时间、地点' },
    undefined,
    (s) => partial(at(s.labels.awareAt, s.facts.awareAt)),
  ),
  timing: el({ en: 'Timing of the incident', 'zh-CN': '事件发生的时间' }),
  'total-subjects-processed': el({
    en: 'Total number of data subjects in the affected processing activities', 'zh-CN': '受影响处理活动所涉数据主体的总数',
    'pt-BR': 'Número total de titulares cujos dados são tratados nas atividades afetadas',
  }),
  'tracing-leads': el({ en: 'Leads for tracing and investigation', 'zh-CN': '追踪溯源线索' }),
  'unauthorised-person-identity': el(
    { en: 'Identity of the unauthorised person, if known', 'zh-CN': '未经授权者的身份（如已知）' },
    { en: 'Who may have obtained your information', 'zh-CN': '可能获取您信息的人' },
  ),
  'updated-description': el({ en: 'Updated and detailed description of the breach', 'zh-CN': '对泄露情况的更新和详细描述' }, undefined, (s) => narrative(s.facts.nature)),
  'vulnerabilities-exploited': el({ en: 'Vulnerabilities exploited', 'zh-CN': '被利用的漏洞' }),
} satisfies Record<string, ElementDef>;

export type ElementId = keyof typeof ELEMENTS;
export const ELEMENT_IDS = Object.keys(ELEMENTS).sort() as ElementId[];

export function isElementId(id: string): id is ElementId {
  return Object.prototype.hasOwnProperty.call(ELEMENTS, id);
}

/** The responders' text for an element: the locale's own first ("cause@ja"), then the plain id. */
export function contentFor(content: Readonly<Record<string, string>>, id: string, locale: string): string | null {
  for (const key of [`${id}@${locale}`, id]) {
    const v = Object.prototype.hasOwnProperty.call(content, key) ? content[key] : undefined;
    if (typeof v === 'string' && v.trim().length > 0) return v;
  }
  return null;
}

export interface ResolvedElement {
  id: ElementId;
  heading: string;
  lines: Line[];
  pending: boolean;
}

/**
 * One element's section content, from the catalogue and the responders' text. A pending element
 * carries what is known and then the "to follow" sentence: never an empty section.
 */
export function resolveElement(
  id: string, src: ElementSource,
  /** `public`: plain-language heading where the catalogue has one (a grouped section keeps the formal one under its group's heading). */
  opts: { public: boolean; content: Readonly<Record<string, string>>; toFollow: string },
): ResolvedElement {
  if (!isElementId(id)) throw new Error(`no content element "${id}" in the catalogue (activities/notices/elements.ts)`);
  const def: ElementDef = ELEMENTS[id];
  const base = def.resolve ? def.resolve(src) : partial();
  const own = contentFor(opts.content, id, src.lang);
  const lines = [...base.lines, ...(own !== null ? [text(own)] : [])];
  const pending = !base.complete && own === null;
  if (pending) lines.push(text(opts.toFollow));
  const heading = src.ortho(pick(opts.public && def.plain ? def.plain : def.heading, src.lang, `the heading of content element "${id}"`));
  return { id, heading, lines, pending };
}

/** Affected people the obligation covers ('*' = everyone); null when no count is recorded yet. */
export function audienceCount(facts: Pick<IncidentFacts, 'affected'>, audience: readonly string[]): number | null {
  if (facts.affected.length === 0) return null;
  if (audience.includes('*')) return totalAffected(facts);
  return facts.affected
    .filter((g) => audience.includes(g.country) || (g.region !== undefined && audience.includes(g.region)))
    .reduce((n, g) => n + g.count, 0);
}
