// What the customer decides on an order: the shipping quote (with its countdown), the unavailable items, another card
// after a decline. Shared by the checkout acknowledgement and the order page.
import { useEffect, useState } from 'preact/hooks';
import { post } from '../../api.js';
import { Busy, dateTime, money, ProblemBox } from '../../ui.jsx';
import { TestCardChooser } from './forms.jsx';
import { warehouseName } from './words.js';

/** The current time, re-rendered every `ms`. */
export function useNow(ms = 1000) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

export function formatLeft(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h ? 2 : 1, '0');
  return (h ? `${h}:` : '') + `${mm}:${String(s).padStart(2, '0')}`;
}

const cents = (x) => Math.round(Number(x || 0) * 100) / 100;

/** Parcels with their warehouse, weight, transit time and shipping cost; goods, shipping and the total due. */
export function QuoteDetails({ order }) {
  const q = order.quote || {};
  const goods = cents(Number(q.amountDue) - Number(q.shippingCost));
  const parcels = (order.shipments || []).filter((s) => !s.cancelledAt);
  return (
    <>
      <div class="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
        <table class="stack-on-phone quote-table">
          <caption class="visually-hidden">Parcels and their shipping cost</caption>
          <thead>
            <tr><th scope="col">Parcel</th><th scope="col">Ships from</th><th scope="col" class="num">Weight</th>
              <th scope="col">Delivery time</th><th scope="col" class="num">Shipping</th></tr>
          </thead>
          <tbody>
            {parcels.map((s) => (
              <tr key={s.shipmentNo} data-testid={`quote-parcel-${s.shipmentNo}`}>
                <td data-label="Parcel">{s.shipmentNo} of {parcels.length}</td>
                <td data-label="Ships from">
                  {warehouseName(s.warehouseId)}
                  {Number(s.distanceKm) >= 1 && <span class="muted small"> · {Math.round(Number(s.distanceKm))} km away</span>}
                </td>
                <td data-label="Weight" class="num">{s.weightKg != null ? `${Number(s.weightKg).toLocaleString()} kg` : '–'}</td>
                <td data-label="Delivery time">
                  {s.transitDays != null ? `${s.transitDays} business day${s.transitDays === 1 ? '' : 's'}` : '–'}
                </td>
                <td data-label="Shipping" class="num">
                  {Number(s.shippingCost) === 0 ? 'free' : money(s.shippingCost, order.currency)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {order.delivery?.slotDate && (
        <p class="muted">
          {order.delivery.method === 'PICKUP_POINT' ? 'Ready at the pickup point on ' : 'Delivery on '}
          {new Date(order.delivery.slotDate + 'T12:00:00').toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' })}
          {order.delivery.slotWindow && order.delivery.slotWindow !== 'ALL_DAY' && `, ${order.delivery.slotWindow.replace('-', '–')}`}
        </p>
      )}
      <dl class="totals">
        <div><dt>Goods</dt><dd>{money(goods, order.currency)}</dd></div>
        <div><dt>Shipping</dt><dd data-testid="quote-shipping">{money(q.shippingCost, order.currency)}</dd></div>
        <div class="total"><dt>Total due</dt><dd data-testid="quote-total">{money(q.amountDue, order.currency)}</dd></div>
      </dl>
    </>
  );
}

/**
 * The quote to confirm: a live countdown to validUntil and the "Confirm and pay" button; an expired quote says so
 * and offers nothing to click.
 */
export function QuotePanel({ order, onChanged }) {
  const now = useNow(1000);
  const q = order.quote || {};
  const until = q.validUntil ? Date.parse(q.validUntil) : 0;
  const left = until - now;
  const expired = order.status === 'EXPIRED' || (order.status === 'QUOTED' && until && left <= 0);
  const [error, setError] = useState(null);
  const accept = async () => {
    setError(null);
    try {
      await post(`/api/orders/${encodeURIComponent(order.id)}/quote/acceptance`);
      await onChanged?.();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section class="panel quote" aria-labelledby="quote-h" data-testid="quote">
      <h2 id="quote-h">Your shipping quote</h2>
      <QuoteDetails order={order} />
      {expired ? (
        <div class="problem" role="alert" data-testid="quote-expired">
          <strong class="problem-title">This quote expired{q.validUntil ? ` at ${dateTime(q.validUntil)}` : ''}.</strong>
          <p class="problem-detail">The goods went back to stock and nothing was charged. <a href="#/shop">Shop again</a>.</p>
        </div>
      ) : order.status === 'QUOTED' ? (
        <>
          <p class={'countdown' + (left < 120000 ? ' hurry' : '')}>
            Valid for{' '}
            <strong role="timer" data-testid="quote-countdown" aria-label={`${Math.ceil(left / 60000)} minutes left`}>
              {formatLeft(left)}
            </strong>{' '}
            <span class="muted">(until {new Date(until).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })})</span>
          </p>
          <Busy class="big confirm" onClick={accept}>Confirm and pay {money(q.amountDue, order.currency)}</Busy>
          <ProblemBox error={error} />
        </>
      ) : q.acceptedAt ? (
        <p class="success" role="status">You confirmed this quote on {dateTime(q.acceptedAt)}.</p>
      ) : null}
    </section>
  );
}

/** Items no warehouse has: ship the rest now and backorder them, or cancel the order. */
export function BackorderPanel({ order, onChanged }) {
  const [error, setError] = useState(null);
  const short = (order.lines || []).filter((l) => l.unavailableQuantity > 0);
  const decide = (choice) => async () => {
    setError(null);
    try {
      await post(`/api/orders/${encodeURIComponent(order.id)}/backorder-decision`, { choice });
      await onChanged?.();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section class="panel decision" aria-labelledby="backorder-h" data-testid="backorder-question">
      <h2 id="backorder-h">Some items are not available</h2>
      <ul>
        {short.map((l) => (
          <li key={l.lineNo}>
            <strong>{l.productName}</strong>: {l.unavailableQuantity} of {l.quantity} not in stock in any warehouse
          </li>
        ))}
      </ul>
      <p>Ship what is there now and send the rest when it arrives (you only pay for what ships now), or cancel the order.</p>
      <div class="page-actions">
        <Busy onClick={decide('SHIP_AVAILABLE')}>Ship what is available</Busy>
        <Busy class="danger" onClick={decide('CANCEL')}>Cancel the order</Busy>
      </div>
      <ProblemBox error={error} />
    </section>
  );
}

/** The card was declined: another test card (the provider's pm_ id). */
export function CardRetryPanel({ order, onChanged }) {
  const [card, setCard] = useState('pm_card_mastercard');
  const [error, setError] = useState(null);
  const [sent, setSent] = useState(false);
  const send = async () => {
    setError(null);
    try {
      await post(`/api/orders/${encodeURIComponent(order.id)}/payment/card`, { paymentMethodId: card });
      setSent(true);
      await onChanged?.();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section class="panel decision" aria-labelledby="card-retry-h" data-testid="card-retry">
      <h2 id="card-retry-h">Your card was declined</h2>
      {order.payment?.detail && <p>{order.payment.detail}</p>}
      <TestCardChooser value={card} onChange={setCard} error={error} field="paymentMethodId" name="retry-card" />
      <Busy onClick={send}>Pay with this card</Busy>
      {sent && <p class="success" role="status">Thank you: we are trying the new card.</p>}
      <ProblemBox error={error} />
    </section>
  );
}
