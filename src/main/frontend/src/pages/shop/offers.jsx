// The customer's campaign offers: products at the offer price until a date; accepting one places an order.
import { useState } from 'preact/hooks';
import { post } from '../../api.js';
import { navigate } from '../../router.js';
import { dateTime, Empty, Loading, money, Page, ProblemBox, RequireRole, useApi, useMe } from '../../ui.jsx';
import { lastAddress, rememberAddress, rememberOrder } from './cart-store.js';
import { AddressFields, Field, PaymentFields, paymentBody, TextInput } from './forms.jsx';
import { preferredLanguage } from './words.js';

export function OffersPage() {
  return (
    <Page title="Your offers">
      <RequireRole roles={['customer']}><Offers /></RequireRole>
    </Page>
  );
}

function Offers() {
  const offers = useApi('/api/offers');
  const [open, setOpen] = useState(null);
  if (offers.loading) return <Loading label="Loading your offers…" />;
  if (offers.error) return <ProblemBox error={offers.error} onRetry={offers.reload} />;
  if (!offers.data?.length) return <Empty>No offers for you right now. <a href="#/shop">Visit the shop</a>.</Empty>;
  return (
    <ul class="offer-list">
      {offers.data.map((o) => (
        <li key={o.id} class="panel offer" data-testid={`offer-${o.id}`}>
          <h2>{o.campaignName} <span class="badge badge-good">−{o.discountPercent} %</span></h2>
          <p class="muted">Valid until {dateTime(o.validUntil)}</p>
          <ul class="offer-products">
            {o.products.map((p) => (
              <li key={p.sku}>
                <span>{p.name}</span>{' '}
                <span class="visually-hidden">regular price </span><s class="muted">{money(p.catalogPrice, p.currency)}</s>{' '}
                <span class="visually-hidden">offer price </span>
                <strong>{money(p.offerPrice, p.currency)}</strong>
              </li>
            ))}
          </ul>
          {open === o.id
            ? <AcceptOffer offer={o} onCancel={() => setOpen(null)} />
            : <button type="button" onClick={() => setOpen(o.id)}>Accept this offer</button>}
        </li>
      ))}
    </ul>
  );
}

function AcceptOffer({ offer, onCancel }) {
  const me = useMe();
  const [name, setName] = useState(me.displayName || '');
  const [phone, setPhone] = useState('');
  const [address, setAddress] = useState(() => lastAddress(me) || { street: '', postalCode: '', city: '', country: 'ES' });
  const [payment, setPayment] = useState({ method: 'CARD', paymentMethodId: 'pm_card_visa' });
  const [quantities, setQuantities] = useState(() => Object.fromEntries(offer.products.map((p) => [p.sku, 1])));
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const shippingAddress = { ...address, street: address.street.trim(), postalCode: address.postalCode.trim(), city: address.city.trim() };
    try {
      const accepted = await post(`/api/offers/${encodeURIComponent(offer.id)}/acceptance`, {
        name: name.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}), shippingAddress,
        payment: paymentBody(payment),
        quantities: Object.fromEntries(Object.entries(quantities).map(([k, v]) => [k, Number(v)])),
        language: preferredLanguage(),
      });
      rememberOrder(me, { id: accepted.orderId, orderNumber: accepted.orderNumber });
      rememberAddress(me, shippingAddress);
      navigate(`/orders/${accepted.orderId}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <form class="accept-offer" onSubmit={submit} noValidate>
      <fieldset>
        <legend>Quantities</legend>
        {offer.products.map((p) => (
          <Field key={p.sku} id={`q-${offer.id}-${p.sku}`} label={p.name} field={`quantities.${p.sku}`} error={error}>
            {(f) => <TextInput {...f} type="number" min="0" max="100" value={quantities[p.sku]}
              onValue={(v) => setQuantities((q) => ({ ...q, [p.sku]: v }))} />}
          </Field>
        ))}
      </fieldset>
      <fieldset>
        <legend>Contact</legend>
        <div class="form-row">
          <Field id={`o-name-${offer.id}`} label="Full name" field="name" error={error}>
            {(f) => <TextInput {...f} value={name} onValue={setName} autoComplete="name" required />}
          </Field>
          <Field id={`o-phone-${offer.id}`} label="Phone (optional)" field="phone" error={error}>
            {(f) => <TextInput {...f} type="tel" value={phone} onValue={setPhone} autoComplete="tel" />}
          </Field>
        </div>
      </fieldset>
      <AddressFields value={address} onChange={setAddress} error={error} />
      <PaymentFields value={payment} onChange={setPayment} error={error} />
      <p class="muted">Standard delivery. After you accept, the shipping is quoted and you confirm it before paying.</p>
      <ProblemBox error={error} />
      <div class="page-actions">
        <button type="submit" disabled={busy} aria-busy={busy ? 'true' : 'false'}>
          {busy && <span class="spinner" aria-hidden="true" />}Order at the offer price
        </button>
        <button type="button" class="secondary" onClick={onCancel}>Not now</button>
      </div>
    </form>
  );
}
