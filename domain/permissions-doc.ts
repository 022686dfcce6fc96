/** The README's role table, between its markers, generated from the permission table. */
import { permissionsMarkdown } from './permissions';

const START = '<!-- permissions:start -->';
const END = '<!-- permissions:end -->';

export function withPermissionsTable(readme: string): string {
  const i = readme.indexOf(START);
  const j = readme.indexOf(END);
  if (i < 0 || j < i) throw new Error(`README.md has no ${START} … ${END} section`);
  return `${readme.slice(0, i + START.length)}\n${permissionsMarkdown()}\n${readme.slice(j)}`;
}
