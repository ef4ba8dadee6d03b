import { useCallback, useEffect, useState } from 'react';
import { api, type PulseView } from '../../api';
import { useKindsChanged } from '../../state/useKindsChanged';
import { useResource } from '../../state/useResource';

export interface TeamThreshold {
  /** The team's anonymity threshold; null while it cannot be known. */
  value: number | null;
  /** A manager set it: show this until the core says otherwise. */
  update: (threshold: number) => void;
}

/**
 * The team's anonymity threshold. A survey says it (`PulseView.threshold`, asked
 * of the core); until every core does, a manager reads it from a survey's
 * results. A member of a team whose core does not say it gets null.
 */
export function useTeamThreshold(teamId: string, manager: boolean, surveys: PulseView[] | undefined): TeamThreshold {
  const fromSurveys = surveys?.find((s) => typeof s.threshold === 'number')?.threshold ?? null;
  const probeId = manager && fromSurveys === null && surveys && surveys.length > 0 ? surveys[0].id : null;
  // Quiet on failure: the results screen reports its own errors.
  const probe = useResource(probeId && `pulse-threshold:${teamId}:${probeId}`, () => api.pulseResults(teamId, probeId ?? ''));
  useKindsChanged(['team'], teamId, () => void probe.reload());
  const [saved, setSaved] = useState<number | null>(null);
  const known = fromSurveys ?? probe.data?.threshold ?? null;
  // What the core says next wins over what was just saved here.
  useEffect(() => setSaved(null), [known]);
  const { reload } = probe;
  const update = useCallback(
    (threshold: number) => {
      setSaved(threshold);
      void reload();
    },
    [reload],
  );
  return { value: saved ?? known, update };
}
