// What the main area shows instead of a board or a conversation.

export type AssessmentRoute =
  | { screen: 'home' }
  | { screen: 'create' }
  | { screen: 'templates' }
  /** The manager's view: questions, delegation, assignments and reviews. */
  | { screen: 'detail'; id: string }
  | { screen: 'results'; id: string }
  /** My own response, step by step. */
  | { screen: 'respond'; id: string };

export type Page =
  | { kind: 'people'; teamId: string }
  | { kind: 'assessments'; teamId: string; route: AssessmentRoute };

export const ASSESSMENTS_HOME: AssessmentRoute = { screen: 'home' };
