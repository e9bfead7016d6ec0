// What the shop's pages say about orders, parcels, payments and stock: one place for the words a customer reads.

export const FINAL_STATUSES = ['DELIVERED', 'CANCELLED', 'EXPIRED'];

export const COUNTRIES = [
  { code: 'ES', name: 'Spain' },
  { code: 'PL', name: 'Poland' },
  { code: 'BG', name: 'Bulgaria' },
];

export const DELIVERY_METHODS = [
  { id: 'STANDARD', label: 'Standard home delivery', hint: 'from the second business day, in a 4-hour window' },
  { id: 'EXPRESS', label: 'Express home delivery', hint: 'next business day' },
  { id: 'PICKUP_POINT', label: 'Pickup point', hint: 'collect it at a pickup point near you, all day' },
];

/** The simulated payment provider's test cards: the shop never sees a card number, only the provider's pm_ id. */
export const TEST_CARDS = [
  { id: 'pm_card_visa', brand: 'Visa', last4: '4242', outcome: 'approved' },
  { id: 'pm_card_mastercard', brand: 'Mastercard', last4: '4444', outcome: 'approved' },
  { id: 'pm_card_chargeDeclined', brand: 'Visa', last4: '0002', outcome: 'declined by the bank' },
  { id: 'pm_card_insufficientFunds', brand: 'Visa', last4: '9995', outcome: 'declined: insufficient funds' },
];

export const PAYMENT_METHODS = [
  { id: 'CARD', label: 'Card', hint: 'authorized now, charged when the parcel ships' },
  { id: 'BANK_TRANSFER', label: 'Bank transfer', hint: 'we send you the payment reference; we ship once the money is in' },
  { id: 'CASH_ON_DELIVERY', label: 'Cash on delivery', hint: 'pay the courier' },
  { id: 'INVOICE', label: 'Invoice', hint: 'pay within 14 days (subject to a credit check)' },
];

export function paymentMethodName(id) {
  return PAYMENT_METHODS.find((m) => m.id === id)?.label || humanize(id);
}

export function deliveryMethodName(id) {
  return DELIVERY_METHODS.find((m) => m.id === id)?.label || humanize(id);
}

export function humanize(word) {
  if (!word) return '';
  const s = String(word).replaceAll('_', ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** 'madrid' → 'Madrid warehouse' */
export function warehouseName(id) {
  if (!id) return 'warehouse';
  return id.charAt(0).toUpperCase() + id.slice(1) + ' warehouse';
}

export const STOCK_LEVELS = {
  IN_STOCK: { text: 'In stock', tone: 'good' },
  LOW_STOCK: { text: 'Only a few left', tone: 'wait' },
  OUT_OF_STOCK: { text: 'Out of stock', tone: 'bad' },
};

const PAYMENT_WORDS = {
  PENDING: 'Payment pending',
  AUTHORIZED: 'Card payment authorized',
  AWAITING_CARD_UPDATE: 'Card declined: another card is needed',
  AWAITING_TRANSFER: 'Waiting for your bank transfer',
  AMOUNT_MISMATCH: 'The transfer amount differs; finance is checking it',
  PAID: 'Payment received',
  CREDIT_REVIEW: 'Payment by invoice is being reviewed',
  INVOICE_APPROVED: 'Payment by invoice approved',
  COLLECT_ON_DELIVERY: 'Cash on delivery registered',
  CAPTURED: 'Payment taken',
  INVOICED: 'Invoice sent',
  OVERDUE: 'Invoice overdue',
  FAILED: 'Payment failed',
  REFUNDED: 'Money refunded',
  VOIDED: 'Card authorization released',
  NO_CHARGE: 'Nothing to pay',
  REFUND_DUE: 'Refund due: finance pays it out',
};

export function paymentWords(status) {
  return PAYMENT_WORDS[status] || humanize(status);
}

const COURIER_WORDS = {
  COLLECTED: 'Collected by the courier',
  IN_TRANSIT: 'In transit',
  OUT_FOR_DELIVERY: 'Out for delivery',
  DELIVERED: 'Delivered',
  DELIVERY_FAILED: 'Delivery attempt failed',
  DAMAGED: 'Reported damaged',
  RETURNED: 'Returned to the sender',
};

export function courierWords(type) {
  return COURIER_WORDS[type] || humanize(type);
}

const PARCEL_STATUS_WORDS = {
  PLANNED: 'Being prepared',
  BOOKED: 'Packed, courier booked',
  SHIPPED: 'With the courier',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
  RETURNED: 'Returned',
};

export function parcelStatusWords(status) {
  return PARCEL_STATUS_WORDS[status] || humanize(status);
}

/** One history milestone as a sentence: {title, detail}. */
export function milestoneWords(m) {
  const parcel = m.shipmentNo ? `Parcel ${m.shipmentNo}` : 'Parcel';
  const d = m.detail;
  switch (m.milestone) {
    case 'ORDER_PLACED': return { title: 'Order placed' };
    case 'ORDER_AWAITING_STOCK': return { title: 'Waiting for the goods to arrive' };
    case 'ORDER_STOCK_RESERVED': return { title: 'Goods reserved in the warehouse' };
    case 'ORDER_QUOTED': return { title: 'Shipping quote ready' };
    case 'ORDER_QUOTE_ACCEPTED': return { title: 'Quote confirmed' };
    case 'ORDER_PAYMENT_AUTHORIZED': return { title: 'Payment secured: the order goes to the warehouse' };
    case 'ORDER_ACKNOWLEDGED': return { title: 'Order confirmation sent by e-mail' };
    case 'ORDER_SHIPPED': return { title: 'Everything is on its way' };
    case 'ORDER_DELIVERED': return { title: 'Order delivered' };
    case 'ORDER_CANCELLED': return { title: 'Order cancelled', detail: d };
    case 'ORDER_EXPIRED': return { title: 'Quote expired: the order is closed' };
    case 'ORDER_CANCELLATION_REQUESTED': return { title: 'Cancellation requested', detail: d };
    case 'CANCELLATION_REQUESTED': return { title: `${parcel}: cancellation requested`, detail: d };
    case 'PARCEL_BOOKED': return { title: `${parcel} packed, courier booked`, detail: d && `Tracking number ${d}` };
    case 'PARCEL_HANDED_OVER': return { title: `${parcel} handed to the courier`, detail: d && `Tracking number ${d}` };
    case 'PARCEL_DELIVERED': return { title: `${parcel} delivered` };
    case 'PARCEL_CANCELLED': return { title: `${parcel} cancelled`, detail: d };
    case 'PARCEL_RETURNED': return { title: `${parcel} came back to the warehouse` };
    default:
      if (m.milestone?.startsWith('PAYMENT_')) return { title: paymentWords(m.milestone.slice(8)), detail: d };
      if (m.milestone?.startsWith('COURIER_')) {
        return { title: `${parcel}: ${courierWords(m.milestone.slice(8)).toLowerCase()}`, detail: d };
      }
      return { title: humanize(m.milestone), detail: d };
  }
}

/** The order needs the customer's answer about items no warehouse has. */
export function needsBackorderDecision(order) {
  return order?.status === 'STOCK_RESERVED' && !order.backorderDecision
    && (order.lines || []).some((l) => l.unavailableQuantity > 0);
}

/** The line the customer reads under "What is next". */
export function whatIsNext(order) {
  const pay = order.payment?.status;
  switch (order.status) {
    case 'PLACED': return 'We are reserving your goods in the nearest warehouse that has them.';
    case 'AWAITING_STOCK': return 'We are waiting for the goods to arrive; they are reserved for you as soon as they do.';
    case 'STOCK_RESERVED':
      return needsBackorderDecision(order)
        ? 'Some items are not available: tell us whether to ship the rest now or cancel.'
        : 'We are calculating the shipping cost of your parcels.';
    case 'QUOTED': return 'Confirm the shipping quote before it runs out; then we take the payment and pack your order.';
    case 'QUOTE_ACCEPTED':
      if (pay === 'AWAITING_CARD_UPDATE') return 'Your card was declined: choose another card below.';
      if (pay === 'AWAITING_TRANSFER') return 'Transfer the amount with the payment reference; we pack your order once it arrives.';
      if (pay === 'CREDIT_REVIEW') return 'Our finance team reviews the payment by invoice; you hear from us shortly.';
      return 'We are securing your payment.';
    case 'PAYMENT_AUTHORIZED': return 'The warehouse picks and packs your order, then the courier collects it.';
    case 'SHIPPED': return 'The courier brings your parcel to you.';
    case 'DELIVERED': return 'Nothing left to do. Not happy with something? You can return it.';
    case 'CANCELLED': return 'This order is cancelled; nothing more happens.';
    case 'EXPIRED': return 'The quote was not confirmed in time; the order is closed and nothing was charged.';
    default: return '';
  }
}

/** The stages of the progress bar, each reached when its milestone is in the history (or a later one is). */
export const STAGES = [
  { id: 'placed', label: 'Placed', milestones: ['ORDER_PLACED'] },
  { id: 'quoted', label: 'Quote', milestones: ['ORDER_QUOTED'] },
  { id: 'confirmed', label: 'Confirmed', milestones: ['ORDER_QUOTE_ACCEPTED'] },
  { id: 'paid', label: 'Paid', milestones: ['ORDER_PAYMENT_AUTHORIZED'] },
  { id: 'warehouse', label: 'In the warehouse', milestones: ['PARCEL_BOOKED'] },
  { id: 'shipped', label: 'Shipped', milestones: ['ORDER_SHIPPED', 'PARCEL_HANDED_OVER'] },
  { id: 'delivered', label: 'Delivered', milestones: ['ORDER_DELIVERED'] },
];

/**
 * The stages with {done, current, at}: done when the history has the stage's milestone or a later stage is done;
 * the first stage not done is current while the order is not final.
 */
export function stagesOf(order) {
  const first = {};
  for (const m of order.history || []) {
    if (!first[m.milestone]) first[m.milestone] = m.at;
  }
  const reached = STAGES.map((s) => s.milestones.map((id) => first[id]).find(Boolean) || null);
  let last = -1;
  reached.forEach((at, i) => { if (at) last = i; });
  const final = FINAL_STATUSES.includes(order.status);
  return STAGES.map((s, i) => ({
    ...s,
    at: reached[i],
    done: i <= last,
    current: !final && i === last + 1,
  }));
}

const WORK_TYPES = ['USER_TASK', 'SERVICE_TASK', 'SEND_TASK', 'RECEIVE_TASK', 'SCRIPT_TASK', 'BUSINESS_RULE_TASK',
  'MANUAL_TASK', 'TASK', 'CALL_ACTIVITY', 'INTERMEDIATE_CATCH_EVENT'];

/**
 * The process's active steps as the customer reads them: tasks by name, a waiting event as "waiting for …";
 * gateways, sub-process containers and nameless elements left out.
 */
export function nowSteps(order) {
  const seen = new Set();
  const out = [];
  for (const s of order.currentSteps || []) {
    if (!s.name || (s.type && !WORK_TYPES.includes(s.type))) continue;
    const text = s.type === 'INTERMEDIATE_CATCH_EVENT' ? `Waiting for: ${s.name.charAt(0).toLowerCase()}${s.name.slice(1)}` : s.name;
    if (!seen.has(text)) { seen.add(text); out.push(text); }
  }
  return out;
}

/** The languages the order e-mails are written in; the browser's language when it is one of them. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
  { code: 'pl', name: 'Polski' },
  { code: 'bg', name: 'Български' },
];

export function preferredLanguage() {
  const lang = (navigator.language || 'en').slice(0, 2).toLowerCase();
  return LANGUAGES.some((l) => l.code === lang) ? lang : 'en';
}
