// My orders: the signed-in customer's orders (customer service: anyone's, filtered by e-mail), newest first.
import { useState } from 'preact/hooks';
import { currentQuery } from '../../router.js';
import { dateTime, Empty, hasRole, Loading, money, Page, ProblemBox, RequireRole, StatusBadge, useApi, useMe } from '../../ui.jsx';
import { rememberedOrders } from '../shop/cart-store.js';
import { humanize } from '../shop/words.js';

export const LIST_ROLES = ['customer', 'customer-service'];

export function MyOrders() {
  const me = useMe();
  const cs = hasRole(me, 'customer-service');
  return (
    <Page title={cs ? 'Orders' : 'My orders'} wide>
      <RequireRole roles={LIST_ROLES}><OrderList me={me} cs={cs} /></RequireRole>
    </Page>
  );
}

function OrderList({ me, cs }) {
  const [draft, setDraft] = useState(currentQuery().get('email') || '');
  const [email, setEmail] = useState(draft);
  const query = cs && email ? { email } : undefined;
  const list = useApi('/api/orders', query, [], 15000);
  const fallback = list.error ? rememberedOrders(me) : [];
  const filter = (e) => {
    e.preventDefault();
    const v = draft.trim();
    setEmail(v);
    history.replaceState(null, '', '#/orders' + (v ? '?email=' + encodeURIComponent(v) : ''));
  };
  return (
    <>
      {cs && (
        <form class="shop-filters" role="search" aria-label="Orders by customer" onSubmit={filter}>
          <div>
            <label for="order-email">Customer e-mail</label>
            <input id="order-email" type="search" inputMode="email" value={draft} placeholder="name@example.com"
              onInput={(e) => setDraft(e.currentTarget.value)} />
          </div>
          <div class="filter-button"><button type="submit">Show orders</button></div>
        </form>
      )}
      {list.loading && !list.data && <Loading label="Loading orders…" />}
      {list.error && !list.data && fallback.length === 0 && (
        <ProblemBox error={list.error} onRetry={list.reload} />
      )}
      {list.error && !list.data && fallback.length > 0 && (
        <>
          <p class="notice">The order list cannot be loaded right now. These are the orders placed in this browser:</p>
          <ul class="plain-list">
            {fallback.map((o) => (
              <li key={o.id}><a href={`#/orders/${encodeURIComponent(o.id)}`}>{o.orderNumber || o.id}</a>
                {o.placedAt && <span class="muted"> · {dateTime(o.placedAt)}</span>}</li>
            ))}
          </ul>
        </>
      )}
      {list.data && list.data.length === 0 && (
        <Empty>{email ? `No orders for ${email}.` : 'No orders yet.'} {!cs && <a href="#/shop">Visit the shop</a>}</Empty>
      )}
      {list.data && list.data.length > 0 && (
        <div class="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
          <table class="stack-on-phone order-table" data-testid="order-list">
            <caption class="visually-hidden">Orders, newest first</caption>
            <thead>
              <tr><th scope="col">Order</th><th scope="col">Placed</th><th scope="col">Status</th>
                {cs && <th scope="col">Customer</th>}
                <th scope="col" class="num">Items</th><th scope="col" class="num">Total</th><th scope="col">Tracking</th>
                {cs && <th scope="col">Channel</th>}</tr>
            </thead>
            <tbody>
              {list.data.map((o) => (
                <tr key={o.id} data-testid={`order-row-${o.orderNumber}`}>
                  <td data-label="Order"><a href={`#/orders/${encodeURIComponent(o.id)}`}>{o.orderNumber}</a></td>
                  <td data-label="Placed">{dateTime(o.placedAt)}</td>
                  <td data-label="Status"><StatusBadge status={o.status} /></td>
                  {cs && <td data-label="Customer">{o.customerName}<div class="muted small">{o.customerEmail}</div></td>}
                  <td data-label="Items" class="num">{o.itemCount ?? '–'}</td>
                  <td data-label="Total" class="num">{money(o.totalAmount, o.currency)}</td>
                  <td data-label="Tracking">
                    {(o.trackingNumbers || []).length === 0 ? <span class="muted">–</span>
                      : o.trackingNumbers.map((t) => <a key={t} class="tracking-no" href={`#/track/${encodeURIComponent(t)}`}>{t}</a>)}
                  </td>
                  {cs && <td data-label="Channel">{humanize(o.channel)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
