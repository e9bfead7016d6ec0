// Form parts the checkout and the offer acceptance share: field errors from the API's problem, address, payment.
import { COUNTRIES, PAYMENT_METHODS, TEST_CARDS } from './words.js';

/** The message the API gave for a field ("shippingAddress.postalCode"), or for anything under it. */
export function fieldError(error, field) {
  const hit = (error?.errors || []).find((e) => e.field === field || e.field?.startsWith(field + '.')
    || e.field?.startsWith(field + '['));
  return hit ? hit.message : null;
}

/** A labelled input with the API's message for its field below it. */
export function Field({ id, label, field, error, hint, children, class: cls = '' }) {
  const message = fieldError(error, field);
  const describedBy = [hint && `${id}-hint`, message && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const child = typeof children === 'function' ? children({ id, describedBy, invalid: !!message }) : children;
  return (
    <div class={'field ' + cls}>
      <label for={id}>{label}</label>
      {child}
      {hint && <p class="hint muted" id={`${id}-hint`}>{hint}</p>}
      {message && <p class="field-error" id={`${id}-error`}>{message}</p>}
    </div>
  );
}

/** Plain text input bound to value/onValue. */
export function TextInput({ id, describedBy, invalid, value, onValue, ...rest }) {
  return (
    <input id={id} value={value} aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined}
      onInput={(e) => onValue(e.currentTarget.value)} {...rest} />
  );
}

export function AddressFields({ value, onChange, error, prefix = 'shippingAddress' }) {
  const set = (k) => (v) => onChange({ ...value, [k]: v });
  return (
    <fieldset>
      <legend>Delivery address</legend>
      <Field id="addr-street" label="Street and number" field={`${prefix}.street`} error={error}>
        {(p) => <TextInput {...p} value={value.street} onValue={set('street')} autoComplete="street-address" required maxLength={200} />}
      </Field>
      <div class="form-row">
        <Field id="addr-postal" label="Postal code" field={`${prefix}.postalCode`} error={error}>
          {(p) => <TextInput {...p} value={value.postalCode} onValue={set('postalCode')} autoComplete="postal-code" required maxLength={20} />}
        </Field>
        <Field id="addr-city" label="City" field={`${prefix}.city`} error={error}>
          {(p) => <TextInput {...p} value={value.city} onValue={set('city')} autoComplete="address-level2" required maxLength={100} />}
        </Field>
      </div>
      <Field id="addr-country" label="Country" field={`${prefix}.country`} error={error}
        hint="We deliver from Madrid, Warsaw and Sofia to these countries.">
        {(p) => (
          <select id={p.id} aria-describedby={p.describedBy} aria-invalid={p.invalid ? 'true' : undefined}
            value={value.country} onChange={(e) => set('country')(e.currentTarget.value)} autoComplete="country">
            {COUNTRIES.map((c) => <option key={c.code} value={c.code}>{c.name} ({c.code})</option>)}
          </select>
        )}
      </Field>
    </fieldset>
  );
}

/**
 * The card as the simulated payment provider's test mode offers it: the customer picks a test card, the shop only
 * ever sends the provider's payment-method id (pm_…), never a card number.
 */
export function TestCardChooser({ value, onChange, error, field = 'payment.paymentMethodId', name = 'card' }) {
  const message = fieldError(error, field);
  return (
    <fieldset class="card-form" aria-describedby={`${name}-note`}>
      <legend>Card</legend>
      <p class="hint muted" id={`${name}-note`}>
        Test mode: the payment provider is simulated. Choose a test card; no card number is typed or sent to the shop.
      </p>
      <div class="test-cards">
        {TEST_CARDS.map((c) => (
          <label key={c.id} class={'test-card' + (value === c.id ? ' chosen' : '')}>
            <input type="radio" name={name} value={c.id} checked={value === c.id} onChange={() => onChange(c.id)} />
            <span class="card-face" aria-hidden="true">
              <span class="card-brand">{c.brand}</span>
              <span class="card-number">•••• •••• •••• {c.last4}</span>
            </span>
            <span class="card-text">{c.brand} ending in {c.last4} <span class="muted">({c.outcome})</span></span>
          </label>
        ))}
      </div>
      {message && <p class="field-error">{message}</p>}
    </fieldset>
  );
}

export function PaymentFields({ value, onChange, error }) {
  const message = fieldError(error, 'payment.method');
  return (
    <fieldset>
      <legend>Payment</legend>
      <div class="choices" role="radiogroup" aria-label="Payment method">
        {PAYMENT_METHODS.map((m) => (
          <label key={m.id} class={'choice' + (value.method === m.id ? ' chosen' : '')}>
            <input type="radio" name="payment-method" value={m.id} checked={value.method === m.id}
              onChange={() => onChange({ ...value, method: m.id })} />
            <span><strong>{m.label}</strong> <span class="muted">– {m.hint}</span></span>
          </label>
        ))}
      </div>
      {message && <p class="field-error">{message}</p>}
      {value.method === 'CARD' && (
        <TestCardChooser value={value.paymentMethodId} error={error}
          onChange={(id) => onChange({ ...value, paymentMethodId: id })} />
      )}
    </fieldset>
  );
}

/** The payment as the API takes it: a pm_ id for a card only. */
export function paymentBody(value) {
  return value.method === 'CARD' ? { method: 'CARD', paymentMethodId: value.paymentMethodId } : { method: value.method };
}
