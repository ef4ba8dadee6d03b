import type { BillingView, Plan } from '../../api';
import { isUpgrade } from '../../lib/billing';
import { Sheet } from '../Sheet';
import { PlanCard } from './PlanCard';
import './PlanChooser.css';

interface PlanChooserProps {
  view: BillingView;
  /** The plan whose checkout is being opened. */
  busyPlan: string | null;
  onChoose: (plan: Plan) => void;
}

/** Every plan the relay offers, the current one marked, each with the way to buy it. */
export function PlanChooser({ view, busyPlan, onChoose }: PlanChooserProps) {
  return (
    <Sheet titleId="plans-title" title="Plans" className="plan-chooser" testId="plan-chooser">
      {view.plans.length === 0 ? (
        <p className="sheet__hint">The plans show when the relay can be reached.</p>
      ) : (
        <ul className="plan-chooser__list" aria-busy={busyPlan !== null}>
          {view.plans.map((plan) => (
            <PlanCard
              key={plan.id}
              plan={plan}
              current={plan.id === view.plan}
              canManage={view.canManage}
              upgrade={isUpgrade(view.plans, view.plan, plan.id)}
              busy={busyPlan === plan.id}
              disabled={busyPlan !== null}
              onChoose={onChoose}
            />
          ))}
        </ul>
      )}
    </Sheet>
  );
}
