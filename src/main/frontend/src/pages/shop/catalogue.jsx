// The storefront: products grouped by model, sizes as choices with their stock, a search and a category filter.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { get, post, signInUrl } from '../../api.js';
import { currentQuery } from '../../router.js';
import { Empty, hasRole, Loading, money, Page, ProblemBox, useApi, useMe } from '../../ui.jsx';
import { addToCart, itemCount, useCart } from './cart-store.js';
import { humanize, STOCK_LEVELS } from './words.js';

/** Products of one model (modelCode) with its variants in catalogue order. */
function groupByModel(products) {
  const byModel = new Map();
  for (const p of products || []) {
    if (!byModel.has(p.modelCode)) {
      byModel.set(p.modelCode, { modelCode: p.modelCode, name: p.name, category: p.category, variants: [] });
    }
    byModel.get(p.modelCode).variants.push(p);
  }
  const models = [...byModel.values()];
  models.forEach((m) => m.variants.sort((a, b) => sizeRank(a.variant) - sizeRank(b.variant)));
  return models;
}

const LETTER_SIZES = ['XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL', 'XXXL'];

/** Sizes in the order a shopper reads them: S, M, L, XL; EU 41, 42, 43; W32 before W34. */
function sizeRank(variant) {
  if (!variant) return 0;
  const letter = variant.match(/\b(XXXL|XXL|XL|XXS|XS|S|M|L)\b/);
  if (letter) return LETTER_SIZES.indexOf(letter[1]);
  const number = variant.match(/\d+(\.\d+)?/);
  return number ? 100 + Number(number[0]) : 1000;
}

/**
 * Stock per SKU from GET /api/products/availability ({sku, availableQuantity, level}); null while unknown. A failing
 * call only leaves the stock out: the catalogue works without it.
 */
function useAvailability() {
  const [state, setState] = useState({ bySku: null, failed: false });
  useEffect(() => {
    let live = true;
    get('/api/products/availability').then((rows) => {
      if (!live) return;
      if (!Array.isArray(rows)) { setState({ bySku: null, failed: true }); return; }
      const bySku = {};
      rows.forEach((r) => { if (r && r.sku) bySku[r.sku] = r; });
      setState({ bySku, failed: false });
    }, () => live && setState({ bySku: null, failed: true }));
    return () => { live = false; };
  }, []);
  return state;
}

function levelOf(stock) {
  return stock?.level && STOCK_LEVELS[stock.level] ? stock.level : null;
}

export function StockLine({ stock }) {
  const level = levelOf(stock);
  if (!level) return null;
  const { text, tone } = STOCK_LEVELS[level];
  const count = level === 'LOW_STOCK' && stock.availableQuantity > 0 ? ` (${stock.availableQuantity})` : '';
  return <p class={`stock stock-${tone}`} data-testid="stock"><span class="dot" aria-hidden="true" />{text}{count}</p>;
}

function initials(name) {
  return name.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w)).slice(0, 2).map((w) => w[0].toUpperCase()).join('');
}

function ProductCard({ model, bySku, me, canBuy }) {
  const { variants } = model;
  const firstInStock = variants.find((v) => levelOf(bySku?.[v.sku]) !== 'OUT_OF_STOCK') || variants[0];
  const [sku, setSku] = useState(firstInStock.sku);
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const chosen = variants.find((v) => v.sku === sku) || variants[0];
  const stock = bySku?.[chosen.sku];
  const soldOut = levelOf(stock) === 'OUT_OF_STOCK';
  const prices = new Set(variants.map((v) => Number(v.price)));
  const hasSizes = variants.length > 1 || !!variants[0].variant;
  const id = `p-${model.modelCode}`;

  const add = async (e) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setAdded(null);
    try {
      const cart = await addToCart(me, chosen.sku, Number(quantity) || 1);
      setAdded({ label: chosen.variant, count: itemCount(cart) });
      if (hasRole(me, 'customer')) post('/api/events', { type: 'CART_ADD', sku: chosen.sku }).catch(() => {});
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="card product" data-testid={`product-${model.modelCode}`}>
      <div class="product-art" data-category={model.category} aria-hidden="true">{initials(model.name)}</div>
      <div class="product-body">
        <h2 id={`${id}-name`}>{model.name}</h2>
        <p class="muted product-category">{humanize(model.category)}</p>
        <p class="price">
          {money(chosen.price, chosen.currency)}
          {prices.size > 1 && <span class="muted"> · price depends on the size</span>}
        </p>
        <form onSubmit={add}>
          {hasSizes && (
            <fieldset class="sizes">
              <legend>{variants.length > 1 ? 'Size' : 'Variant'}</legend>
              <div class="chips">
                {variants.map((v) => {
                  const level = levelOf(bySku?.[v.sku]);
                  const out = level === 'OUT_OF_STOCK';
                  return (
                    <label key={v.sku} class={'chip' + (out ? ' chip-out' : '') + (v.sku === sku ? ' chip-on' : '')}>
                      <input type="radio" name={`${id}-size`} value={v.sku} checked={v.sku === sku}
                        onChange={() => { setSku(v.sku); setAdded(null); }} />
                      <span>{v.variant || 'One size'}</span>
                      {level && level !== 'IN_STOCK' && (
                        <span class="visually-hidden">{` (${STOCK_LEVELS[level].text.toLowerCase()})`}</span>
                      )}
                      {level && level !== 'IN_STOCK' && <span class={`dot dot-${STOCK_LEVELS[level].tone}`} aria-hidden="true" />}
                    </label>
                  );
                })}
              </div>
            </fieldset>
          )}
          <StockLine stock={stock} />
          {canBuy && (
            <div class="buy-row">
              <label for={`${id}-qty`}>Quantity</label>
              <input id={`${id}-qty`} type="number" inputMode="numeric" min="1" max="100" value={quantity} disabled={soldOut}
                onInput={(e) => setQuantity(e.currentTarget.value)} />
              <button type="submit" disabled={busy || soldOut} aria-busy={busy ? 'true' : 'false'}>
                {busy && <span class="spinner" aria-hidden="true" />}
                {soldOut ? 'Sold out' : 'Add to cart'}
              </button>
            </div>
          )}
        </form>
        {!me && <a class="button secondary sign-in-to-buy" href={signInUrl('/shop')}>Sign in to buy</a>}
        {me && !canBuy && <p class="muted">Ordering is for customer accounts.</p>}
        <div aria-live="polite">
          {added && (
            <p class="success added" role="status">
              Added{added.label ? ` (${added.label})` : ''}: {added.count} item{added.count === 1 ? '' : 's'} in your cart.{' '}
              <a href="#/cart">View cart</a>
            </p>
          )}
        </div>
        <ProblemBox error={error} />
      </div>
    </li>
  );
}

function replaceQuery(q, category) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (category) params.set('category', category);
  const qs = params.toString();
  history.replaceState(null, '', '#/shop' + (qs ? '?' + qs : ''));
}

export function Catalogue() {
  const me = useMe();
  const canBuy = hasRole(me, 'customer', 'customer-service');
  const products = useApi('/api/products');
  const { bySku, failed } = useAvailability();
  const { cart } = useCart(canBuy ? me : null);
  const initial = currentQuery();
  const [search, setSearch] = useState(initial.get('q') || '');
  const [category, setCategory] = useState(initial.get('category') || '');
  useEffect(() => replaceQuery(search.trim(), category), [search, category]);

  const models = useMemo(() => groupByModel(products.data), [products.data]);
  const categories = useMemo(() => [...new Set(models.map((m) => m.category))].sort(), [models]);
  const needle = search.trim().toLowerCase();
  const shown = models.filter((m) => (!category || m.category === category)
    && (!needle || [m.name, m.category, m.modelCode, ...m.variants.map((v) => `${v.variant || ''} ${v.sku}`)]
      .join(' ').toLowerCase().includes(needle)));
  const count = itemCount(cart);

  return (
    <Page title="Shop" wide actions={canBuy && (
      <a class="button secondary" href="#/cart" data-testid="cart-link">
        Cart{count > 0 ? ` (${count} item${count === 1 ? '' : 's'})` : ''}
      </a>
    )}>
      {!me && (
        <p class="notice">Browse freely. <a href={signInUrl('/shop')}>Sign in</a> to put things in your cart and order.</p>
      )}
      <form class="shop-filters" role="search" aria-label="Products" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label for="shop-search">Search</label>
          <input id="shop-search" type="search" value={search} placeholder="Name, size or SKU"
            onInput={(e) => setSearch(e.currentTarget.value)} />
        </div>
        <div>
          <label for="shop-category">Category</label>
          <select id="shop-category" value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
            <option value="">All categories</option>
            {categories.map((c) => <option key={c} value={c}>{humanize(c)}</option>)}
          </select>
        </div>
      </form>
      {products.loading && <Loading label="Loading the catalogue…" />}
      <ProblemBox error={products.error} onRetry={products.reload} />
      {products.data && (
        <>
          <p class="muted result-count" aria-live="polite">
            {shown.length} product{shown.length === 1 ? '' : 's'}
            {failed && ' · stock levels are not available right now'}
          </p>
          {shown.length === 0 ? <Empty>Nothing matches your search.</Empty> : (
            <ul class="product-grid">
              {shown.map((m) => <ProductCard key={m.modelCode} model={m} bySku={bySku} me={me} canBuy={canBuy} />)}
            </ul>
          )}
        </>
      )}
    </Page>
  );
}
