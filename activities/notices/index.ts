export { createNoticeRenderer, DEFAULT_TEMPLATES_DIR, NoticeContextError, TEMPLATE_PARTS, type NoticeRenderer, type NoticeRendererOptions, type RenderedNotice } from './renderer';
export {
  CONTEXT_SCHEMAS, NOTICE_KINDS, isNoticeKind, GdprNoticeContext, ReminderContext, EscalationContext,
  type NoticeKind, type GdprNoticeContextInput, type ReminderContextInput, type EscalationContextInput,
} from './contexts';
export { buildGdprContext, type GdprContextInput } from './gdpr-context';
export { buildNoticeContext, noticeKind, TEMPLATE_LOCALES, type NoticeContextRequest, type ObligationNoticeKind } from './context-builder';
export {
  REQUIRED_CONTENT_PROBES, REQUIRED_CONTENT_BY_KIND, GDPR_ART33_ELEMENTS, GDPR_ART34_ELEMENTS, checkRequiredContent,
  isRequiredContentId, type RequiredContentId, type RequiredContentCheck,
} from './required-content';
export { resolveLocale, formatDateTime, formatNumber, formatList, type LocaleChoice } from './locale';
export { sanitizeHeaderText, sanitizeBodyText } from './sanitize';
export { TO_FOLLOW, DATA_CATEGORY_LABELS, PHRASE_LOCALES } from './phrases';
