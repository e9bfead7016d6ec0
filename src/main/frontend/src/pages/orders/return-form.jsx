// The return (or complaint) form of a delivered order: lines and quantities, the reason, notes, photos, the refund.
import { useState } from 'preact/hooks';
import { post } from '../../api.js';
import { ProblemBox } from '../../ui.jsx';
import { Field, fieldError, TextInput } from '../shop/forms.jsx';

const REASONS = [
  { id: 'CHANGED_MIND', label: 'I changed my mind', shopFault: false },
  { id: 'WRONG_SIZE', label: 'Wrong size', shopFault: false },
  { id: 'DAMAGED', label: 'Arrived damaged', shopFault: true },
  { id: 'DEFECTIVE', label: 'Defective', shopFault: true },
  { id: 'WRONG_ITEM', label: 'Wrong item sent', shopFault: true },
];

export function ReturnForm({ order, onDone, onCancel }) {
  const [kind, setKind] = useState('RETURN');
  const [reason, setReason] = useState('WRONG_SIZE');
  const [quantities, setQuantities] = useState(() => Object.fromEntries(order.lines.map((l) => [l.lineNo, 0])));
  const [notes, setNotes] = useState('');
  const [photos, setPhotos] = useState('');
  const [refundChoice, setRefundChoice] = useState('ORIGINAL_METHOD');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const reasons = kind === 'COMPLAINT' ? REASONS.filter((r) => r.shopFault) : REASONS;

  const chooseKind = (k) => {
    setKind(k);
    if (k === 'COMPLAINT' && !REASONS.find((r) => r.id === reason)?.shopFault) setReason('DAMAGED');
  };

  const submit = async (e) => {
    e.preventDefault();
    if (busy) return;
    const lines = Object.entries(quantities).map(([lineNo, q]) => ({ lineNo: Number(lineNo), quantity: Number(q) }))
      .filter((l) => l.quantity > 0);
    const photoUrls = photos.split(/\s+/).map((s) => s.trim()).filter(Boolean);
    setBusy(true);
    setError(null);
    try {
      const rma = await post(`/api/orders/${encodeURIComponent(order.id)}/returns`, {
        kind, reason, lines, refundChoice,
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        ...(photoUrls.length ? { photoUrls } : {}),
      });
      await onDone(rma);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="panel return-form" onSubmit={submit} noValidate aria-labelledby="return-h">
      <h3 id="return-h">Return or complain about items</h3>
      <fieldset>
        <legend>What is it?</legend>
        <div class="choices">
          <label class={'choice' + (kind === 'RETURN' ? ' chosen' : '')}>
            <input type="radio" name="return-kind" value="RETURN" checked={kind === 'RETURN'} onChange={() => chooseKind('RETURN')} />
            <span><strong>Return</strong> <span class="muted">– send items back for a refund</span></span>
          </label>
          <label class={'choice' + (kind === 'COMPLAINT' ? ' chosen' : '')}>
            <input type="radio" name="return-kind" value="COMPLAINT" checked={kind === 'COMPLAINT'} onChange={() => chooseKind('COMPLAINT')} />
            <span><strong>Complaint</strong> <span class="muted">– something arrived damaged, defective or wrong</span></span>
          </label>
        </div>
        {fieldError(error, 'kind') && <p class="field-error">{fieldError(error, 'kind')}</p>}
      </fieldset>
      <Field id="return-reason" label="Reason" field="reason" error={error}>
        {(p) => (
          <select id={p.id} aria-describedby={p.describedBy} value={reason} onChange={(e) => setReason(e.currentTarget.value)}>
            {reasons.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
          </select>
        )}
      </Field>
      <fieldset>
        <legend>Items and quantities</legend>
        {order.lines.map((l) => (
          <Field key={l.lineNo} id={`ret-line-${l.lineNo}`} label={`${l.productName} (ordered ${l.quantity})`}
            field={`line-${l.lineNo}`} error={error} class="line-qty">
            {(p) => <TextInput {...p} type="number" inputMode="numeric" min="0" max={l.quantity} value={quantities[l.lineNo]}
              onValue={(v) => setQuantities((q) => ({ ...q, [l.lineNo]: v }))} />}
          </Field>
        ))}
        {fieldError(error, 'lines') && <p class="field-error">{fieldError(error, 'lines')}</p>}
      </fieldset>
      <Field id="return-notes" label="Anything we should know? (optional)" field="notes" error={error}>
        {(p) => <textarea id={p.id} aria-describedby={p.describedBy} rows={3} maxLength={2000} value={notes}
          onInput={(e) => setNotes(e.currentTarget.value)} />}
      </Field>
      <Field id="return-photos" label="Photo links (optional, https, up to 5)" field="photoUrls" error={error}
        hint="Paste links to photos of the damage, one per line.">
        {(p) => <textarea id={p.id} aria-describedby={p.describedBy} rows={2} value={photos}
          onInput={(e) => setPhotos(e.currentTarget.value)} />}
      </Field>
      <fieldset>
        <legend>Refund</legend>
        <label class="check">
          <input type="radio" name="refund-choice" checked={refundChoice === 'ORIGINAL_METHOD'} onChange={() => setRefundChoice('ORIGINAL_METHOD')} />
          To the way I paid
        </label>
        <label class="check">
          <input type="radio" name="refund-choice" checked={refundChoice === 'STORE_CREDIT'} onChange={() => setRefundChoice('STORE_CREDIT')} />
          As store credit
        </label>
      </fieldset>
      <ProblemBox error={error} />
      <div class="page-actions">
        <button type="submit" disabled={busy} aria-busy={busy ? 'true' : 'false'}>
          {busy && <span class="spinner" aria-hidden="true" />}Send return request
        </button>
        <button type="button" class="secondary" onClick={onCancel}>Close</button>
      </div>
    </form>
  );
}
