import type { Progress } from '../../api';
import { PROGRESS_LABEL } from '../../lib/assessments';
import './ProgressPill.css';

/** Where an assignment stands, in words. */
export function ProgressPill({ progress, testId }: { progress: Progress; testId?: string }) {
  return (
    <span className={`progress-pill progress-pill--${progress}`} data-testid={testId} data-progress={progress}>
      {PROGRESS_LABEL[progress]}
    </span>
  );
}
