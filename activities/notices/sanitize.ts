/**
 * Subject and plain-text bodies are rendered without HTML escaping, so user text reaches them
 * verbatim. These functions make that safe for a mail header and a text/plain body.
 */

/**
 * Line breaks of every kind (CR, LF, NEL, LS, PS), other C0/C1 controls, DEL and bidi
 * override/isolate marks become a single space; runs of whitespace collapse; the result is trimmed.
 * A subject can then never end a header line or start another one.
 */
// eslint-disable-next-line no-control-regex
const HEADER_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;

export function sanitizeHeaderText(s: string): string {
  const out = s.replace(HEADER_UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  if (out.length === 0) throw new Error('subject rendered empty');
  return out;
}

// eslint-disable-next-line no-control-regex
const BODY_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Plain-text body: line endings normalized to LF (the mail composer emits CRLF), control
 * characters other than tab and newline removed, trailing spaces and runs of 3+ blank lines
 * trimmed (template whitespace), one final newline.
 */
export function sanitizeBodyText(s: string): string {
  return `${normalizeBodyFragment(s).trim()}\n`;
}

/** The per-character part of sanitizeBodyText, for locating a value inside a sanitized body. */
export function normalizeBodyFragment(s: string): string {
  return s
    .replace(/\r\n?|\u2028|\u2029|\u0085/g, '\n')
    .replace(BODY_UNSAFE, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n');
}
