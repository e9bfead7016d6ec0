// Checkout: contact data, address, delivery method and slot, gift and handling requests, payment; places the order
// through the cart's checkout route and goes on to the order's acknowledgement (quote, confirmation).
import { useEffect, useRef, useState } from 'preact/hooks';
import { post } from '../../api.js';
import { navigate } from '../../router.js';
import { date, Empty, hasRole, Loading, money, Page, ProblemBox, RequireRole, useApi, useMe } from '../../ui.jsx';
import { BUYER_ROLES } from './cart.jsx';
import { forgetCart, itemCount, lastAddress, rememberAddress, rememberOrder, storedCartId, useCart } from './cart-store.js';
import { AddressFields, Field, fieldError, PaymentFields, paymentBody, TextInput } from './forms.jsx';
import { DELIVERY_METHODS, LANGUAGES, preferredLanguage } from './words.js';

export function CheckoutPage() {
  return (
    <Page title="Checkout" wide>
      <RequireRole roles={BUYER_ROLES}><CheckoutContent /></RequireRole>
    </Page>
  );
}

const slotKey = (s) => `${s.date}|${s.window}`;
export const windowText = (w) => (w === 'ALL_DAY' ? 'all day' : w.replace('-', '–'));

function SlotPicker({ method, value, onChange, error }) {
  const slots = useApi('/api/delivery-slots', { method });
  useEffect(() => {
    const list = slots.data || [];
    if (list.length && !list.some((s) => slotKey(s) === value)) onChange(slotKey(list[0]));
  }, [slots.data]);
  const byDate = new Map();
  (slots.data || []).forEach((s) => {
    if (!byDate.has(s.date)) byDate.set(s.date, []);
    byDate.get(s.date).push(s);
  });
  return (
    <Field id="delivery-slot" label="Delivery day and time" field="delivery.slot" error={error}>
      {(p) => (
        <>
          {slots.loading && <Loading label="Loading delivery slots…" />}
          <ProblemBox error={slots.error} onRetry={slots.reload} />
          {slots.data && (
            <select id={p.id} aria-describedby={p.describedBy} aria-invalid={p.invalid ? 'true' : undefined}
              value={value} onChange={(e) => onChange(e.currentTarget.value)} required>
              {[...byDate.entries()].map(([d, list]) => (
                <optgroup key={d} label={date(d)}>
                  {list.map((s) => (
                    <option key={slotKey(s)} value={slotKey(s)}>
                      {new Date(s.date + 'T12:00:00').toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' })}
                      {', '}{windowText(s.window)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </>
      )}
    </Field>
  );
}

function CheckoutContent() {
  const me = useMe();
  const customerOnly = hasRole(me, 'customer') && !hasRole(me, 'customer-service');
  const { cart, error: cartError, loading, reload } = useCart(me);
  const [customer, setCustomer] = useState({
    name: me.displayName || '', email: customerOnly ? me.email || '' : '', phone: '',
  });
  const [address, setAddress] = useState(() => lastAddress(me) || { street: '', postalCode: '', city: '', country: 'ES' });
  const [delivery, setDelivery] = useState({
    method: 'STANDARD', slot: '', pickupPointId: '', giftWrap: false, giftMessage: '', fragilePackaging: false,
    instructions: '',
  });
  const [marketingConsent, setConsent] = useState(false);
  const [language, setLanguage] = useState(preferredLanguage);
  const [payment, setPayment] = useState({ method: 'CARD', paymentMethodId: 'pm_card_visa' });
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef(null);

  useEffect(() => {
    if (error) errorRef.current?.querySelector('[role=alert]')?.focus?.();
  }, [error]);

  if (loading) return <Loading label="Loading your cart…" />;
  if (cartError) return <ProblemBox error={cartError} onRetry={reload} />;
  if (!cart || cart.lines.length === 0) {
    return <Empty>Your cart is empty. <a href="#/shop">Go shopping</a> first.</Empty>;
  }

  const setD = (k) => (v) => setDelivery((d) => ({ ...d, [k]: v }));
  const setC = (k) => (v) => setCustomer((c) => ({ ...c, [k]: v }));

  const submit = async (e) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const [slotDate, slotWindow] = delivery.slot.split('|');
    const body = {
      customer: { name: customer.name.trim(), email: customer.email.trim(), ...(customer.phone.trim() ? { phone: customer.phone.trim() } : {}) },
      shippingAddress: { ...address, street: address.street.trim(), postalCode: address.postalCode.trim(), city: address.city.trim() },
      delivery: {
        method: delivery.method,
        slot: slotDate ? { date: slotDate, window: slotWindow } : null,
        ...(delivery.method === 'PICKUP_POINT' ? { pickupPointId: delivery.pickupPointId.trim() } : {}),
        giftWrap: delivery.giftWrap,
        ...(delivery.giftWrap && delivery.giftMessage.trim() ? { giftMessage: delivery.giftMessage.trim() } : {}),
        fragilePackaging: delivery.fragilePackaging,
        ...(delivery.instructions.trim() ? { instructions: delivery.instructions.trim() } : {}),
      },
      marketingConsent,
      payment: paymentBody(payment),
      language,
    };
    try {
      const order = await post(`/api/carts/${encodeURIComponent(storedCartId(me) || cart.id)}/checkout`, body);
      forgetCart(me);
      rememberOrder(me, order);
      rememberAddress(me, body.shippingAddress);
      navigate(`/checkout/${order.id}`);
    } catch (err) {
      if (err.status === 409) forgetCart(me);
      setError(err);
      setBusy(false);
    }
  };

  const n = itemCount(cart);
  return (
    <div class="checkout">
      <form class="checkout-form" onSubmit={submit} noValidate aria-describedby="checkout-note">
        <p id="checkout-note" class="muted">
          After you place the order we reserve the goods and quote the shipping of each parcel. You confirm that quote
          before anything is charged.
        </p>
        <fieldset>
          <legend>Contact</legend>
          <Field id="cust-name" label="Full name" field="customer.name" error={error}>
            {(p) => <TextInput {...p} value={customer.name} onValue={setC('name')} autoComplete="name" required maxLength={200} />}
          </Field>
          <div class="form-row">
            <Field id="cust-email" label="E-mail" field="customer.email" error={error}
              hint={customerOnly ? 'The e-mail of your account: we send the order mails there.' : undefined}>
              {(p) => <TextInput {...p} type="email" value={customer.email} onValue={setC('email')} autoComplete="email"
                readOnly={customerOnly} required maxLength={254} />}
            </Field>
            <Field id="cust-phone" label="Phone (optional)" field="customer.phone" error={error}>
              {(p) => <TextInput {...p} type="tel" value={customer.phone} onValue={setC('phone')} autoComplete="tel" maxLength={20} />}
            </Field>
          </div>
          <Field id="cust-language" label="Language of our e-mails" field="language" error={error}>
            {(p) => (
              <select id={p.id} aria-describedby={p.describedBy} value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
                {LANGUAGES.map((l) => <option key={l.code} value={l.code} lang={l.code}>{l.name}</option>)}
              </select>
            )}
          </Field>
        </fieldset>

        <AddressFields value={address} onChange={setAddress} error={error} />

        <fieldset>
          <legend>Delivery</legend>
          <div class="choices" role="radiogroup" aria-label="Delivery method">
            {DELIVERY_METHODS.map((m) => (
              <label key={m.id} class={'choice' + (delivery.method === m.id ? ' chosen' : '')}>
                <input type="radio" name="delivery-method" value={m.id} checked={delivery.method === m.id}
                  onChange={() => setDelivery((d) => ({ ...d, method: m.id, slot: '' }))} />
                <span><strong>{m.label}</strong> <span class="muted">– {m.hint}</span></span>
              </label>
            ))}
          </div>
          {fieldError(error, 'delivery.method') && <p class="field-error">{fieldError(error, 'delivery.method')}</p>}
          <SlotPicker method={delivery.method} value={delivery.slot} onChange={setD('slot')} error={error} />
          {delivery.method === 'PICKUP_POINT' && (
            <Field id="pickup-point" label="Pickup point code" field="delivery.pickupPointId" error={error}
              hint="The code on the pickup point's sign, e.g. MAD-0042.">
              {(p) => <TextInput {...p} value={delivery.pickupPointId} onValue={setD('pickupPointId')} required maxLength={40} />}
            </Field>
          )}
          <div class="checks">
            <label class="check">
              <input type="checkbox" checked={delivery.giftWrap} onChange={(e) => setD('giftWrap')(e.currentTarget.checked)} />
              Gift wrap
            </label>
            {delivery.giftWrap && (
              <Field id="gift-message" label="Gift message (optional)" field="delivery.giftMessage" error={error}>
                {(p) => <textarea id={p.id} aria-describedby={p.describedBy} maxLength={300} rows={2}
                  value={delivery.giftMessage} onInput={(e) => setD('giftMessage')(e.currentTarget.value)} />}
              </Field>
            )}
            <label class="check">
              <input type="checkbox" checked={delivery.fragilePackaging}
                onChange={(e) => setD('fragilePackaging')(e.currentTarget.checked)} />
              Fragile packaging
            </label>
          </div>
          <Field id="instructions" label="Delivery instructions (optional)" field="delivery.instructions" error={error}
            hint="For the courier, e.g. “ring twice”, “leave with the neighbour”.">
            {(p) => <textarea id={p.id} aria-describedby={p.describedBy} maxLength={500} rows={2}
              value={delivery.instructions} onInput={(e) => setD('instructions')(e.currentTarget.value)} />}
          </Field>
        </fieldset>

        <PaymentFields value={payment} onChange={setPayment} error={error} />

        <label class="check consent">
          <input type="checkbox" checked={marketingConsent} onChange={(e) => setConsent(e.currentTarget.checked)} />
          Send me offers by e-mail (you can withdraw this any time)
        </label>

        <div ref={errorRef}><ProblemBox error={error} /></div>
        <button type="submit" class="big place-order" disabled={busy} aria-busy={busy ? 'true' : 'false'}>
          {busy && <span class="spinner" aria-hidden="true" />}Place order
        </button>
      </form>

      <aside class="panel order-summary" aria-labelledby="summary-h">
        <h2 id="summary-h">Your order</h2>
        <ul class="summary-lines">
          {cart.lines.map((l) => (
            <li key={l.sku}>
              <span>{l.quantity} × {l.name}{l.variant ? ` (${l.variant})` : ''}</span>
              <span class="num">{money(l.lineTotal, cart.currency)}</span>
            </li>
          ))}
        </ul>
        <p class="subtotal">Subtotal ({n} item{n === 1 ? '' : 's'}) <strong>{money(cart.subtotal, cart.currency)}</strong></p>
        <p class="muted small">Shipping: quoted after you place the order.</p>
        <a href="#/cart">Change the cart</a>
      </aside>
    </div>
  );
}
