export {
  createNoticeRenderer,
  defaultKinds,
  DEFAULT_TEMPLATES_DIR,
  NoticeContextError,
  TEMPLATE_PARTS,
  type KindLayout,
  type NoticeRenderer,
  type NoticeRendererOptions,
  type RenderedNotice,
} from './renderer';
export {
  CONTEXT_SCHEMAS,
  NOTICE_KINDS,
  isNoticeKind,
  ObligationNoticeContext,
  ReminderContext,
  EscalationContext,
  type NoticeKind,
  type NoticeLine,
  type NoticeSection,
  type ObligationNoticeContextInput,
  type ReminderContextInput,
  type EscalationContextInput,
} from './contexts';
export {
  buildNoticeContext,
  noticeKind,
  obligationKey,
  jurisdictionName,
  TEMPLATE_LOCALES,
  type NoticeContextRequest,
  type ObligationNoticeKind,
} from './context-builder';
export {
  deriveKinds,
  KindWordingError,
  OBLIGATION_KINDS,
  OBLIGATION_KIND_NAMES,
  REGIME_LOCALES,
  obligationKindSpec,
  type ObligationKindSpec,
} from './kinds';
export {
  ELEMENTS,
  ELEMENT_IDS,
  isElementId,
  resolveElement,
  contentFor,
  type ElementId,
  type ElementDef,
} from './elements';
export {
  checkRequiredContent,
  sectionProbes,
  appearsInText,
  appearsInHtml,
  type RequiredContentCheck,
} from './required-content';
export {
  resolveLocale,
  formatDateTime,
  formatDate,
  formatNumber,
  formatList,
  formatLineValue,
  type LocaleChoice,
} from './locale';
export { sanitizeHeaderText, sanitizeBodyText } from './sanitize';
export { TO_FOLLOW, TO_FOLLOW_PUBLIC, DATA_CATEGORY_LABELS, PHRASE_LOCALES, type PhraseLocale } from './phrases';
export {
  createWordingStore,
  defaultWordingStore,
  WordingFileError,
  type Catalogue,
  type Wording,
  type WordingDirs,
  type WordingStore,
} from './wording';
export { checkPlanWording } from './plan-wording';
