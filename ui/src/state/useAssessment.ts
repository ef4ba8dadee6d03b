import { useCallback } from 'react';
import { api, hasCode, type AppError } from '../api';
import { explainError } from '../lib/errorText';
import { useToasts } from './toasts';
import { ASSESSMENT_KINDS, useKindsChanged } from './useKindsChanged';
import { useResource } from './useResource';

/**
 * One assessment as this device has it, re-read whenever an assessment, a
 * response or the team changes. `onGone` runs when it no longer exists.
 */
export function useAssessment(assessmentId: string, teamId: string, onGone: () => void) {
  const { showError } = useToasts();
  const onError = useCallback(
    (error: AppError) => {
      showError(explainError(error));
      if (hasCode(error, 'not_found')) onGone();
    },
    [showError, onGone],
  );
  const detail = useResource(`assessment:${assessmentId}`, () => api.assessmentGet(assessmentId), onError);
  useKindsChanged(ASSESSMENT_KINDS, teamId, () => void detail.reload());
  return detail;
}
