// Returns desk: customer service follows the open returns (RMA, order, status, the process's current steps) and reads
// one in full; warehouse staff report a return parcel's arrival at their dock.
//   #/returns             open returns (customer service, ops) and/or the dock form (warehouse staff)
//   #/returns/:returnId   one return: lines, received/missing, condition, outcome, refund, history, label
import { useState } from 'preact/hooks';
import { post } from '../api.js';
import { dateTime, Empty, hasRole, Loading, money, Page, ProblemBox, RequireRole, StatusBadge, useApi, useMe } from '../ui.jsx';
import { num, words } from './backoffice/common.jsx';
import './desk.css';

const LIST_ROLES = ['customer-service', 'ops'];
const DOCK_ROLES = ['warehouse', 'warehouse-supervisor'];
const DETAIL_ROLES = ['customer-service', 'ops', 'finance', ...DOCK_ROLES];

function lineSummary(r) {
  const lines = r.lines || [];
  if (!lines.length) return '–';
  const first = `${lines[0].requestedQuantity} × ${lines[0].productName || lines[0].sku}`;
  return lines.length > 1 ? `${first} + ${lines.length - 1} more` : first;
}

function Steps({ steps }) {
  if (!steps || !steps.length) return <span class="muted">–</span>;
  return <ul class="dk-steps">{steps.map((s) => <li key={s}>{s}</li>)}</ul>;
}

function OpenReturns() {
  const { data, error, loading, reload } = useApi('/api/returns', { open: true }, [], 15000);
  return (
    <section aria-labelledby="open-returns-h">
      <h2 id="open-returns-h">Open returns</h2>
      {loading && !data && <Loading label="Loading the open returns…" />}
      <ProblemBox error={error} onRetry={reload} />
      {data && data.length === 0 && <Empty>No open returns.</Empty>}
      {data && data.length > 0 && (
        <div class="table-wrap" tabIndex={0} role="region" aria-label="Open returns (scrollable table)">
          <table class="bo-table bo-stack" data-testid="open-returns">
            <caption class="bo-sr-only">Open returns, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">RMA</th><th scope="col">Order</th><th scope="col">Kind</th><th scope="col">Lines</th>
                <th scope="col">Status</th><th scope="col">Current steps</th><th scope="col">Warehouse</th>
              </tr>
            </thead>
            <tbody>
              {data.map((r) => (
                <tr key={r.id} data-testid={`return-row-${r.rmaNumber}`}>
                  <td class="bo-nowrap"><a href={`#/returns/${encodeURIComponent(r.id)}`}>{r.rmaNumber}</a>
                    <div class="muted bo-small">{dateTime(r.requestedAt)}</div></td>
                  <td data-label="Order"><a href={`#/orders/${encodeURIComponent(r.orderId)}`}>{r.orderNumber || r.orderId}</a></td>
                  <td data-label="Kind">{words(r.kind)}{r.reason && <div class="muted bo-small">{words(r.reason)}</div>}</td>
                  <td data-label="Lines">{lineSummary(r)}</td>
                  <td data-label="Status"><StatusBadge status={r.status} /></td>
                  <td data-label="Current steps"><Steps steps={r.currentSteps} /></td>
                  <td data-label="Warehouse">{words(r.warehouseId)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The dock: the return's id (printed on the return label and in the return's link) → its parcel has arrived. */
export function DockForm({ initial = '' }) {
  const [id, setId] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [done, setDone] = useState(null);
  const submit = async (e) => {
    e.preventDefault();
    const returnId = id.trim();
    setError(null);
    setDone(null);
    if (!returnId) {
      setError({ status: 400, problem: { title: 'Nothing scanned', detail: 'Scan the return label or type its RMA number first.' }, errors: [] });
      return;
    }
    setBusy(true);
    try {
      const r = await post(`/api/returns/${encodeURIComponent(returnId)}/arrival`);
      setDone(r);
      setId('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="dock-h" class="panel dk-panel dk-dock">
      <h2 id="dock-h">Report a return parcel's arrival</h2>
      <form onSubmit={submit} data-testid="dock-form">
        <div class="dk-row">
          <div class="field">
            <label for="dock-return-id">RMA number, return tracking number or return id</label>
            <input id="dock-return-id" name="returnId" autocomplete="off" autocapitalize="off" spellcheck={false}
              value={id} onInput={(e) => setId(e.currentTarget.value)} aria-describedby="dock-return-id-hint" />
          </div>
          <button type="submit" disabled={busy} aria-busy={busy ? 'true' : 'false'}>
            {busy && <span class="spinner" aria-hidden="true" />}Report arrival
          </button>
        </div>
        <p class="dk-hint" id="dock-return-id-hint">Scan the return label (its barcode or RMA number) or type it. Only returns going back to your
          warehouse and waiting for their parcel can arrive.</p>
      </form>
      <div aria-live="polite">
        {busy && <Loading label="Reporting the arrival…" />}
        {done && (
          <p class="success" data-testid="dock-result">Arrival of <a href={`#/returns/${encodeURIComponent(done.id)}`}>{done.rmaNumber}</a> recorded
            {done.orderNumber && <> (order {done.orderNumber})</>}: now <StatusBadge status={done.status} />. Inspect it in the inbox.</p>
        )}
      </div>
      {error && <ProblemBox error={error} />}
    </section>
  );
}

export function ReturnsDesk() {
  const me = useMe();
  return (
    <Page title="Returns" wide>
      <RequireRole roles={[...LIST_ROLES, ...DOCK_ROLES]}>
        {hasRole(me, ...DOCK_ROLES) && <DockForm />}
        {hasRole(me, ...LIST_ROLES) && <OpenReturns />}
      </RequireRole>
    </Page>
  );
}

function Facts({ r }) {
  const rows = [
    ['RMA', r.rmaNumber],
    ['Order', <a href={`#/orders/${encodeURIComponent(r.orderId)}`}>{r.orderNumber || r.orderId}</a>],
    ['Kind', `${words(r.kind)}${r.reason ? ' · ' + words(r.reason) : ''}`],
    ['Requested', `${dateTime(r.requestedAt)}${r.requestedBy ? ' by ' + r.requestedBy : ''}`],
    ['Days since delivery', num(r.daysSinceDelivery)],
    ['Refund to', words(r.refundChoice || 'ORIGINAL_METHOD')],
    ['Warehouse', words(r.warehouseId)],
    ['Return parcel', r.returnTrackingNumber
      ? <a href={`#/track/${encodeURIComponent(r.returnTrackingNumber)}`}>{r.returnTrackingNumber}</a> : '–'],
    ['Carrier', r.carrier || '–'],
    ['Arrived', dateTime(r.arrivedAt)],
    ['Inspected', dateTime(r.inspectedAt)],
    ['Closed', dateTime(r.closedAt)],
  ];
  return (
    <dl class="bo-facts">
      {rows.map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}
    </dl>
  );
}

export function ReturnDetail({ returnId }) {
  const me = useMe();
  const { data: r, error, loading, reload } = useApi(hasRole(me, ...DETAIL_ROLES) ? `/api/returns/${encodeURIComponent(returnId)}` : null,
    null, [returnId], 10000);
  const [arrivalError, setArrivalError] = useState(null);
  const canArrive = r && r.status === 'AWAITING_PARCEL' && hasRole(me, ...DOCK_ROLES);
  return (
    <Page title={r ? `Return ${r.rmaNumber}` : 'Return'} wide
      actions={hasRole(me, ...LIST_ROLES, ...DOCK_ROLES) && <a class="button secondary small" href="#/returns">All returns</a>}>
      <RequireRole roles={DETAIL_ROLES}>
        {loading && !r && <Loading label="Loading the return…" />}
        <ProblemBox error={error} onRetry={reload} />
        {r && (
          <>
            <p data-testid="return-status"><StatusBadge status={r.status} />
              {r.processStatus && <span class="muted"> · process {words(r.processStatus).toLowerCase()}</span>}</p>
            {r.currentSteps?.length > 0 && <div class="dk-now"><span class="muted">Now at:</span><Steps steps={r.currentSteps} /></div>}
            <Facts r={r} />
            {r.labelUrl && (
              <p><a class="button small secondary" href={r.labelUrl} target="_blank" rel="noopener" data-testid="return-label">Return label (PDF)</a>
                {r.labelIssuedAt && <span class="muted bo-small"> issued {dateTime(r.labelIssuedAt)}</span>}</p>
            )}
            {canArrive && (
              <p>
                <button type="button" data-testid="detail-arrival"
                  onClick={async () => { setArrivalError(null); try { await post(`/api/returns/${encodeURIComponent(r.id)}/arrival`); await reload(); } catch (e) { setArrivalError(e); } }}>
                  Report the parcel's arrival</button>
              </p>
            )}
            <ProblemBox error={arrivalError} />
            {r.notes && <p><strong>Customer's notes:</strong> {r.notes}</p>}

            <section class="panel dk-panel" aria-labelledby="return-lines-h">
              <h2 id="return-lines-h">Lines</h2>
              <div class="table-wrap" tabIndex={0} role="region" aria-label="Return lines (scrollable table)">
                <table class="bo-table bo-stack" data-testid="return-lines">
                  <thead>
                    <tr>
                      <th scope="col">Line</th><th scope="col">Product</th><th scope="col" class="num">Requested</th>
                      <th scope="col" class="num">Unit price</th><th scope="col">Eligibility</th><th scope="col" class="num">Received</th>
                      <th scope="col" class="num">Missing</th><th scope="col">Condition</th><th scope="col">Outcome</th>
                    </tr>
                  </thead>
                  <tbody>
                    {(r.lines || []).map((l) => (
                      <tr key={l.lineNo}>
                        <td>{l.lineNo}</td>
                        <td data-label="Product">{l.productName}<div class="muted bo-small"><code>{l.sku}</code></div></td>
                        <td data-label="Requested" class="num">{num(l.requestedQuantity)}</td>
                        <td data-label="Unit price" class="num">{money(l.unitPrice)}</td>
                        <td data-label="Eligibility">{words(l.eligibility)}{l.eligibilityExplanation && <div class="muted bo-small">{l.eligibilityExplanation}</div>}</td>
                        <td data-label="Received" class="num">{num(l.receivedQuantity)}</td>
                        <td data-label="Missing" class="num">{num(l.missingQuantity)}</td>
                        <td data-label="Condition">{words(l.condition)}{l.notes && <div class="muted bo-small">{l.notes}</div>}</td>
                        <td data-label="Outcome">{words(l.outcome)}{l.outcomeExplanation && <div class="muted bo-small">{l.outcomeExplanation}</div>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {r.extraItems?.length > 0 && (
                <p>Extra items in the parcel: {r.extraItems.map((e) => `${e.quantity} × ${e.code}`).join(', ')}</p>
              )}
            </section>

            <section class="panel dk-panel" aria-labelledby="return-refund-h">
              <h2 id="return-refund-h">Refund and resolution</h2>
              {!r.refund && !r.complaintResolution && !r.replacementOrderId && <Empty>No refund yet.</Empty>}
              {r.refund && (
                <dl class="bo-facts" data-testid="return-refund">
                  <div><dt>Action</dt><dd>{words(r.refund.action)}</dd></div>
                  <div><dt>Amount</dt><dd>{money(r.refund.amount, r.refund.currency)}</dd></div>
                  {r.refund.shippingRefunded !== undefined && <div><dt>Shipping refunded</dt><dd>{money(r.refund.shippingRefunded, r.refund.currency)}</dd></div>}
                  {r.refund.reference && <div><dt>Reference</dt><dd>{r.refund.reference}</dd></div>}
                  {r.refund.payoutReference && <div><dt>Payout</dt><dd>{r.refund.payoutReference}</dd></div>}
                </dl>
              )}
              {r.complaintResolution && <p>Complaint resolution: {words(r.complaintResolution)}</p>}
              {r.replacementOrderId && <p>Replacement order: <a href={`#/orders/${encodeURIComponent(r.replacementOrderId)}`}>{r.replacementOrderId}</a></p>}
            </section>

            <section class="panel dk-panel" aria-labelledby="return-history-h">
              <h2 id="return-history-h">History</h2>
              {(!r.history || r.history.length === 0) && <Empty>Nothing recorded yet.</Empty>}
              {r.history?.length > 0 && (
                <ol class="bo-history" data-testid="return-history">
                  {r.history.map((h, i) => (
                    <li key={i}><span class="bo-nowrap">{dateTime(h.at)}</span> · <strong>{words(h.step)}</strong>{h.detail && <> · {h.detail}</>}</li>
                  ))}
                </ol>
              )}
            </section>
          </>
        )}
      </RequireRole>
    </Page>
  );
}

export const routes = [
  { path: '/returns', component: ReturnsDesk },
  { path: '/returns/:returnId', component: ReturnDetail },
];
export const nav = [{ href: '#/returns', label: 'Returns', roles: ['customer-service', 'warehouse', 'warehouse-supervisor'] }];
