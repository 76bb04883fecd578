/** /models: the registered models; /models/<name>: one model (versions, stages, aliases, history, promotion). */
import { useLocation } from '../../shell/router.js';
import { pathRest } from './links.js';
import { ModelList } from './ModelList.js';
import { ModelDetail } from './ModelDetail.js';

export function ModelsPage() {
  const { path } = useLocation();
  const name = pathRest(path, '/models');
  return <main className="reg-page" data-testid="models-page">{name ? <ModelDetail key={name} name={name} /> : <ModelList />}</main>;
}
