/** The incident record as a readable, printable page: self-contained (inline CSS, no script). */
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncidentRecord } from './schema';

const hbs = Handlebars.create();
hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
/** The value, or the fallback when it is null, undefined or empty (0 is a value). */
hbs.registerHelper('or', (v: unknown, fallback: unknown) => (v === null || v === undefined || v === '' ? fallback : v));
hbs.registerHelper('join', (xs: unknown) => (Array.isArray(xs) && xs.length ? xs.join(', ') : '—'));
hbs.registerHelper('json', (v: unknown) => JSON.stringify(v));
hbs.registerHelper('short', (h: unknown) => (typeof h === 'string' ? `${h.slice(0, 16)}…` : ''));
hbs.registerHelper('outcomeClass', (o: unknown) =>
  o === 'late' || o === 'overdue' ? 'bad' : o === 'on-time' ? 'good' : '',
);
/** An ISO instant as "2026-03-01 08:00:05Z" (the JSON export keeps the milliseconds); anything else unchanged. */
hbs.registerHelper('t', (v: unknown) =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v)
    ? `${v.slice(0, 10)} ${v.slice(11, 19)}Z`
    : v,
);
let template: HandlebarsTemplateDelegate | undefined;

export function renderIncidentRecordHtml(record: IncidentRecord): string {
  template ??= hbs.compile(readFileSync(join(__dirname, 'record.hbs'), 'utf8'), { strict: false });
  return template({ r: record });
}
