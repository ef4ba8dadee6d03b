import type { Plan } from '../../api';
import { limitsText } from '../../lib/billing';

interface PlanCardProps {
  plan: Plan;
  current: boolean;
  /** Owners buy plans; others are told to ask one. */
  canManage: boolean;
  /** Above the current plan in the relay's list. */
  upgrade: boolean;
  /** This plan's checkout is being opened. */
  busy: boolean;
  /** Another checkout is being opened. */
  disabled: boolean;
  onChoose: (plan: Plan) => void;
}

/** One plan: its name, price and limits, marked when current, with the way to buy it. */
export function PlanCard({ plan, current, canManage, upgrade, busy, disabled, onChoose }: PlanCardProps) {
  let action = null;
  if (current) {
    action = <span className="plan-card__current">Current plan</span>;
  } else if (plan.purchasable && canManage) {
    action = (
      <button
        type="button"
        className={`button${upgrade ? ' button--primary' : ''}`}
        data-testid={`upgrade-${plan.id}`}
        aria-label={`${upgrade ? 'Upgrade to' : 'Switch to'} ${plan.name}`}
        aria-busy={busy}
        disabled={disabled || busy}
        onClick={() => onChoose(plan)}
      >
        {busy ? 'Opening checkout…' : upgrade ? 'Upgrade' : `Switch to ${plan.name}`}
      </button>
    );
  } else if (plan.purchasable) {
    action = <span className="plan-card__ask">Ask an owner to upgrade</span>;
  }
  return (
    <li className={`plan-card${current ? ' is-current' : ''}`} data-testid={`plan-${plan.id}`} aria-current={current ? 'true' : undefined}>
      <span className="plan-card__name">{plan.name}</span>
      {plan.price && <span className="plan-card__price">{plan.price}</span>}
      <span className="plan-card__limits">{limitsText(plan)}</span>
      <div className="plan-card__action">{action}</div>
    </li>
  );
}
