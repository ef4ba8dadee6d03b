import type { AssessmentDetail, Identity } from '../../api';
import { ResponseReadOnly } from './ResponseReadOnly';
import { ScreenHeader } from './ScreenHeader';
import { WizardForm } from './WizardForm';

interface ResponseWizardProps {
  /** Has `myResponse`. */
  detail: AssessmentDetail;
  me: Identity | undefined;
  onBack: () => void;
  onChanged: (detail: AssessmentDetail) => void;
  /** When I also own it: go to the manager's view. */
  onManage?: () => void;
}

/** My response: step by step while I may change it, read-only once handed in. */
export function ResponseWizard({ detail, me, onBack, onChanged, onManage }: ResponseWizardProps) {
  const response = detail.myResponse;
  if (!response) return null;
  const mine = detail.assignments.find((a) => a.userId === me?.userId);
  return (
    <div data-testid="response-view" data-assessment-id={detail.id}>
      <ScreenHeader
        title={detail.title}
        titleTestId="assessment-heading"
        subtitle={detail.description || (response.round > 1 ? `Round ${response.round}` : undefined)}
        onBack={onBack}
      >
        {onManage && (
          <button type="button" className="button" onClick={onManage}>
            Manage this assessment
          </button>
        )}
      </ScreenHeader>
      {response.editable ? (
        // Not keyed on the round: the core moves the response to the new round on its
        // first answer after changes were requested, and that must not restart the wizard.
        <WizardForm detail={detail} response={response} onChanged={onChanged} />
      ) : (
        <ResponseReadOnly detail={detail} response={response} assignment={mine} />
      )}
    </div>
  );
}
