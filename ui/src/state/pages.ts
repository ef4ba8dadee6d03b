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

export type PulseRoute =
  | { screen: 'home' }
  /** One survey: my answer this period (and for managers, the way to its results). */
  | { screen: 'survey'; id: string }
  | { screen: 'create' }
  | { screen: 'edit'; id: string }
  | { screen: 'results'; id: string };

export type Page =
  | { kind: 'people'; teamId: string }
  | { kind: 'assessments'; teamId: string; route: AssessmentRoute }
  | { kind: 'pulse'; teamId: string; route: PulseRoute }
  /** The team's plan, its limits, upgrading and invoices. */
  | { kind: 'billing'; teamId: string }
  /** The team's watchlist with quotes, company news and top headlines. */
  | { kind: 'market'; teamId: string }
  /** One board's dated tasks on a calendar (a Gantt view). */
  | { kind: 'timeline'; teamId: string; boardId: string };

export const ASSESSMENTS_HOME: AssessmentRoute = { screen: 'home' };
export const PULSE_HOME: PulseRoute = { screen: 'home' };
