import { api } from '../../api';
import { formatMoney, toMs } from '../../lib/billing';
import { formatDay } from '../../lib/dates';
import { explainError } from '../../lib/errorText';
import { useKindsChanged } from '../../state/useKindsChanged';
import { useResourceWithError } from '../../state/useResourceWithError';
import { Loading } from '../assessments/Loading';
import { Sheet } from '../Sheet';
import { TableHead } from '../TableHead';
import './InvoicesSheet.css';

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The team's invoices, newest first, each with a link to Stripe's page for it (owners only). */
export function InvoicesSheet({ teamId }: { teamId: string }) {
  const invoices = useResourceWithError(`invoices:${teamId}`, () => api.billingInvoices(teamId));
  useKindsChanged(['billing'], teamId, () => void invoices.reload());

  let body;
  if (invoices.error && !invoices.data) {
    // Stripe's reason or why billing cannot be reached, as the core words it; other codes in plain words.
    body = (
      <p className="field__error" role="alert" data-testid="invoices-error" data-code={invoices.error.code}>
        {explainError(invoices.error).message}
      </p>
    );
  } else if (!invoices.data) {
    body = invoices.loading ? <Loading label="Loading invoices" lines={2} /> : null;
  } else if (invoices.data.length === 0) {
    body = <p className="sheet__hint">No invoices yet.</p>;
  } else {
    body = (
      <div className="table-scroll">
        <table className="data-table invoices" data-testid="invoices-table">
          <TableHead columns={['Date', 'Number', 'Amount', 'Status']} withActions />
          <tbody>
            {invoices.data.map((invoice) => (
              <tr key={invoice.id} data-testid={`invoice-${invoice.id}`}>
                <td>{formatDay(toMs(invoice.created))}</td>
                <td>{invoice.number ?? '–'}</td>
                <td className="invoices__amount">{formatMoney(invoice.amountDue, invoice.currency)}</td>
                <td>
                  <span className={`invoices__status invoices__status--${invoice.status}`}>{capitalised(invoice.status)}</span>
                </td>
                <td>
                  {invoice.hostedInvoiceUrl && (
                    <a
                      href={invoice.hostedInvoiceUrl}
                      target="_blank"
                      rel="noreferrer"
                      aria-label={`View invoice ${invoice.number ?? formatDay(toMs(invoice.created))}`}
                    >
                      View
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <Sheet titleId="invoices-title" title="Invoices" className="invoices-sheet" testId="invoices">
      {body}
    </Sheet>
  );
}
