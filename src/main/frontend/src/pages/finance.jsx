// Finance: bank statement lines no process took care of, a customer's store credit, an order's money and invoices.
//   #/finance   (finance; ops reads)
import { useState } from 'preact/hooks';
import { get } from '../api.js';
import { date, dateTime, Empty, Loading, money, Page, ProblemBox, RequireRole, StatusBadge, useApi } from '../ui.jsx';
import { words } from './backoffice/common.jsx';
import './desk.css';

const ROLES = ['finance', 'ops'];

function Unmatched() {
  const { data, error, loading, reload } = useApi('/api/payments/bank-statements/unmatched', { limit: 200 }, [], 30000);
  return (
    <section class="panel dk-panel" aria-labelledby="unmatched-h">
      <h2 id="unmatched-h">Unmatched bank statement lines</h2>
      <p class="muted bo-small">Unknown references, unexpected transfers and partial payments: no process takes care of them.</p>
      {loading && !data && <Loading label="Loading the unmatched lines…" />}
      <ProblemBox error={error} onRetry={reload} />
      {data && data.length === 0 && <Empty>Every statement line is matched.</Empty>}
      {data && data.length > 0 && (
        <div class="table-wrap" tabIndex={0} role="region" aria-label="Unmatched lines (scrollable table)">
          <table class="bo-table bo-stack" data-testid="unmatched-lines">
            <caption class="bo-sr-only">Unmatched bank statement lines</caption>
            <thead>
              <tr>
                <th scope="col">Transaction</th><th scope="col">Booked</th><th scope="col">Payer</th><th scope="col">Reference</th>
                <th scope="col" class="num">Amount</th><th scope="col">Outcome</th><th scope="col">Order</th><th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {data.map((e) => (
                <tr key={e.bankTransactionId}>
                  <td class="bo-break"><code>{e.bankTransactionId}</code><div class="muted bo-small">imported {dateTime(e.importedAt)}</div></td>
                  <td data-label="Booked" class="bo-nowrap">{date(e.bookingDate)}</td>
                  <td data-label="Payer">{e.payerName || '–'}</td>
                  <td data-label="Reference" class="bo-break">{e.reference || '–'}</td>
                  <td data-label="Amount" class="num">{money(e.amount, e.currency)}</td>
                  <td data-label="Outcome"><StatusBadge status={e.outcome} /></td>
                  <td data-label="Order">{e.orderId ? <a href={`#/orders/${encodeURIComponent(e.orderId)}`}>Order</a> : '–'}</td>
                  <td data-label="Note">{e.note || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A lookup form: one labelled input, a submit button with progress, the answer or the API's problem below. */
function Lookup({ id, label, type = 'text', placeholder, button, load, children }) {
  const [value, setValue] = useState('');
  const [state, setState] = useState({ busy: false, error: null, data: null });
  const submit = async (e) => {
    e.preventDefault();
    const v = value.trim();
    if (!v) {
      setState({ busy: false, data: null, error: { status: 400, problem: { title: `${label} missing`, detail: `Enter the ${label.toLowerCase()} first.` }, errors: [] } });
      return;
    }
    setState({ busy: true, error: null, data: null });
    try {
      setState({ busy: false, error: null, data: await load(v) });
    } catch (err) {
      setState({ busy: false, error: err, data: null });
    }
  };
  return (
    <>
      <form class="dk-lookup" onSubmit={submit}>
        <div class="field">
          <label for={id}>{label}</label>
          <input id={id} type={type} placeholder={placeholder} autocomplete="off" value={value} onInput={(e) => setValue(e.currentTarget.value)} />
        </div>
        <button type="submit" disabled={state.busy} aria-busy={state.busy ? 'true' : 'false'}>
          {state.busy && <span class="spinner" aria-hidden="true" />}{button}</button>
      </form>
      <div aria-live="polite">{state.busy && <Loading label="Looking it up…" />}</div>
      {state.error && <ProblemBox error={state.error} />}
      {state.data && children(state.data)}
    </>
  );
}

function StoreCredit() {
  return (
    <section class="panel dk-panel" aria-labelledby="credit-h">
      <h2 id="credit-h">Store credit</h2>
      <Lookup id="credit-email" label="Customer e-mail" type="email" placeholder="name@example.com" button="Look up credit"
        load={(email) => get('/api/store-credit', { email })}>
        {(a) => (
          <div data-testid="store-credit">
            <p>Balance of <strong>{a.customerEmail}</strong>:{' '}
              {Object.keys(a.balance || {}).length === 0 ? <strong>{money(0)}</strong>
                : Object.entries(a.balance).map(([cur, amt]) => <strong key={cur}>{money(amt, cur)} </strong>)}</p>
            {(a.credits || []).length === 0 ? <Empty>No store credit issued to this customer.</Empty> : (
              <div class="table-wrap" tabIndex={0} role="region" aria-label="Store credits (scrollable table)">
                <table class="bo-table bo-stack">
                  <thead><tr><th scope="col">Code</th><th scope="col" class="num">Amount</th><th scope="col">Return</th><th scope="col">Order</th><th scope="col">Issued</th></tr></thead>
                  <tbody>
                    {a.credits.map((c) => (
                      <tr key={c.code}>
                        <td><code>{c.code}</code></td>
                        <td data-label="Amount" class="num">{money(c.amount, c.currency)}</td>
                        <td data-label="Return">{c.rmaNumber || '–'}</td>
                        <td data-label="Order">{c.orderId ? <a href={`#/orders/${encodeURIComponent(c.orderId)}`}>Order</a> : '–'}</td>
                        <td data-label="Issued" class="bo-nowrap">{dateTime(c.issuedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        )}
      </Lookup>
    </section>
  );
}

async function orderMoney(orderId) {
  const id = encodeURIComponent(orderId);
  const [movements, invoices] = await Promise.all([get(`/api/orders/${id}/money-movements`), get(`/api/orders/${id}/invoices`)]);
  return { orderId, movements: movements || [], invoices: invoices || [] };
}

function OrderMoney() {
  return (
    <section class="panel dk-panel" aria-labelledby="order-money-h">
      <h2 id="order-money-h">An order's money</h2>
      <Lookup id="money-order-id" label="Order id" button="Show money" load={orderMoney}>
        {(m) => (
          <div data-testid="order-money">
            <p><a href={`#/orders/${encodeURIComponent(m.orderId)}`}>Open the order</a></p>
            <h3>Money movements</h3>
            {m.movements.length === 0 ? <Empty>No money moved for this order yet.</Empty> : (
              <div class="table-wrap" tabIndex={0} role="region" aria-label="Money movements (scrollable table)">
                <table class="bo-table bo-stack">
                  <thead><tr><th scope="col">When</th><th scope="col">Kind</th><th scope="col" class="num">Amount</th><th scope="col">Reference</th></tr></thead>
                  <tbody>
                    {m.movements.map((mv, i) => (
                      <tr key={i}>
                        <td class="bo-nowrap">{dateTime(mv.occurredAt)}</td>
                        <td data-label="Kind">{words(mv.kind)}</td>
                        <td data-label="Amount" class="num">{money(mv.amount, mv.currency)}</td>
                        <td data-label="Reference" class="bo-break">{mv.reference || '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <h3>Invoices and credit notes</h3>
            {m.invoices.length === 0 ? <Empty>No invoice issued yet.</Empty> : (
              <ul>
                {m.invoices.map((d) => (
                  <li key={d.invoiceNumber}>
                    <a href={d.pdf} target="_blank" rel="noopener">{d.documentType === 'CREDIT_NOTE' ? 'Credit note' : 'Invoice'} {d.invoiceNumber} (PDF)</a>
                    <span class="muted"> · {date(d.issuedOn)} · {money(d.totalGross, d.currency)}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </Lookup>
    </section>
  );
}

export function Finance() {
  return (
    <Page title="Finance" wide>
      <RequireRole roles={ROLES}>
        <Unmatched />
        <div class="grid-2 dk-grid">
          <StoreCredit />
          <OrderMoney />
        </div>
      </RequireRole>
    </Page>
  );
}

export const routes = [{ path: '/finance', component: Finance }];
export const nav = [{ href: '#/finance', label: 'Finance', roles: ROLES }];
