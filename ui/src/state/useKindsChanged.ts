import { useRef } from 'react';
import type { DocChangedPayload } from '../api';
import { useDocChanged } from './useDocChanged';

/**
 * Calls `onChange` once per burst of `doc-changed` events that holds a document
 * of one of these kinds in this team (or in no team). Other teams' writes cost
 * nothing.
 */
export function useKindsChanged(kinds: readonly string[], teamId: string | null, onChange: (changes: DocChangedPayload[]) => void) {
  const handler = useRef(onChange);
  handler.current = onChange;
  useDocChanged((changes) => {
    const relevant = changes.filter(
      (c) => kinds.includes(c.kind) && (teamId === null || c.teamId === null || c.teamId === teamId || c.docId === teamId),
    );
    if (relevant.length > 0) handler.current(relevant);
  });
}

export const ASSESSMENT_KINDS = ['assessment', 'response', 'team'] as const;
