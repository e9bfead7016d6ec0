// "Where is my order": progress stages, the timeline of milestones with the live process state as "now", what is
// next, ETA, parcels with tracking, invoices, returns; cancel, return, ask customer service.
import { useEffect, useState } from 'preact/hooks';
import { post } from '../../api.js';
import { Busy, date, dateTime, Loading, money, Page, ProblemBox, RequireRole, StatusBadge, useApi, useMe, hasRole } from '../../ui.jsx';
import { windowText } from '../shop/checkout.jsx';
import { BackorderPanel, CardRetryPanel, QuotePanel } from '../shop/quote.jsx';
import {
  courierWords, deliveryMethodName, FINAL_STATUSES, milestoneWords, needsBackorderDecision, nowSteps, parcelStatusWords,
  paymentMethodName, paymentWords, stagesOf, warehouseName, whatIsNext,
} from '../shop/words.js';
import { ReturnForm } from './return-form.jsx';

export const ORDER_READERS = ['customer', 'customer-service', 'finance'];

export function OrderPage({ orderId }) {
  return (
    <RequireRoleFrame>
      <OrderView orderId={orderId} />
    </RequireRoleFrame>
  );
}

function RequireRoleFrame({ children }) {
  const me = useMe();
  if (!me || !hasRole(me, ...ORDER_READERS)) {
    return <Page title="Your order"><RequireRole roles={ORDER_READERS}>{children}</RequireRole></Page>;
  }
  return children;
}

function pollFor(order) {
  if (!order) return 4000;
  return FINAL_STATUSES.includes(order.status) && order.processStatus !== 'ACTIVE' ? 0 : 4000;
}

function OrderView({ orderId }) {
  const me = useMe();
  const [poll, setPoll] = useState(4000);
  const path = `/api/orders/${encodeURIComponent(orderId)}`;
  const { data: order, error, loading, reload } = useApi(path, null, [], poll);
  useEffect(() => setPoll(pollFor(order)), [order?.status, order?.processStatus]);
  const version = order ? `${order.updatedAt}|${order.status}|${(order.history || []).length}|${(order.returns || []).length}` : '';
  const staffOrCustomer = hasRole(me, 'customer', 'customer-service');
  const tracking = useApi(order && staffOrCustomer && order.shipments?.length ? `${path}/tracking` : null, null, [version]);
  const hasDocs = order && ((order.shipments || []).some((s) => s.invoiceNumber) || (order.returns || []).length > 0);
  const invoices = useApi(hasDocs ? `${path}/invoices` : null, null, [version]);
  const returns = useApi(order && staffOrCustomer && order.returns?.length ? `${path}/returns` : null, null, [version]);

  if (!order) {
    return (
      <Page title="Your order">
        {loading ? <Loading label="Loading your order…" /> : <ProblemBox error={error} onRetry={reload} />}
      </Page>
    );
  }
  const live = poll > 0;
  const items = order.lines.reduce((n, l) => n + l.quantity, 0);
  return (
    <Page title={`Order ${order.orderNumber}`} wide actions={<StatusBadge status={order.status} />}>
      <p class="muted order-meta">
        Placed {dateTime(order.placedAt)} · {items} item{items === 1 ? '' : 's'} ·
        {' '}{money(order.totalAmount, order.currency)} in goods
        {order.quote?.validUntil && order.quote?.amountDue != null && <> · {money(order.quote.amountDue, order.currency)} with shipping</>}
        {order.channel && order.channel !== 'WEB_SHOP' && <> · {order.channel.toLowerCase().replace('_', ' ')}</>}
        {live && <span class="live" title="This page updates by itself"> · <span class="live-dot" aria-hidden="true" />live</span>}
      </p>
      {error && <ProblemBox error={error} />}
      <Stages order={order} />
      <NowPanel order={order} />

      {needsBackorderDecision(order) && <BackorderPanel order={order} onChanged={reload} />}
      {(order.status === 'QUOTED' || order.status === 'EXPIRED') && order.quote?.validUntil && (
        <QuotePanel order={order} onChanged={reload} />
      )}
      {order.payment?.status === 'AWAITING_CARD_UPDATE' && <CardRetryPanel order={order} onChanged={reload} />}

      <div class="order-grid">
        <Timeline order={order} />
        <div class="order-side">
          <Parcels order={order} tracking={tracking} />
          <Lines order={order} />
          <Documents invoices={invoices} />
          <Returns order={order} returns={returns} />
          <DeliveryAndPayment order={order} />
          <Related order={order} />
          {staffOrCustomer && <Actions order={order} reload={reload} />}
        </div>
      </div>
    </Page>
  );
}

function Stages({ order }) {
  const stages = stagesOf(order);
  const closed = order.status === 'CANCELLED' || order.status === 'EXPIRED';
  return (
    <ol class={'stages' + (closed ? ' closed' : '')} aria-label="Order progress" data-testid="stages">
      {stages.map((s) => (
        <li key={s.id} class={(s.done ? 'done' : '') + (s.current ? ' current' : '')} data-stage={s.id}
          aria-current={s.current ? 'step' : undefined}>
          <span class="stage-dot" aria-hidden="true" />
          <span class="stage-label">{s.label}</span>
          <span class="visually-hidden">{s.done ? ' (done)' : s.current ? ' (now)' : ''}</span>
          {s.at && <span class="stage-time">{new Date(s.at).toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}</span>}
        </li>
      ))}
      {closed && (
        <li class="done stop" data-stage="closed"><span class="stage-dot" aria-hidden="true" />
          <span class="stage-label">{order.status === 'EXPIRED' ? 'Expired' : 'Cancelled'}</span></li>
      )}
    </ol>
  );
}

function eta(order) {
  const open = (order.shipments || []).filter((s) => !s.cancelledAt && s.status !== 'DELIVERED' && s.estimatedDelivery);
  if (!open.length) return null;
  return open.map((s) => s.estimatedDelivery).sort().at(-1);
}

function NowPanel({ order }) {
  const steps = nowSteps(order);
  const expected = eta(order);
  const d = order.delivery;
  return (
    <section class="panel now" aria-labelledby="now-h" data-testid="now">
      <h2 id="now-h">Now</h2>
      <div aria-live="polite">
        {steps.length > 0 && !FINAL_STATUSES.includes(order.status) && (
          <p class="now-steps" data-testid="current-steps">
            <span class="live-dot" aria-hidden="true" /> {steps.join(' · ')}
          </p>
        )}
        {order.status === 'CANCELLED' && order.cancellationReason && <p>Reason: {order.cancellationReason}</p>}
        <p class="next" data-testid="what-next"><strong>What is next:</strong> {whatIsNext(order)}</p>
      </div>
      {(order.incidents || []).length > 0 && (
        <div class="problem" role="alert" data-testid="incidents">
          <strong class="problem-title">Something is holding your order up</strong>
          <ul>{order.incidents.map((i, n) => <li key={n}>{i.message || i.errorType}</li>)}</ul>
          <p>Our team has been told and is looking at it.</p>
        </div>
      )}
      {expected ? (
        <p data-testid="eta"><strong>Expected delivery:</strong> {date(expected)}</p>
      ) : d?.slotDate && !FINAL_STATUSES.includes(order.status) ? (
        <p data-testid="eta"><strong>Delivery slot:</strong> {date(d.slotDate)}, {windowText(d.slotWindow || '')}</p>
      ) : null}
    </section>
  );
}

function Timeline({ order }) {
  const history = [...(order.history || [])].reverse();
  const steps = nowSteps(order);
  const final = FINAL_STATUSES.includes(order.status);
  return (
    <section class="panel timeline-panel" aria-labelledby="timeline-h">
      <h2 id="timeline-h">What happened</h2>
      <ol class="timeline" data-testid="timeline" reversed>
        {!final && steps.length > 0 && (
          <li class="now-item">
            <span class="when">now</span>
            <span class="what">{steps.join(' · ')}</span>
          </li>
        )}
        {history.map((m, i) => {
          const w = milestoneWords(m);
          return (
            <li key={i} data-milestone={m.milestone}>
              <time class="when" dateTime={m.at}>{dateTime(m.at)}</time>
              <span class="what">{w.title}</span>
              {w.detail && <span class="detail muted">{w.detail}</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Parcels({ order, tracking }) {
  const parcels = order.shipments || [];
  if (!parcels.length) return null;
  const byNo = Object.fromEntries((tracking.data || []).map((t) => [t.shipmentNo, t]));
  return (
    <section class="panel" aria-labelledby="parcels-h">
      <h2 id="parcels-h">Parcels</h2>
      <ul class="parcels">
        {parcels.map((s) => {
          const t = byNo[s.shipmentNo];
          const number = s.trackingNumber || t?.trackingNumber;
          const events = [...(t?.events || [])].reverse();
          return (
            <li key={s.shipmentNo} class="parcel" data-testid={`parcel-${s.shipmentNo}`}>
              <div class="parcel-head">
                <strong>Parcel {s.shipmentNo} of {parcels.length}</strong>
                <span class={'badge ' + (s.status === 'DELIVERED' ? 'badge-good' : s.status === 'CANCELLED' ? 'badge-bad' : 'badge-wait')}>
                  {s.status === 'PLANNED' && !['PAYMENT_AUTHORIZED', 'SHIPPED'].includes(order.status) ? 'Planned' : parcelStatusWords(s.status)}
                </span>
              </div>
              <p class="muted">From {warehouseName(s.warehouseId)}{s.weightKg != null && ` · ${Number(s.weightKg).toLocaleString()} kg`}</p>
              {number && (
                <p>Tracking: <a href={`#/track/${encodeURIComponent(number)}`} data-testid="tracking-link">{number}</a>
                  {t?.carrier && <span class="muted"> ({t.carrier})</span>}</p>
              )}
              {s.estimatedDelivery && s.status !== 'DELIVERED' && <p>Expected {date(s.estimatedDelivery)}</p>}
              {s.handedOverAt && <p class="muted small">With the courier since {dateTime(s.handedOverAt)}</p>}
              {!s.handedOverAt && t?.collectionPlannedAt && <p class="muted small">Courier collects it {dateTime(t.collectionPlannedAt)}</p>}
              {events.length > 0 && (
                <ol class="events">
                  {events.map((e, i) => (
                    <li key={i}><time dateTime={e.occurredAt}>{dateTime(e.occurredAt)}</time> {courierWords(e.type)}
                      {e.location && <span class="muted"> · {e.location}</span>}</li>
                  ))}
                </ol>
              )}
            </li>
          );
        })}
      </ul>
      {tracking.error && <ProblemBox error={tracking.error} />}
    </section>
  );
}

function Lines({ order }) {
  return (
    <section class="panel" aria-labelledby="lines-h">
      <h2 id="lines-h">Items</h2>
      <div class="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
        <table class="stack-on-phone">
          <thead><tr><th scope="col">Product</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Price</th><th scope="col" class="num">Total</th></tr></thead>
          <tbody>
            {order.lines.map((l) => (
              <tr key={l.lineNo}>
                <td data-label="Product">{l.productName}
                  {l.unavailableQuantity > 0 && <div class="stock stock-wait">{l.unavailableQuantity} not available</div>}</td>
                <td data-label="Qty" class="num">{l.quantity}</td>
                <td data-label="Price" class="num">{money(l.unitPrice, order.currency)}</td>
                <td data-label="Total" class="num">{money(l.lineTotal, order.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Documents({ invoices }) {
  if (!invoices.data?.length && !invoices.error) return null;
  return (
    <section class="panel" aria-labelledby="docs-h">
      <h2 id="docs-h">Invoices</h2>
      <ProblemBox error={invoices.error} />
      <ul class="docs">
        {(invoices.data || []).map((d) => (
          <li key={d.invoiceNumber}>
            <a href={d.pdf} target="_blank" rel="noopener" data-testid="invoice-link">
              {d.documentType === 'CREDIT_NOTE' ? 'Credit note' : 'Invoice'} {d.invoiceNumber} (PDF)
            </a>
            <span class="muted"> · {date(d.issuedOn)} · {money(d.totalGross, d.currency)}
              {d.documentType === 'CREDIT_NOTE' && d.correctedInvoiceNumber && ` · corrects ${d.correctedInvoiceNumber}`}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Returns({ order, returns }) {
  const full = returns.data;
  const summaries = order.returns || [];
  if (!summaries.length) return null;
  return (
    <section class="panel" aria-labelledby="returns-h">
      <h2 id="returns-h">Returns</h2>
      <ul class="returns">
        {(full || summaries).map((r) => {
          const id = r.id || r.returnId;
          return (
            <li key={id} data-testid={`return-${r.rmaNumber}`}>
              <div class="parcel-head"><strong>{r.rmaNumber}</strong> <StatusBadge status={r.status} /></div>
              <p class="muted">{r.kind === 'COMPLAINT' ? 'Complaint' : 'Return'}{r.reason && ` · ${r.reason.toLowerCase().replaceAll('_', ' ')}`}
                {r.requestedAt && ` · ${dateTime(r.requestedAt)}`}</p>
              {r.lines && <ul class="small">{r.lines.map((l) => <li key={l.lineNo}>{l.requestedQuantity} × {l.productName}
                {l.eligibility && <span class="muted"> · {l.eligibility.toLowerCase()}</span>}</li>)}</ul>}
              {r.returnTrackingNumber && (
                <p>Return parcel: <a href={`#/track/${encodeURIComponent(r.returnTrackingNumber)}`}>{r.returnTrackingNumber}</a></p>
              )}
              {r.labelUrl && <p><a class="button small" href={r.labelUrl} target="_blank" rel="noopener" data-testid="return-label">Return label (PDF)</a></p>}
              {r.refund && <p>Refund: {money(r.refund.amount, r.refund.currency)} <span class="muted">({r.refund.action.toLowerCase().replaceAll('_', ' ')})</span></p>}
            </li>
          );
        })}
      </ul>
      {returns.error && <ProblemBox error={returns.error} />}
    </section>
  );
}

function DeliveryAndPayment({ order }) {
  const a = order.shippingAddress || {};
  const d = order.delivery || {};
  return (
    <section class="panel" aria-labelledby="details-h">
      <h2 id="details-h">Delivery and payment</h2>
      <dl class="facts">
        <div><dt>To</dt><dd>{order.customerName}<br />{a.street}<br />{a.postalCode} {a.city}, {a.country}</dd></div>
        <div><dt>Delivery</dt><dd>{deliveryMethodName(d.method)}
          {d.slotDate && <>, {date(d.slotDate)} {windowText(d.slotWindow || '')}</>}
          {d.pickupPointId && <>, pickup point {d.pickupPointId}</>}
          {d.giftWrap && <><br />Gift wrapped{d.giftMessage && `: “${d.giftMessage}”`}</>}
          {d.fragilePackaging && <><br />Fragile packaging</>}
          {d.instructions && <><br />“{d.instructions}”</>}</dd></div>
        <div><dt>Payment</dt><dd>{paymentMethodName(order.paymentMethod)} · {paymentWords(order.payment?.status)}
          {order.payment?.detail && <><br /><span class="muted">{order.payment.detail}</span></>}</dd></div>
      </dl>
    </section>
  );
}

function Related({ order }) {
  const items = [];
  (order.backorderOrders || []).forEach((b) => items.push(
    <li key={b.orderId}>The unavailable items follow in order <a href={`#/orders/${b.orderId}`}>{b.orderNumber}</a> ({b.status.toLowerCase().replaceAll('_', ' ')})</li>));
  if (order.backorderFor) items.push(
    <li key="bf">This order brings the backordered items of <a href={`#/orders/${order.backorderFor.orderId}`}>{order.backorderFor.orderNumber}</a></li>);
  if (order.replacementFor) items.push(
    <li key="rf">Free replacement for <a href={`#/orders/${order.replacementFor.orderId}`}>{order.replacementFor.orderNumber}</a> ({order.replacementFor.rmaNumber})</li>);
  (order.replacements || []).forEach((r) => items.push(
    <li key={r.orderId}>Replacement order <a href={`#/orders/${r.orderId}`}>{r.orderNumber}</a> for {r.rmaNumber}</li>));
  if (!items.length) return null;
  return <section class="panel" aria-labelledby="related-h"><h2 id="related-h">Related orders</h2><ul>{items}</ul></section>;
}

function Actions({ order, reload }) {
  const [mode, setMode] = useState(null);
  const [reason, setReason] = useState('');
  const [question, setQuestion] = useState('');
  const [error, setError] = useState(null);
  const [done, setDone] = useState(null);
  const closed = order.status === 'CANCELLED' || order.status === 'EXPIRED';
  const cancellable = !FINAL_STATUSES.includes(order.status) && order.status !== 'SHIPPED';
  const returnable = (order.shipments || []).some((s) => s.status === 'DELIVERED');
  const open = (m) => { setMode(m); setError(null); setDone(null); };

  const cancel = async () => {
    setError(null);
    try {
      const r = await post(`/api/orders/${encodeURIComponent(order.id)}/cancellation`, reason.trim() ? { reason: reason.trim() } : {});
      setDone(r.wholeOrder ? 'Cancellation requested: the whole order is being cancelled.'
        : `Cancellation requested for parcel${r.parcels.length === 1 ? '' : 's'} ${r.parcels.join(', ')}; the others are already with the courier.`);
      setMode(null);
      await reload();
    } catch (e) {
      setError(e);
    }
  };
  const ask = async () => {
    setError(null);
    try {
      await post(`/api/orders/${encodeURIComponent(order.id)}/questions`, { question: question.trim() });
      setDone('Your question went to customer service; they answer by e-mail.');
      setQuestion('');
      setMode(null);
    } catch (e) {
      setError(e);
    }
  };

  if (closed && !returnable) return null;
  return (
    <section class="panel actions" aria-labelledby="actions-h">
      <h2 id="actions-h">Something to change?</h2>
      <div class="page-actions">
        {cancellable && <button type="button" class="secondary" onClick={() => open('cancel')} aria-expanded={mode === 'cancel' ? 'true' : 'false'}>Cancel order…</button>}
        {returnable && <button type="button" class="secondary" onClick={() => open('return')} aria-expanded={mode === 'return' ? 'true' : 'false'}>Return items…</button>}
        {!closed && <button type="button" class="secondary" onClick={() => open('ask')} aria-expanded={mode === 'ask' ? 'true' : 'false'}>Ask a question…</button>}
      </div>
      {done && <p class="success" role="status">{done}</p>}
      {mode === 'cancel' && (
        <div class="panel confirm-box">
          <label for="cancel-reason">Why do you cancel? (optional)</label>
          <textarea id="cancel-reason" rows={2} maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          <p class="muted small">Parcels already with the courier cannot be cancelled; return them once they arrive.</p>
          <div class="page-actions">
            <Busy class="danger" onClick={cancel}>Yes, cancel the order</Busy>
            <button type="button" class="secondary" onClick={() => setMode(null)}>Keep the order</button>
          </div>
        </div>
      )}
      {mode === 'ask' && (
        <div class="panel confirm-box">
          <label for="question">Your question</label>
          <textarea id="question" rows={3} maxLength={2000} value={question} onInput={(e) => setQuestion(e.currentTarget.value)} />
          <div class="page-actions">
            <Busy onClick={ask} disabled={!question.trim()}>Send question</Busy>
            <button type="button" class="secondary" onClick={() => setMode(null)}>Close</button>
          </div>
        </div>
      )}
      {mode === 'return' && (
        <ReturnForm order={order} onCancel={() => setMode(null)} onDone={async (rma) => {
          setDone(`Return ${rma.rmaNumber} requested. We e-mail you the next steps and, once it is approved, the return label.`);
          setMode(null);
          await reload();
        }} />
      )}
      <ProblemBox error={error} />
    </section>
  );
}
