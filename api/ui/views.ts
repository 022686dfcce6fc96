/**
 * The pages' handlebars views (api/ui/views): each page is rendered into the layout. Everything is
 * written with {{ }} (escaped); the only unescaped output is the rendered page body and the
 * layout's own script, both produced here.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Handlebars from 'handlebars';

export const UI_TEMPLATES_DIR = resolve(__dirname, 'views');

/**
 * Shows each `<time datetime>` in the viewer's time zone (the server renders UTC, which stays
 * without script). Allowed by the pages' Content-Security-Policy by its hash, and nothing else is.
 */
const LOCAL_TIME_SCRIPT =
  "(function(){var f;try{f=new Intl.DateTimeFormat(undefined,{year:'numeric',month:'short',day:'numeric',hour:'2-digit',minute:'2-digit',timeZoneName:'short'});}catch(e){return;}" +
  "document.querySelectorAll('time[datetime]').forEach(function(t){var d=new Date(t.getAttribute('datetime'));" +
  "if(!isNaN(d.getTime())){t.setAttribute('title',t.textContent);t.textContent=f.format(d);}});})();";

/** Inline styles (the layout's and a notice's own, in its preview) and the script above: nothing else runs or loads. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  `script-src 'sha256-${createHash('sha256').update(LOCAL_TIME_SCRIPT).digest('base64')}'`,
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export interface LayoutModel {
  title: string;
  /** The signed-in person, for the header (absent on the sign-in page). */
  viewer?: { id: string; role: string; csrf: string; mayReadRecords: boolean };
  flash?: string;
}

export function createViews(dir: string = UI_TEMPLATES_DIR) {
  const hb = Handlebars.create();
  const partialsDir = join(dir, 'partials');
  for (const f of readdirSync(partialsDir).filter((x) => x.endsWith('.hbs')))
    hb.registerPartial(f.slice(0, -4), readFileSync(join(partialsDir, f), 'utf8'));
  const compile = (name: string) =>
    hb.compile(readFileSync(join(dir, `${name}.hbs`), 'utf8'), { strict: false, noEscape: false });
  const layout = compile('layout');
  const pages = new Map<string, HandlebarsTemplateDelegate>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.hbs') && x !== 'layout.hbs'))
    pages.set(f.slice(0, -4), compile(f.slice(0, -4)));

  return {
    render(page: string, model: LayoutModel & Record<string, unknown>): string {
      const tpl = pages.get(page);
      if (!tpl) throw new Error(`no view api/ui/views/${page}.hbs`);
      const body = tpl(model);
      return layout({ ...model, body: new hb.SafeString(body), script: new hb.SafeString(LOCAL_TIME_SCRIPT) });
    },
  };
}
export type Views = ReturnType<typeof createViews>;
