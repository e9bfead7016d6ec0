// The cart: its lines with quantity change and removal, availability warnings, the subtotal, the way to checkout.
import { useState } from 'preact/hooks';
import { Empty, Loading, money, Page, ProblemBox, RequireRole, useMe } from '../../ui.jsx';
import { itemCount, removeLine, setQuantity, useCart } from './cart-store.js';

export const BUYER_ROLES = ['customer', 'customer-service'];

function CartLine({ me, line, currency }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [draft, setDraft] = useState(null);
  const label = line.name + (line.variant ? ` (${line.variant})` : '');
  const run = async (call) => {
    setBusy(true);
    setError(null);
    try { await call(); setDraft(null); } catch (e) { setError(e); } finally { setBusy(false); }
  };
  const commit = (value) => {
    const q = Math.max(0, Math.min(100, parseInt(value, 10)));
    if (Number.isNaN(q) || q === line.quantity) { setDraft(null); return; }
    run(() => setQuantity(me, line.sku, q));
  };
  const short = line.quantity > line.availableToOrder;
  const id = `qty-${line.sku}`;
  return (
    <tr data-testid={`cart-line-${line.sku}`} aria-busy={busy ? 'true' : 'false'}>
      <td data-label="Product">
        <strong>{line.name}</strong>
        {line.variant && <span class="muted"> · {line.variant}</span>}
        <div class="muted small">{line.sku}</div>
        {short && (
          <p class="stock stock-wait">
            {line.availableToOrder > 0
              ? `Only ${line.availableToOrder} available right now: we will ask you about the rest.`
              : 'Not in stock right now: we will ask you whether to wait for it.'}
          </p>
        )}
        <ProblemBox error={error} />
      </td>
      <td data-label="Price" class="num">{money(line.unitPrice, currency)}</td>
      <td data-label="Quantity">
        <div class="qty">
          <button type="button" class="secondary small" aria-label={`One less ${label}`} disabled={busy}
            onClick={() => run(() => setQuantity(me, line.sku, line.quantity - 1))}>−</button>
          <label class="visually-hidden" for={id}>Quantity of {label}</label>
          <input id={id} type="number" inputMode="numeric" min="0" max="100" value={draft ?? line.quantity}
            disabled={busy} onInput={(e) => setDraft(e.currentTarget.value)} onChange={(e) => commit(e.currentTarget.value)} />
          <button type="button" class="secondary small" aria-label={`One more ${label}`} disabled={busy || line.quantity >= 100}
            onClick={() => run(() => setQuantity(me, line.sku, line.quantity + 1))}>+</button>
        </div>
      </td>
      <td data-label="Total" class="num">{money(line.lineTotal, currency)}</td>
      <td class="actions">
        <button type="button" class="link remove" disabled={busy} aria-label={`Remove ${label}`}
          onClick={() => run(() => removeLine(me, line.sku))}>Remove</button>
      </td>
    </tr>
  );
}

export function CartPage() {
  const me = useMe();
  return (
    <Page title="Your cart">
      <RequireRole roles={BUYER_ROLES}><CartContent me={me} /></RequireRole>
    </Page>
  );
}

function CartContent({ me }) {
  const { cart, error, loading, reload } = useCart(me);
  if (loading) return <Loading label="Loading your cart…" />;
  if (error) return <ProblemBox error={error} onRetry={reload} />;
  if (!cart || cart.lines.length === 0) {
    return <Empty>Your cart is empty. <a href="#/shop">Go shopping</a>.</Empty>;
  }
  const n = itemCount(cart);
  return (
    <>
      <div class="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
        <table class="cart-table stack-on-phone">
          <caption class="visually-hidden">Articles in your cart</caption>
          <thead>
            <tr><th scope="col">Product</th><th scope="col" class="num">Price</th><th scope="col">Quantity</th>
              <th scope="col" class="num">Total</th><th scope="col"><span class="visually-hidden">Remove</span></th></tr>
          </thead>
          <tbody>
            {cart.lines.map((l) => <CartLine key={l.sku} me={me} line={l} currency={cart.currency} />)}
          </tbody>
        </table>
      </div>
      <div class="cart-foot">
        <p class="subtotal" data-testid="cart-subtotal">
          Subtotal ({n} item{n === 1 ? '' : 's'}): <strong>{money(cart.subtotal, cart.currency)}</strong>
        </p>
        <p class="muted">Shipping is quoted per parcel right after you place the order; you confirm it before you pay.</p>
        <div class="page-actions">
          <a class="button secondary" href="#/shop">Continue shopping</a>
          <a class="button" href="#/checkout">Go to checkout</a>
        </div>
      </div>
    </>
  );
}
