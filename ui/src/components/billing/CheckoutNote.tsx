/** Said once checkout was opened in the browser: the page changes by itself when Stripe confirms the payment. */
export function CheckoutNote({ planName, url }: { planName: string; url: string }) {
  return (
    <p className="checkout-note" role="status" data-testid="checkout-opened">
      Checkout opened in your browser. This page updates when the payment goes through.{' '}
      <a href={url} target="_blank" rel="noreferrer" className="checkout-note__link">
        Open the {planName} checkout again
      </a>
    </p>
  );
}
