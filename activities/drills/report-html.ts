/** The drill report as a readable page (the JSON report is the source; this only lays it out). */
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DrillReport } from '../../domain/drill-score';

const hbs = Handlebars.create();
hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
let template: HandlebarsTemplateDelegate | undefined;

export function drillReportHtml(report: DrillReport): string {
  template ??= hbs.compile(readFileSync(join(__dirname, 'report.hbs'), 'utf8'), { strict: false });
  return template({ report });
}

/** One line per legal miss, the way a plan owner reads it. */
export function drillVerdict(report: DrillReport): string[] {
  if (!report.missedLegalDeadline) return ['No legal deadline missed.'];
  return report.obligations
    .filter((o) => o.met === false)
    .map(
      (o) =>
        `With this plan and these response times you miss ${o.id} (${o.citation}) by ${Math.abs(o.marginHours ?? 0)} hours.`,
    );
}
