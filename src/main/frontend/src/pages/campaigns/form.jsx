// A new campaign (marketing): POST /api/campaigns {name, rule, segment?, products, discountPercent, validUntil}.
// The server checks everything; its 400 names each invalid field, shown next to that field and in a summary.
import { useRef, useState } from 'preact/hooks';
import { ApiError, post } from '../../api.js';
import { navigate } from '../../router.js';
import { Loading, money, Page, ProblemBox, RequireRole, useApi } from '../../ui.jsx';
import { FieldError, fieldErrors, num, words } from '../backoffice/common.jsx';
import { SEGMENTS, useCatalogue, WRITE_ROLES } from './shared.jsx';

const MAX_PRODUCTS = 20;
const FIELDS = ['name', 'rule', 'segment', 'products', 'discountPercent', 'validUntil'];

/** A datetime-local value (local time, minutes) n days from now. */
function localInDays(n) {
  const d = new Date(Date.now() + n * 86400000);
  d.setSeconds(0, 0);
  const pad = (x) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function segmentCounts(data) {
  const counts = {};
  (data?.customers || []).forEach((c) => { counts[c.segment] = (counts[c.segment] || 0) + 1; });
  return counts;
}

export function NewCampaign() {
  const { products, loading: productsLoading, error: productsError } = useCatalogue();
  const segments = useApi('/api/insight/segments');
  const counts = segmentCounts(segments.data);
  const [form, setForm] = useState({ name: '', rule: 'SEGMENT', segment: '', products: [], discountPercent: '15', validUntil: localInDays(14) });
  const [filter, setFilter] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef(null);
  const set = (patch) => setForm((f) => ({ ...f, ...patch }));
  const errs = (field) => fieldErrors(error, field);
  const invalid = (field) => (errs(field).length > 0 ? 'true' : undefined);
  const describedBy = (field, hint) => [hint, errs(field).length ? `error-${field}` : null].filter(Boolean).join(' ') || undefined;

  const toggleProduct = (sku) => set({ products: form.products.includes(sku) ? form.products.filter((s) => s !== sku) : [...form.products, sku] });
  const f = filter.trim().toLowerCase();
  const listed = products.filter((p) => !f || `${p.name} ${p.variant || ''} ${p.sku} ${p.category || ''}`.toLowerCase().includes(f));

  const submit = async (e) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const validUntil = form.validUntil ? new Date(form.validUntil) : null;
    const body = {
      name: form.name,
      rule: form.rule,
      segment: form.rule === 'SEGMENT' && form.segment ? form.segment : null,
      products: form.products,
      discountPercent: form.discountPercent === '' ? null : Number(form.discountPercent),
      validUntil: validUntil && !Number.isNaN(validUntil.getTime()) ? validUntil.toISOString() : null,
    };
    try {
      const created = await post('/api/campaigns', body);
      navigate(`/campaigns/${created.id}?created=1`);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { detail: String(err) }));
      setBusy(false);
      // the first field the server named gets the focus (its message is read with it)
      setTimeout(() => {
        const first = FIELDS.find((field) => fieldErrors(err, field).length > 0);
        const el = first && formRef.current?.querySelector(`[data-field="${first}"]`);
        if (el) el.focus(); else formRef.current?.querySelector('.problem')?.focus?.();
      }, 0);
    }
  };

  return (
    <Page title="New campaign" actions={<a class="button secondary small" href="#/campaigns">All campaigns</a>}>
      <RequireRole roles={WRITE_ROLES}>
        <form class="bo-form" ref={formRef} onSubmit={submit} noValidate aria-describedby="campaign-form-intro">
          <p id="campaign-form-intro" class="muted">After you submit it, the campaign is <strong>awaiting approval by a marketing
            manager in the inbox</strong> (someone other than you). Once approved, every selected customer who consented to
            marketing gets one offer by mail.</p>
          <ProblemBox error={error} />

          <label for="campaign-name">Name</label>
          <input id="campaign-name" data-field="name" value={form.name} maxLength={120} required
            aria-invalid={invalid('name')} aria-describedby={describedBy('name')}
            onInput={(e) => set({ name: e.currentTarget.value })} />
          <FieldError id="error-name" messages={errs('name')} />

          <fieldset aria-describedby={describedBy('rule')}>
            <legend>Who gets the offer</legend>
            <label class="bo-choice">
              <input type="radio" name="rule" value="SEGMENT" data-field="rule" checked={form.rule === 'SEGMENT'}
                onChange={() => set({ rule: 'SEGMENT' })} />
              <span>Customers in a segment <span class="muted">(by recency, frequency and spend)</span></span>
            </label>
            <label class="bo-choice">
              <input type="radio" name="rule" value="RECOMMENDED_SKU" checked={form.rule === 'RECOMMENDED_SKU'}
                onChange={() => set({ rule: 'RECOMMENDED_SKU', segment: '' })} />
              <span>Customers who are recommended one of the products <span class="muted">(bought together, re-order due)</span></span>
            </label>
            <FieldError id="error-rule" messages={errs('rule')} />

            {form.rule === 'SEGMENT' && (
              <>
                <label for="campaign-segment">Segment</label>
                <select id="campaign-segment" data-field="segment" value={form.segment} aria-invalid={invalid('segment')}
                  aria-describedby={describedBy('segment', 'segment-hint')} onChange={(e) => set({ segment: e.currentTarget.value })}>
                  <option value="">Choose a segment…</option>
                  {SEGMENTS.map((s) => (
                    <option key={s.id} value={s.id}>
                      {words(s.id)} — {s.text}{segments.data ? ` (${num(counts[s.id] || 0)} customers)` : ''}
                    </option>
                  ))}
                </select>
                <p id="segment-hint" class="hint">
                  {segments.data?.consentingOnly ? 'Counts: customers who consented to marketing.' : 'Counts: every customer of the segment; only those who consented get an offer.'}
                  {segments.error && ' (The counts cannot be loaded.)'}
                </p>
                <FieldError id="error-segment" messages={errs('segment')} />
              </>
            )}
          </fieldset>

          <fieldset aria-describedby={describedBy('products', 'products-hint')}>
            <legend>Products <span class="muted">({form.products.length} of at most {MAX_PRODUCTS} chosen)</span></legend>
            <p id="products-hint" class="hint">The offer covers these products at the discounted price.</p>
            <label for="campaign-product-filter">Find a product</label>
            <input id="campaign-product-filter" type="search" value={filter} placeholder="name or SKU" onInput={(e) => setFilter(e.currentTarget.value)} />
            {productsLoading && <Loading label="Loading the catalogue…" />}
            <ProblemBox error={productsError} />
            <div class="bo-products" role="group" aria-label="Catalogue">
              {listed.map((p, i) => (
                <label key={p.sku} class="bo-choice">
                  <input type="checkbox" value={p.sku} data-field={i === 0 ? 'products' : undefined} checked={form.products.includes(p.sku)}
                    aria-invalid={invalid('products')} onChange={() => toggleProduct(p.sku)} />
                  <span>{p.name}{p.variant && ` (${p.variant})`} <span class="sku">{p.sku} · {money(p.price, p.currency)}</span></span>
                </label>
              ))}
              {!productsLoading && listed.length === 0 && <p class="empty">No product matches “{filter}”.</p>}
            </div>
            <FieldError id="error-products" messages={errs('products')} />
          </fieldset>

          <div class="form-row">
            <div>
              <label for="campaign-discount">Discount (%)</label>
              <input id="campaign-discount" data-field="discountPercent" type="number" inputMode="numeric" min="1" max="90" step="1"
                value={form.discountPercent} aria-invalid={invalid('discountPercent')} aria-describedby={describedBy('discountPercent', 'discount-hint')}
                onInput={(e) => set({ discountPercent: e.currentTarget.value })} />
              <p id="discount-hint" class="hint">1 to 90 %.</p>
              <FieldError id="error-discountPercent" messages={errs('discountPercent')} />
            </div>
            <div>
              <label for="campaign-valid-until">Valid until</label>
              <input id="campaign-valid-until" data-field="validUntil" type="datetime-local" value={form.validUntil}
                aria-invalid={invalid('validUntil')} aria-describedby={describedBy('validUntil', 'valid-hint')}
                onInput={(e) => set({ validUntil: e.currentTarget.value })} />
              <p id="valid-hint" class="hint">Your local time; at most 90 days ahead.</p>
              <FieldError id="error-validUntil" messages={errs('validUntil')} />
            </div>
          </div>

          <div class="bo-form-actions">
            <button type="submit" disabled={busy} aria-busy={busy ? 'true' : 'false'}>
              {busy && <span class="spinner" aria-hidden="true" />}Submit for approval
            </button>
            <a class="button secondary" href="#/campaigns">Cancel</a>
          </div>
          <p class="bo-sr-only" aria-live="polite">{busy ? 'Submitting the campaign…' : ''}</p>
        </form>
      </RequireRole>
    </Page>
  );
}
