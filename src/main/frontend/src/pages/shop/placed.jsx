// The order acknowledgement after checkout: the order number, progress while the process reserves the goods and
// prepares the quote, then the quote to confirm, then the payment.
import { useEffect, useState } from 'preact/hooks';
import { dateTime, Loading, money, Page, ProblemBox, RequireRole, useApi } from '../../ui.jsx';
import { BUYER_ROLES } from './cart.jsx';
import { BackorderPanel, CardRetryPanel, QuotePanel } from './quote.jsx';
import { needsBackorderDecision, paymentWords } from './words.js';

const STEPS = [
  { label: 'Order received', milestone: 'ORDER_PLACED' },
  { label: 'Goods reserved', milestone: 'ORDER_STOCK_RESERVED' },
  { label: 'Shipping quote', milestone: 'ORDER_QUOTED' },
  { label: 'Confirmed', milestone: 'ORDER_QUOTE_ACCEPTED' },
  { label: 'Payment secured', milestone: 'ORDER_PAYMENT_AUTHORIZED' },
];

/** Each step is done when its milestone is in the order's history, or a later step's is. */
function doneSteps(order) {
  const seen = new Set((order.history || []).map((m) => m.milestone));
  let last = 0;
  STEPS.forEach((s, i) => { if (seen.has(s.milestone)) last = i; });
  return STEPS.map((s, i) => i <= last);
}

/** How often to ask again: fast while the process works, slowly while it waits for the customer, never when done. */
function pollFor(order) {
  if (!order) return 1500;
  if (['PAYMENT_AUTHORIZED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'EXPIRED'].includes(order.status)) return 0;
  if (order.status === 'QUOTED' || needsBackorderDecision(order)) return 5000;
  if (order.payment?.status === 'AWAITING_CARD_UPDATE' || order.payment?.status === 'AWAITING_TRANSFER') return 5000;
  return 1500;
}

/** The sentence the live region announces. */
function progressText(o) {
  if (o.status === 'CANCELLED') return `The order was cancelled${o.cancellationReason ? `: ${o.cancellationReason}` : '.'}`;
  if (o.status === 'EXPIRED') return 'The quote expired; the order is closed and nothing was charged.';
  if (needsBackorderDecision(o)) return 'Some items are not available: please decide below.';
  if (['PLACED', 'AWAITING_STOCK', 'STOCK_RESERVED'].includes(o.status)) return 'Preparing your shipping quote…';
  if (o.status === 'QUOTED') return 'Your shipping quote is ready: please confirm it.';
  if (o.status === 'QUOTE_ACCEPTED') {
    const p = o.payment?.status;
    return p && p !== 'PENDING' ? `${paymentWords(p)}.` : 'Securing your payment…';
  }
  return 'Payment secured: your order goes to the warehouse now.';
}

export function OrderPlaced({ orderId }) {
  return (
    <Page title="Thank you for your order">
      <RequireRole roles={BUYER_ROLES}><Placed orderId={orderId} /></RequireRole>
    </Page>
  );
}

function Placed({ orderId }) {
  const [poll, setPoll] = useState(1500);
  const live = useApi(`/api/orders/${encodeURIComponent(orderId)}`, null, [], poll);
  const order = live.data;
  useEffect(() => setPoll(pollFor(order)), [order]);
  if (!order && live.loading) return <Loading label="Loading your order…" />;
  if (!order) return <ProblemBox error={live.error} onRetry={live.reload} />;
  const working = pollFor(order) === 1500;
  return (
    <div class="placed" data-order-id={order.id}>
      <p class="lead">
        Order number <strong data-testid="order-number">{order.orderNumber}</strong>, placed {dateTime(order.placedAt)},
        {' '}{money(order.totalAmount, order.currency)} in goods.
      </p>
      <ol class="mini-steps" aria-label="Progress">
        {STEPS.map((s, i) => {
          const done = doneSteps(order)[i];
          return <li key={s.label} class={done ? 'done' : ''}>{s.label}{done && <span class="visually-hidden"> (done)</span>}</li>;
        })}
      </ol>
      <p class={'progress-line' + (working ? ' working' : '')} role="status" aria-live="polite" data-testid="progress">
        {working && <span class="spinner" aria-hidden="true" />}{progressText(order)}
      </p>
      {live.error && live.data && <ProblemBox error={live.error} />}
      {needsBackorderDecision(order) && <BackorderPanel order={order} onChanged={live.reload} />}
      {(order.status === 'QUOTED' || order.status === 'EXPIRED' || order.quote?.acceptedAt) && order.quote?.validUntil && (
        <QuotePanel order={order} onChanged={live.reload} />
      )}
      {order.payment?.status === 'AWAITING_CARD_UPDATE' && <CardRetryPanel order={order} onChanged={live.reload} />}
      {order.payment?.detail && order.payment.status !== 'AWAITING_CARD_UPDATE' && order.status === 'QUOTE_ACCEPTED' && (
        <p class="notice">{order.payment.detail}</p>
      )}
      {order.status === 'CANCELLED' && (
        <div class="problem" role="alert"><strong class="problem-title">Order cancelled</strong>
          {order.cancellationReason && <p class="problem-detail">{order.cancellationReason}</p>}</div>
      )}
      <p class="page-actions">
        <a class="button" href={`#/orders/${encodeURIComponent(order.id)}`}>Where is my order?</a>
        <a class="button secondary" href="#/shop">Continue shopping</a>
      </p>
    </div>
  );
}
