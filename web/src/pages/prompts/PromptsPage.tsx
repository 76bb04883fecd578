/** /prompts: the prompt registry; /prompts/<name>: versions, labels, rendering and diffs of one prompt. */
import { useLocation } from '../../shell/router.js';
import { pathRest } from '../models/links.js';
import { PromptList } from './PromptList.js';
import { PromptDetail } from './PromptDetail.js';

export function PromptsPage() {
  const { path } = useLocation();
  const name = pathRest(path, '/prompts');
  return <main className="reg-page" data-testid="prompts-page">{name ? <PromptDetail key={name} name={name} /> : <PromptList />}</main>;
}
