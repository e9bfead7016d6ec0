// The signed-in customer's server cart: its id is kept in localStorage per user; a cart the server no longer has
// (404) or that was checked out is forgotten and a new one is made on the next "Add to cart".
import { useEffect, useState } from 'preact/hooks';
import { del, get, post, put } from '../../api.js';

const key = (me) => `orderflow.cart.${me.username}`;
const listeners = new Set();

function storage() {
  try { return window.localStorage; } catch { return null; }
}

export function storedCartId(me) {
  return me ? storage()?.getItem(key(me)) || null : null;
}

function remember(me, id) {
  storage()?.setItem(key(me), id);
}

export function forgetCart(me) {
  if (me) storage()?.removeItem(key(me));
  changed(null);
}

function changed(cart) {
  listeners.forEach((fn) => fn(cart));
}

const path = (id, rest = '') => `/api/carts/${encodeURIComponent(id)}${rest}`;

/** The open cart, or null when there is none (a lost or checked-out cart is forgotten). */
export async function loadCart(me) {
  const id = storedCartId(me);
  if (!id) return null;
  try {
    const cart = await get(path(id));
    if (cart.status !== 'OPEN') {
      forgetCart(me);
      return null;
    }
    return cart;
  } catch (e) {
    if (e.status === 404) {
      forgetCart(me);
      return null;
    }
    throw e;
  }
}

/** Adds units of one SKU; makes a cart first when needed, and once more when the stored one is gone. */
export async function addToCart(me, sku, quantity) {
  let id = storedCartId(me);
  for (let attempt = 0; ; attempt++) {
    if (!id) {
      const created = await post('/api/carts');
      id = created.id;
      remember(me, id);
    }
    try {
      const cart = await post(path(id, '/lines'), { sku, quantity });
      changed(cart);
      return cart;
    } catch (e) {
      if (attempt === 0 && (e.status === 404 || e.status === 409)) {
        forgetCart(me);
        id = null;
        continue;
      }
      throw e;
    }
  }
}

async function change(me, call) {
  try {
    const cart = await call();
    changed(cart);
    return cart;
  } catch (e) {
    if (e.status === 404) forgetCart(me);
    throw e;
  }
}

export function setQuantity(me, sku, quantity) {
  return change(me, () => put(path(storedCartId(me), `/lines/${encodeURIComponent(sku)}`), { quantity }));
}

export function removeLine(me, sku) {
  return change(me, () => del(path(storedCartId(me), `/lines/${encodeURIComponent(sku)}`)));
}

/** The cart as it changes anywhere on the page: {cart, error, loading, reload}. */
export function useCart(me) {
  const [state, setState] = useState({ cart: null, error: null, loading: !!me });
  const reload = async () => {
    if (!me) return;
    try {
      setState({ cart: await loadCart(me), error: null, loading: false });
    } catch (error) {
      setState((s) => ({ ...s, error, loading: false }));
    }
  };
  useEffect(() => {
    reload();
    const on = (cart) => setState({ cart, error: null, loading: false });
    listeners.add(on);
    return () => listeners.delete(on);
  }, [me?.username]);
  return { ...state, reload };
}

export function itemCount(cart) {
  return (cart?.lines || []).reduce((n, l) => n + l.quantity, 0);
}

/** The ids of the orders this browser placed for the user, newest first (a fallback list for "My orders"). */
export function rememberOrder(me, order) {
  if (!me) return;
  const k = `orderflow.orders.${me.username}`;
  try {
    const list = JSON.parse(storage()?.getItem(k) || '[]').filter((o) => o.id !== order.id);
    list.unshift({ id: order.id, orderNumber: order.orderNumber, placedAt: order.placedAt });
    storage()?.setItem(k, JSON.stringify(list.slice(0, 30)));
  } catch {
    // storage full or disabled: the list is a convenience only
  }
}

export function rememberedOrders(me) {
  if (!me) return [];
  try {
    return JSON.parse(storage()?.getItem(`orderflow.orders.${me.username}`) || '[]');
  } catch {
    return [];
  }
}

/** The address last used at checkout (a convenience; nothing personal beyond what the customer typed). */
export function lastAddress(me) {
  if (!me) return null;
  try { return JSON.parse(storage()?.getItem(`orderflow.address.${me.username}`) || 'null'); } catch { return null; }
}

export function rememberAddress(me, address) {
  if (!me) return;
  try { storage()?.setItem(`orderflow.address.${me.username}`, JSON.stringify(address)); } catch { /* ignore */ }
}
