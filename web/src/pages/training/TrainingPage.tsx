/** Training dispatch. /training: quota and the training runs; /training/new: the request form; /training/<runId>: one run, live. */
import { useLocation } from '../../shell/router.js';
import { TrainingDetail } from './TrainingDetail.js';
import { TrainingFormView } from './TrainingFormView.js';
import { TrainingList } from './TrainingList.js';
import '../runs/tracking.css';

export function TrainingPage() {
  const { path } = useLocation();
  const sub = path.startsWith('/training/') ? decodeURIComponent(path.slice('/training/'.length)) : '';
  return (
    <div className="tracking-page training-page">
      {sub === 'new' ? <TrainingFormView /> : sub ? <TrainingDetail key={sub} runId={sub} /> : <TrainingList />}
    </div>
  );
}
