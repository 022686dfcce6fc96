/**
 * Localized phrases that go into a notice context (not into templates): the "to follow" text
 * for unknown narrative parts and the labels of the data categories in domain/facts.ts.
 * Keys are template locales; resolveLocale() picks one.
 */
import type { DataCategory } from '../../domain/facts';
import type { Role } from '../../domain/actor';
import type { Recipient } from '../../domain/obligation';

export const PHRASE_LOCALES = ['en', 'de', 'fr', 'zh-CN'] as const;
export type PhraseLocale = (typeof PHRASE_LOCALES)[number];

/** Stands in for a narrative part not yet known when the notice is drafted (GDPR Art. 33(4)). */
export const TO_FOLLOW: Record<PhraseLocale, string> = {
  en: 'Not yet known; will be provided in phases (Art. 33(4) GDPR).',
  de: 'Noch nicht bekannt; wird schrittweise nachgereicht (Art. 33 Abs. 4 DSGVO).',
  fr: 'Pas encore connu ; sera communiqué de manière échelonnée (article 33, paragraphe 4, du RGPD).',
  'zh-CN': '目前尚不清楚；将依据《通用数据保护条例》第33条第4款分阶段提供。',
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
    'special-category': 'special categories of personal data (Art. 9 GDPR)',
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
    'special-category': 'besondere Kategorien personenbezogener Daten (Art. 9 DSGVO)',
  },
  fr: {
    name: 'noms',
    contact: 'coordonnées',
    'government-id': "numéros d'identification officiels",
    financial: 'données financières',
    'payment-card': 'données de cartes de paiement',
    credentials: "identifiants de connexion",
    health: 'données concernant la santé',
    genetic: 'données génétiques',
    biometric: 'données biométriques',
    location: 'données de localisation',
    children: 'données à caractère personnel relatives à des enfants',
    'special-category': 'catégories particulières de données à caractère personnel (article 9 du RGPD)',
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
    'special-category': '特殊类别个人数据（《通用数据保护条例》第9条）',
  },
};

/** Used by the `roleName` template helper. */
export const ROLE_NAMES: Record<PhraseLocale, Record<Role, string>> = {
  en: { responder: 'responder', manager: 'manager', legal: 'legal', auditor: 'auditor', admin: 'administrator' },
  de: { responder: 'Einsatzkraft', manager: 'Leitung', legal: 'Rechtsabteilung', auditor: 'Prüfer', admin: 'Administrator' },
  fr: { responder: 'intervenant', manager: 'responsable', legal: 'service juridique', auditor: 'auditeur', admin: 'administrateur' },
  'zh-CN': { responder: '响应人员', manager: '管理负责人', legal: '法务', auditor: '审计人员', admin: '系统管理员' },
};

/** Used by the `recipientName` template helper. */
export const RECIPIENT_NAMES: Record<PhraseLocale, Record<Recipient, string>> = {
  en: { authority: 'the supervisory authority', individuals: 'the data subjects', media: 'the media', 'credit-agencies': 'credit reporting agencies', controller: 'the controller' },
  de: { authority: 'die Aufsichtsbehörde', individuals: 'die betroffenen Personen', media: 'die Medien', 'credit-agencies': 'Auskunfteien', controller: 'den Verantwortlichen' },
  fr: { authority: "l'autorité de contrôle", individuals: 'les personnes concernées', media: 'les médias', 'credit-agencies': 'les agences d’évaluation du crédit', controller: 'le responsable du traitement' },
  'zh-CN': { authority: '监管机构', individuals: '数据主体', media: '媒体', 'credit-agencies': '征信机构', controller: '控制者' },
};

export function isPhraseLocale(l: string): l is PhraseLocale {
  return (PHRASE_LOCALES as readonly string[]).includes(l);
}
