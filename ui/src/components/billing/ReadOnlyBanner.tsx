import './ReadOnlyBanner.css';

interface ReadOnlyBannerProps {
  teamName: string;
  onOpenBilling: () => void;
}

/** A thin bar over a read-only team's pages: why nothing can be changed, and that nothing is lost. */
export function ReadOnlyBanner({ teamName, onOpenBilling }: ReadOnlyBannerProps) {
  return (
    <div className="read-only-banner" role="status" data-testid="read-only-banner">
      <span>
        {teamName} is read-only: its payment is past due. Everything can be read, nothing can be changed until the payment is fixed. Nothing is
        lost.
      </span>
      <button type="button" className="read-only-banner__link" onClick={onOpenBilling}>
        Billing
      </button>
    </div>
  );
}
