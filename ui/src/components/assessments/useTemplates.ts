import { api } from '../../api';
import { explainError } from '../../lib/errorText';
import { useToasts } from '../../state/toasts';
import { useKindsChanged } from '../../state/useKindsChanged';
import { useResource } from '../../state/useResource';

/** The team's templates (built-in first), re-read when the team document changes. */
export function useTemplates(teamId: string) {
  const { showError } = useToasts();
  const templates = useResource(`templates:${teamId}`, () => api.templateList(teamId), (e) => showError(explainError(e)));
  useKindsChanged(['team'], teamId, () => void templates.reload());
  return templates;
}
