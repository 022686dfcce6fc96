/**
 * Localized phrases that go into a notice context (not into templates): the "to follow" text
 * for unknown content, labels of the lines the context builder writes, the labels of the data
 * categories in domain/facts.ts, and the names the internal mails use.
 * Keys are template locales; resolveLocale() picks one. Element headings live in elements.ts.
 */
import type { DataCategory } from '../../domain/facts';
import type { Role } from '../../domain/actor';
import type { Recipient, Stage } from '../../domain/obligation';

export const PHRASE_LOCALES = ['en', 'de', 'fr', 'zh-CN', 'pt-BR', 'ja', 'ko'] as const;
export type PhraseLocale = (typeof PHRASE_LOCALES)[number];

/** A text in English and Simplified Chinese (every kind has both) and, where a kind needs it, more. */
export type L10n = { en: string; 'zh-CN': string } & Partial<Record<PhraseLocale, string>>;

/** The text for a locale; an error (a gap in the catalogue, caught by the tests) where there is none. */
export function pick(text: L10n, locale: PhraseLocale, what: string): string {
  const s = text[locale];
  if (s === undefined) throw new Error(`no ${locale} text for ${what}`);
  return s;
}

/**
 * Stands in for content not yet known when a notice to an authority or organisation is drafted
 * (GDPR Art. 33(4), DPO Art. 15(2) FADP, APPI Rules Art. 8(1), PIPA Decree Art. 40(2) …).
 */
export const TO_FOLLOW: Record<PhraseLocale, string> = {
  en: 'Not yet known; will be provided in a further report.',
  de: 'Noch nicht bekannt; wird in einer weiteren Meldung nachgereicht.',
  fr: 'Pas encore connu ; sera communiqué dans un rapport ultérieur.',
  'zh-CN': '目前尚不清楚；将在后续报告中提供。',
  'pt-BR': 'Ainda não conhecido; será informado em comunicação complementar.',
  ja: '現時点では判明していません。判明し次第、追って報告します。',
  ko: '현재 확인되지 않았으며, 확인되는 대로 추가로 보고하겠습니다.',
};

/** The same for notices to the public (individuals, media): what they will hear, not a report. */
export const TO_FOLLOW_PUBLIC: Record<PhraseLocale, string> = {
  en: 'Not yet known; we will inform you as soon as we know more.',
  de: 'Noch nicht bekannt; wir informieren Sie, sobald wir mehr wissen.',
  fr: 'Pas encore connu ; nous vous informerons dès que nous en saurons davantage.',
  'zh-CN': '目前尚不清楚；一旦了解更多情况，我们将及时通知您。',
  'pt-BR': 'Ainda não conhecido; informaremos você assim que soubermos mais.',
  ja: '現時点では判明していません。詳細が判明し次第、改めてお知らせします。',
  ko: '현재 확인되지 않았으며, 추가로 확인되는 대로 알려 드리겠습니다.',
};

/** Sentences and labels shared by every template; the context builder puts them in `phrases`. */
export interface SharedPhrases {
  to: string;
  from: string;
  reference: string;
  /** Formal notices with pending elements. */
  pendingReport: string;
  /** Public notices with pending elements. */
  pendingPublic: string;
  /** `{tz}` is replaced by the IANA time zone. */
  timeZoneNote: string;
  salutation: string;
  closing: string;
  /** `{name}` and `{email}` are replaced by the plan's contact point. */
  questions: string;
}

export const SHARED: Record<PhraseLocale, SharedPhrases> = {
  en: {
    to: 'To', from: 'From', reference: 'Reference',
    pendingReport: 'This notice is given on the basis of the information available now. Information marked as not yet known will be provided in a further report without undue delay.',
    pendingPublic: 'Our investigation is ongoing. We will inform you as soon as further information becomes available.',
    timeZoneNote: 'All dates and times are given in the time zone {tz}.',
    salutation: 'Dear Sir or Madam,', closing: 'Yours faithfully,',
    questions: 'If you have any questions, please contact {name} at {email}.',
  },
  de: {
    to: 'An', from: 'Von', reference: 'Aktenzeichen',
    pendingReport: 'Diese Meldung beruht auf den derzeit verfügbaren Informationen. Als noch nicht bekannt gekennzeichnete Informationen werden ohne unangemessene weitere Verzögerung in einer weiteren Meldung nachgereicht.',
    pendingPublic: 'Unsere Untersuchung dauert an. Wir informieren Sie, sobald weitere Informationen vorliegen.',
    timeZoneNote: 'Alle Datums- und Zeitangaben beziehen sich auf die Zeitzone {tz}.',
    salutation: 'Sehr geehrte Damen und Herren,', closing: 'Mit freundlichen Grüßen',
    questions: 'Bei Fragen wenden Sie sich bitte an {name} ({email}).',
  },
  fr: {
    to: 'À', from: 'De', reference: 'Référence',
    pendingReport: "La présente notification repose sur les informations disponibles à ce jour. Les informations signalées comme n'étant pas encore connues seront communiquées dans un rapport ultérieur, sans autre retard indu.",
    pendingPublic: "Notre enquête se poursuit. Nous vous informerons dès que de nouvelles informations seront disponibles.",
    timeZoneNote: 'Toutes les dates et heures sont indiquées dans le fuseau horaire {tz}.',
    salutation: 'Madame, Monsieur,', closing: "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
    questions: 'Pour toute question, veuillez contacter {name} à l\'adresse {email}.',
  },
  'zh-CN': {
    to: '致', from: '发件方', reference: '编号',
    pendingReport: '本通知依据目前掌握的信息作出。标注为尚不清楚的信息将在后续报告中及时提供，不会有不当延误。',
    pendingPublic: '我们的调查仍在进行中。一旦获得进一步信息，我们将及时通知您。',
    timeZoneNote: '本通知中的所有日期和时间均以{tz}时区表示。',
    salutation: '尊敬的先生/女士：', closing: '此致\n敬礼',
    questions: '如有任何疑问，请联系{name}（{email}）。',
  },
  'pt-BR': {
    to: 'Para', from: 'De', reference: 'Referência',
    pendingReport: 'Esta comunicação baseia-se nas informações disponíveis no momento. As informações indicadas como ainda não conhecidas serão apresentadas em comunicação complementar, sem demora injustificada.',
    pendingPublic: 'Nossa apuração continua em andamento. Informaremos você assim que houver novas informações.',
    timeZoneNote: 'Todas as datas e horários estão indicados no fuso horário {tz}.',
    salutation: 'Prezado(a) titular,', closing: 'Atenciosamente,',
    questions: 'Em caso de dúvidas, entre em contato com {name} pelo e-mail {email}.',
  },
  ja: {
    to: '宛先', from: '差出人', reference: '管理番号',
    pendingReport: '本報告は、現時点で把握している情報に基づくものです。「現時点では判明していません」と記載した事項については、判明し次第、追って報告します。',
    pendingPublic: '現在も調査を継続しております。新たな事実が判明し次第、改めてお知らせします。',
    timeZoneNote: '本書の日時はすべてタイムゾーン{tz}で表示しています。',
    salutation: '関係者各位', closing: '以上',
    questions: 'ご不明な点がございましたら、{name}（{email}）までお問い合わせください。',
  },
  ko: {
    to: '수신', from: '발신', reference: '관리번호',
    pendingReport: '본 신고는 현재까지 확인된 정보에 근거한 것입니다. 확인되지 않은 것으로 표시된 사항은 확인되는 대로 지체 없이 추가로 신고하겠습니다.',
    pendingPublic: '현재 조사가 진행 중입니다. 추가로 확인되는 사항이 있으면 지체 없이 알려 드리겠습니다.',
    timeZoneNote: '본 문서의 모든 날짜와 시간은 {tz} 시간대를 기준으로 합니다.',
    salutation: '정보주체님께', closing: '감사합니다.',
    questions: '궁금하신 사항은 {name}({email})에게 문의해 주시기 바랍니다.',
  },
};

/**
 * Sentences several templates share, used as `{{phrase "key"}}` (renderer.ts). A template may only
 * use a key that has its locale: the render tests of every kind and locale prove it.
 */
export const SENTENCES = {
  /** General advice for notices to individuals. */
  vigilance: {
    en: 'Please be cautious about unexpected e-mails, telephone calls or messages that refer to this incident or ask you for personal details, passwords or payment information.',
    de: 'Bitte seien Sie vorsichtig bei unerwarteten E-Mails, Anrufen oder Nachrichten, die sich auf diesen Vorfall beziehen oder Sie nach persönlichen Daten, Passwörtern oder Zahlungsinformationen fragen.',
    fr: 'Soyez vigilant face aux courriels, appels téléphoniques ou messages inattendus qui font référence à cet incident ou qui vous demandent des données personnelles, des mots de passe ou des informations de paiement.',
    'zh-CN': '请警惕提及本事件或向您索取个人信息、密码或支付信息的陌生电子邮件、电话或短信。',
    'pt-BR': 'Fique atento a e-mails, ligações ou mensagens inesperados que mencionem este incidente ou solicitem seus dados pessoais, senhas ou informações de pagamento.',
    ja: '本件に関連するかのような不審な電子メール、電話、メッセージや、個人情報・パスワード・決済情報を求める連絡には十分ご注意ください。',
    ko: '본 사고를 언급하거나 개인정보, 비밀번호 또는 결제 정보를 요구하는 의심스러운 전자우편, 전화 또는 문자 메시지에 각별히 유의하시기 바랍니다.',
  },
  /** US resident notices: the FTC's standard advice and the free annual credit report. */
  usCredit: {
    en: 'We recommend that you remain vigilant by reviewing your account statements and monitoring your credit reports. You are entitled to a free copy of your credit report from each of the three nationwide consumer reporting agencies: visit www.annualcreditreport.com or call 1-877-322-8228.',
    'zh-CN': '我们建议您保持警惕，定期查看您的账户对账单并关注您的信用报告。您有权从三家全国性消费者信用报告机构分别免费获取您的信用报告：请访问www.annualcreditreport.com或致电1-877-322-8228。',
  },
  /** US states whose personal information includes online credentials (e.g. C.R.S. § 6-1-716(2)(a.3)). */
  credentials: {
    en: 'If your username or e-mail address together with your password, or your security questions and answers, were involved, please change them promptly for the account concerned and for any other account that uses the same ones.',
    'zh-CN': '如果涉及您的用户名或电子邮件地址及密码，或者安全问题及答案，请立即在相关账户以及使用相同信息的其他账户中更改。',
  },
  /** HIPAA notices to individuals and the media. */
  health: {
    en: 'We recommend that you review the statements you receive from your health plan and your health care providers and report any services or charges you do not recognize to them.',
    'zh-CN': '我们建议您仔细查看您的健康保险计划和医疗服务提供者寄送的账单及说明，如发现您不认识的服务或费用，请向其报告。',
  },
} as const satisfies Record<string, L10n>;

/** Labels of the lines the element catalogue writes (elements.ts) and of the notice header. */
export interface LineLabels {
  incidentReference: string;
  incident: string;
  awareAt: string;
  dueAt: string;
  name: string;
  /** An organisation's name (Chinese, Japanese and Korean use another word than for a person's). */
  entityName: string;
  email: string;
  phone: string;
  country: string;
  subjectCategories: string;
  subjectCount: string;
  dataCategories: string;
  recordCount: string;
  affectedCount: string;
  /** `{place}` is replaced by the jurisdiction's name. */
  affectedCountIn: string;
  affectedCountries: string;
  detectedAt: string;
  classifiedAt: string;
  determinedAt: string;
  paymentAt: string;
  contactPerson: string;
  noticeDate: string;
  noDelay: string;
}

export const LABELS: Record<PhraseLocale, LineLabels> = {
  en: {
    incidentReference: 'Internal incident reference', incident: 'Incident', awareAt: 'Date and time of awareness', dueAt: 'Time limit for this notice',
    name: 'Name', entityName: 'Name', email: 'E-mail', phone: 'Telephone', country: 'Country',
    subjectCategories: 'Categories of data subjects', subjectCount: 'Approximate number of data subjects',
    dataCategories: 'Categories of personal data', recordCount: 'Approximate number of personal data records',
    affectedCount: 'Approximate number of affected persons', affectedCountIn: 'Approximate number of affected persons in {place}',
    affectedCountries: 'Affected persons are located in', detectedAt: 'Detected', classifiedAt: 'Classified as major',
    determinedAt: 'Breach determined to have occurred', paymentAt: 'Date and time of the payment', contactPerson: 'Contact person',
    noticeDate: 'Date', noDelay: 'None: this notice is given within the time limit.',
  },
  de: {
    incidentReference: 'Internes Aktenzeichen des Vorfalls', incident: 'Vorfall', awareAt: 'Kenntnisnahme', dueAt: 'Frist für diese Meldung',
    name: 'Name', entityName: 'Name', email: 'E-Mail', phone: 'Telefon', country: 'Staat',
    subjectCategories: 'Kategorien betroffener Personen', subjectCount: 'Ungefähre Zahl der betroffenen Personen',
    dataCategories: 'Kategorien personenbezogener Daten', recordCount: 'Ungefähre Zahl der betroffenen personenbezogenen Datensätze',
    affectedCount: 'Ungefähre Zahl der betroffenen Personen', affectedCountIn: 'Ungefähre Zahl der betroffenen Personen in {place}',
    affectedCountries: 'Betroffene Personen befinden sich in', detectedAt: 'Erkannt', classifiedAt: 'Als schwerwiegend eingestuft',
    determinedAt: 'Feststellung der Verletzung', paymentAt: 'Zeitpunkt der Zahlung', contactPerson: 'Ansprechperson',
    noticeDate: 'Datum', noDelay: 'Entfällt: Diese Meldung erfolgt fristgerecht.',
  },
  fr: {
    incidentReference: "Référence interne de l'incident", incident: 'Incident', awareAt: 'Date et heure de la prise de connaissance', dueAt: 'Délai applicable à la présente notification',
    name: 'Nom', entityName: 'Dénomination', email: 'Courriel', phone: 'Téléphone', country: 'Pays',
    subjectCategories: 'Catégories de personnes concernées', subjectCount: 'Nombre approximatif de personnes concernées',
    dataCategories: 'Catégories de données à caractère personnel', recordCount: "Nombre approximatif d'enregistrements de données à caractère personnel concernés",
    affectedCount: 'Nombre approximatif de personnes concernées', affectedCountIn: 'Nombre approximatif de personnes concernées ({place})',
    affectedCountries: 'Les personnes concernées se trouvent dans les pays suivants', detectedAt: 'Détection', classifiedAt: 'Classification comme incident majeur',
    determinedAt: 'Constatation de la violation', paymentAt: 'Date et heure du paiement', contactPerson: 'Personne de contact',
    noticeDate: 'Date', noDelay: 'Sans objet : la présente notification est effectuée dans le délai prévu.',
  },
  'zh-CN': {
    incidentReference: '事件内部编号', incident: '事件', awareAt: '知悉时间', dueAt: '本通知的截止时间',
    name: '姓名', entityName: '名称', email: '电子邮件', phone: '电话', country: '国家/地区',
    subjectCategories: '数据主体类别', subjectCount: '数据主体的大致人数',
    dataCategories: '个人数据类别', recordCount: '个人数据记录的大致数量',
    affectedCount: '受影响的大致人数', affectedCountIn: '{place}受影响的大致人数',
    affectedCountries: '受影响人员所在国家/地区', detectedAt: '发现时间', classifiedAt: '被认定为重大事件的时间',
    determinedAt: '确认发生泄露的时间', paymentAt: '支付时间', contactPerson: '联系人',
    noticeDate: '日期', noDelay: '不适用：本通知在规定期限内作出。',
  },
  'pt-BR': {
    incidentReference: 'Referência interna do incidente', incident: 'Incidente', awareAt: 'Data e hora do conhecimento', dueAt: 'Prazo para esta comunicação',
    name: 'Nome', entityName: 'Nome', email: 'E-mail', phone: 'Telefone', country: 'País',
    subjectCategories: 'Categorias de titulares', subjectCount: 'Número aproximado de titulares',
    dataCategories: 'Categorias de dados pessoais', recordCount: 'Número aproximado de registros de dados pessoais',
    affectedCount: 'Número aproximado de titulares afetados', affectedCountIn: 'Número aproximado de titulares afetados ({place})',
    affectedCountries: 'Os titulares afetados encontram-se em', detectedAt: 'Detecção', classifiedAt: 'Classificação como incidente grave',
    determinedAt: 'Constatação do incidente', paymentAt: 'Data e hora do pagamento', contactPerson: 'Pessoa de contato',
    noticeDate: 'Data', noDelay: 'Não se aplica: esta comunicação é feita dentro do prazo.',
  },
  ja: {
    incidentReference: '事案の社内管理番号', incident: '事案', awareAt: '事態を知った日時', dueAt: '本報告の期限',
    name: '氏名', entityName: '名称', email: '電子メール', phone: '電話', country: '国・地域',
    subjectCategories: '本人の類型', subjectCount: '本人の概数',
    dataCategories: '個人データの項目', recordCount: '個人データの件数（概数）',
    affectedCount: '本人の数（概数）', affectedCountIn: '{place}における本人の数（概数）',
    affectedCountries: '本人の所在国・地域', detectedAt: '検知日時', classifiedAt: '重大事案と判断した日時',
    determinedAt: '漏えい等の発生を確認した日時', paymentAt: '支払日時', contactPerson: '担当者',
    noticeDate: '日付', noDelay: '該当なし（期限内の報告です）。',
  },
  ko: {
    incidentReference: '사고 내부 관리번호', incident: '사고', awareAt: '유출등을 알게 된 일시', dueAt: '본 통지의 기한',
    name: '성명', entityName: '명칭', email: '전자우편', phone: '전화', country: '국가/지역',
    subjectCategories: '정보주체의 유형', subjectCount: '정보주체의 대략적인 수',
    dataCategories: '개인정보 항목', recordCount: '개인정보 기록의 대략적인 건수',
    affectedCount: '영향을 받은 정보주체의 대략적인 수', affectedCountIn: '{place} 내 영향을 받은 정보주체의 대략적인 수',
    affectedCountries: '정보주체의 소재 국가/지역', detectedAt: '탐지 일시', classifiedAt: '중대 사고로 분류된 일시',
    determinedAt: '유출등의 발생을 확인한 일시', paymentAt: '지급 일시', contactPerson: '담당자',
    noticeDate: '일자', noDelay: '해당 없음: 본 통지는 기한 내에 이루어집니다.',
  },
};

/** A stage's name, e.g. in DORA's "type of submission". */
export const STAGE_NAMES: Record<PhraseLocale, Record<Stage, string>> = {
  en: { 'early-warning': 'Early warning', notification: 'Incident notification', initial: 'Initial notification', intermediate: 'Intermediate report', final: 'Final report' },
  de: { 'early-warning': 'Frühwarnung', notification: 'Meldung über den Sicherheitsvorfall', initial: 'Erstmeldung', intermediate: 'Zwischenmeldung', final: 'Abschlussmeldung' },
  fr: { 'early-warning': 'Alerte précoce', notification: "Notification d'incident", initial: 'Notification initiale', intermediate: 'Rapport intermédiaire', final: 'Rapport final' },
  'zh-CN': { 'early-warning': '早期预警', notification: '事件通知', initial: '初始通知', intermediate: '中期报告', final: '最终报告' },
  'pt-BR': { 'early-warning': 'Alerta inicial', notification: 'Notificação do incidente', initial: 'Comunicação inicial', intermediate: 'Relatório intermediário', final: 'Comunicação complementar' },
  ja: { 'early-warning': '早期警告', notification: 'インシデント通知', initial: '速報', intermediate: '中間報告', final: '確報' },
  ko: { 'early-warning': '조기 경보', notification: '사고 통지', initial: '최초 신고', intermediate: '중간 보고', final: '최종 보고' },
};

export const DATA_CATEGORY_LABELS: Record<PhraseLocale, Record<DataCategory, string>> = {
  en: {
    name: 'names',
    contact: 'contact details',
    'government-id': 'government-issued identification numbers',
    financial: 'financial data',
    'payment-card': 'payment card data',
    credentials: 'login credentials',
    health: 'data concerning health',
    genetic: 'genetic data',
    biometric: 'biometric data',
    location: 'location data',
    children: "children's personal data",
    'special-category': 'special categories of personal data (sensitive data)',
    'passport': 'passport, military or other federal identification numbers',
    'tax-id': 'taxpayer identification numbers',
    'health-insurance': 'health insurance information',
    'date-of-birth': 'dates of birth',
    'mothers-maiden-name': "mothers' maiden names",
    'employee-id': 'employee identification numbers',
    'digital-signature': 'digital signatures',
  },
  de: {
    name: 'Namen',
    contact: 'Kontaktdaten',
    'government-id': 'amtliche Identifikationsnummern',
    financial: 'Finanzdaten',
    'payment-card': 'Zahlungskartendaten',
    credentials: 'Zugangsdaten',
    health: 'Gesundheitsdaten',
    genetic: 'genetische Daten',
    biometric: 'biometrische Daten',
    location: 'Standortdaten',
    children: 'personenbezogene Daten von Kindern',
    'special-category': 'besondere Kategorien personenbezogener Daten (sensible Daten)',
    'passport': 'Reisepass-, Militär- oder andere Bundesausweisnummern',
    'tax-id': 'Steueridentifikationsnummern',
    'health-insurance': 'Krankenversicherungsdaten',
    'date-of-birth': 'Geburtsdaten',
    'mothers-maiden-name': 'Geburtsnamen der Mutter',
    'employee-id': 'Personalnummern',
    'digital-signature': 'digitale Signaturen',
  },
  fr: {
    name: 'noms',
    contact: 'coordonnées',
    'government-id': "numéros d'identification officiels",
    financial: 'données financières',
    'payment-card': 'données de cartes de paiement',
    credentials: 'identifiants de connexion',
    health: 'données concernant la santé',
    genetic: 'données génétiques',
    biometric: 'données biométriques',
    location: 'données de localisation',
    children: 'données à caractère personnel relatives à des enfants',
    'special-category': 'catégories particulières de données à caractère personnel (données sensibles)',
    'passport': "numéros de passeport, d'identification militaire ou d'autres pièces fédérales",
    'tax-id': "numéros d'identification fiscale",
    'health-insurance': "données d'assurance maladie",
    'date-of-birth': 'dates de naissance',
    'mothers-maiden-name': 'noms de jeune fille de la mère',
    'employee-id': "numéros d'identification d'employé",
    'digital-signature': 'signatures numériques',
  },
  'zh-CN': {
    name: '姓名',
    contact: '联系方式',
    'government-id': '政府签发的身份证件号码',
    financial: '财务数据',
    'payment-card': '支付卡数据',
    credentials: '登录凭据',
    health: '健康数据',
    genetic: '基因数据',
    biometric: '生物识别数据',
    location: '位置数据',
    children: '儿童个人数据',
    'special-category': '敏感个人数据（特殊类别个人数据）',
    'passport': '护照、军人证件或其他联邦身份证件号码',
    'tax-id': '纳税人识别号',
    'health-insurance': '医疗保险信息',
    'date-of-birth': '出生日期',
    'mothers-maiden-name': '母亲婚前姓氏',
    'employee-id': '员工编号',
    'digital-signature': '数字签名',
  },
  'pt-BR': {
    name: 'nomes',
    contact: 'dados de contato',
    'government-id': 'números de documentos de identificação oficiais',
    financial: 'dados financeiros',
    'payment-card': 'dados de cartões de pagamento',
    credentials: 'credenciais de acesso',
    health: 'dados referentes à saúde',
    genetic: 'dados genéticos',
    biometric: 'dados biométricos',
    location: 'dados de localização',
    children: 'dados pessoais de crianças',
    'special-category': 'dados pessoais sensíveis',
    'passport': 'números de passaporte, identificação militar ou outros documentos federais',
    'tax-id': 'números de identificação do contribuinte',
    'health-insurance': 'dados de seguro-saúde',
    'date-of-birth': 'datas de nascimento',
    'mothers-maiden-name': 'nomes de solteira da mãe',
    'employee-id': 'números de identificação de funcionário',
    'digital-signature': 'assinaturas digitais',
  },
  ja: {
    name: '氏名',
    contact: '連絡先',
    'government-id': '公的な識別番号',
    financial: '金融情報',
    'payment-card': '決済カード情報',
    credentials: 'ログインID・パスワード等の認証情報',
    health: '健康に関する情報',
    genetic: '遺伝情報',
    biometric: '生体情報',
    location: '位置情報',
    children: '子どもの個人情報',
    'special-category': '要配慮個人情報',
    'passport': '旅券番号・軍人身分証番号その他の連邦政府発行の識別番号',
    'tax-id': '納税者番号',
    'health-insurance': '健康保険に関する情報',
    'date-of-birth': '生年月日',
    'mothers-maiden-name': '母親の旧姓',
    'employee-id': '従業員番号',
    'digital-signature': '電子署名',
  },
  ko: {
    name: '성명',
    contact: '연락처',
    'government-id': '고유식별정보(주민등록번호 등)',
    financial: '금융정보',
    'payment-card': '결제카드 정보',
    credentials: '로그인 인증정보',
    health: '건강에 관한 정보',
    genetic: '유전정보',
    biometric: '생체인식정보',
    location: '위치정보',
    children: '아동의 개인정보',
    'special-category': '민감정보',
    'passport': '여권번호·군인 신분증 번호 등 연방 신분증 번호',
    'tax-id': '납세자 식별번호',
    'health-insurance': '건강보험 정보',
    'date-of-birth': '생년월일',
    'mothers-maiden-name': '어머니의 결혼 전 성',
    'employee-id': '직원 식별번호',
    'digital-signature': '전자서명',
  },
};

/** Used by the `roleName` template helper. */
export const ROLE_NAMES: Record<PhraseLocale, Record<Role, string>> = {
  en: { responder: 'responder', manager: 'manager', legal: 'legal', auditor: 'auditor', admin: 'administrator' },
  de: { responder: 'Einsatzkraft', manager: 'Leitung', legal: 'Rechtsabteilung', auditor: 'Prüfer', admin: 'Administrator' },
  fr: { responder: 'intervenant', manager: 'responsable', legal: 'service juridique', auditor: 'auditeur', admin: 'administrateur' },
  'zh-CN': { responder: '响应人员', manager: '管理负责人', legal: '法务', auditor: '审计人员', admin: '系统管理员' },
  'pt-BR': { responder: 'equipe de resposta', manager: 'gestão', legal: 'jurídico', auditor: 'auditoria', admin: 'administrador' },
  ja: { responder: '対応担当者', manager: '管理責任者', legal: '法務', auditor: '監査担当者', admin: 'システム管理者' },
  ko: { responder: '대응 담당자', manager: '관리 책임자', legal: '법무', auditor: '감사 담당자', admin: '시스템 관리자' },
};

/** Used by the `recipientName` template helper. */
export const RECIPIENT_NAMES: Record<PhraseLocale, Record<Recipient, string>> = {
  en: { authority: 'the supervisory authority', individuals: 'the data subjects', media: 'the media', 'credit-agencies': 'credit reporting agencies', controller: 'the controller' },
  de: { authority: 'die Aufsichtsbehörde', individuals: 'die betroffenen Personen', media: 'die Medien', 'credit-agencies': 'Auskunfteien', controller: 'den Verantwortlichen' },
  fr: { authority: "l'autorité de contrôle", individuals: 'les personnes concernées', media: 'les médias', 'credit-agencies': 'les agences d’évaluation du crédit', controller: 'le responsable du traitement' },
  'zh-CN': { authority: '监管机构', individuals: '数据主体', media: '媒体', 'credit-agencies': '征信机构', controller: '控制者' },
  'pt-BR': { authority: 'a autoridade', individuals: 'os titulares', media: 'a imprensa', 'credit-agencies': 'os birôs de crédito', controller: 'o controlador' },
  ja: { authority: '監督当局', individuals: '本人', media: '報道機関', 'credit-agencies': '信用情報機関', controller: '委託元' },
  ko: { authority: '감독기관', individuals: '정보주체', media: '언론', 'credit-agencies': '신용정보회사', controller: '개인정보처리자' },
};

export function isPhraseLocale(l: string): l is PhraseLocale {
  return (PHRASE_LOCALES as readonly string[]).includes(l);
}
