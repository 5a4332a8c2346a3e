import {call, idempotencyKey, screen} from '../api.js';
import {date, h, money, route} from '../dom.js';
import {field} from './auth.js';
import {priceLine} from './title.js';

/** The payment sandbox's test cards: what a real provider's card form would hand back as a token. */
const CARDS = [
  ['tok_visa', 'Visa ending 4242 (succeeds)'],
  ['tok_delayed', 'Visa ending 0077 (succeeds after a few seconds)'],
  ['tok_chargeDeclined', 'Visa ending 0002 (declined)'],
];
const POLL_MS = 500;
const POLL_LIMIT_MS = 60_000;

/** Subscribe: a plan, an optional promo code, a sandbox card; a quote first, then the checkout, then its outcome. */
export async function subscribeView({params, stale}) {
  const titleId = /^\d{1,15}$/.test(params.get('title') || '') ? params.get('title') : null;
  // The plans and their prices come with the title screen the viewer came from.
  const context = titleId ? await screen('titles/' + titleId) : null;
  const plans = context?.plans || [];
  const wanted = params.get('plan');
  const plan = h('select', {id: 'plan', name: 'plan'}, plans.map((p) => h('option', {value: p.plan_id, selected: p.plan_id === wanted},
    (p.name || p.plan_id) + ' — ' + priceLine(p))));
  if (!plans.length) plan.append(h('option', {value: wanted || ''}, wanted || 'No plans available'));
  const promo = h('input', {id: 'promo', name: 'promo', maxlength: 32, autocomplete: 'off', spellcheck: 'false', pattern: '[A-Za-z0-9_\\-]*'});
  const cardSelect = h('select', {id: 'card', name: 'card'}, CARDS.map(([token, label]) => h('option', {value: token}, label)));
  const quoteBox = h('div', {id: 'quote', role: 'status'});
  const result = h('div', {id: 'checkout-result', role: 'status'});
  const quoteButton = h('button', {type: 'submit', id: 'get-quote'}, 'See the price');
  const pay = h('button', {type: 'button', id: 'pay', hidden: true}, 'Pay');
  let quote = null;
  let key = null;

  const form = h('form', {class: 'panel narrow'},
    h('h1', {}, 'Subscribe'),
    context ? h('p', {}, 'To watch ', h('a', {href: route('/title/' + titleId)}, context.title.title), ' and everything else.') : null,
    field('Plan', plan),
    field('Promo code (optional)', promo),
    field('Card (payment sandbox)', cardSelect, 'Test cards of the local payment sandbox: nothing is charged.'),
    quoteButton, quoteBox, pay, result);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    quoteButton.disabled = true;
    quoteBox.replaceChildren();
    result.replaceChildren();
    pay.hidden = true;
    try {
      const code = promo.value.trim();
      quote = await call('/api/v1/quotes', {method: 'POST', body: code ? {plan_id: plan.value, promo_code: code} : {plan_id: plan.value}});
      key = idempotencyKey(); // one checkout per quote, however often Pay is pressed or retried
      quoteBox.append(h('dl', {class: 'quote'},
        h('dt', {}, 'Price'), h('dd', {}, money(quote.list_price, quote.currency)),
        (quote.discounts || []).flatMap((discount) => [h('dt', {}, discount.code ? 'Code ' + discount.code : discount.kind),
          h('dd', {}, '−' + money(discount.amount, quote.currency))]),
        h('dt', {}, 'To pay'), h('dd', {id: 'final-price'}, money(quote.final_price, quote.currency))));
      pay.textContent = 'Pay ' + money(quote.final_price, quote.currency);
      pay.hidden = false;
    } catch (error) {
      quoteBox.append(h('p', {class: 'error'}, error.message));
    } finally {
      quoteButton.disabled = false;
    }
  });

  pay.addEventListener('click', async () => {
    pay.disabled = true;
    quoteButton.disabled = true;
    result.replaceChildren(h('p', {}, 'Paying…'));
    try {
      const started = await call('/api/v1/checkouts', {method: 'POST', idempotencyKey: key,
        body: {quote_id: quote.quote_id, payment_token: cardSelect.value}});
      const outcome = await until(() => call('/api/v1/checkouts/' + Number(started.checkout_id)), (checkout) => checkout.status !== 'pending', stale);
      if (outcome.status !== 'succeeded') {
        result.replaceChildren(h('p', {class: 'error', id: 'payment-failed'}, 'The payment did not go through: ' + (outcome.reason || outcome.reason_code || outcome.status) + '.'));
        pay.disabled = false;
        quoteButton.disabled = false;
        return;
      }
      result.replaceChildren(h('p', {}, 'Paid. Starting your plan…'));
      const entitlement = await until(() => call('/api/v1/entitlements/me'), (e) => e.active, stale);
      result.replaceChildren(h('p', {class: 'ok', id: 'subscribed'}, 'Your plan ', h('strong', {}, entitlement.plan_id),
        ' is active', entitlement.until ? ' until ' + date(entitlement.until) : '', '. '),
        titleId ? h('a', {class: 'button', id: 'watch-now', href: route('/title/' + titleId)}, 'Watch now') : h('a', {class: 'button', href: '#/'}, 'Home'));
    } catch (error) {
      result.replaceChildren(h('p', {class: 'error'}, error.message));
      pay.disabled = false;
      quoteButton.disabled = false;
    }
  });
  return form;
}

async function until(fetchOnce, done, stale) {
  const deadline = Date.now() + POLL_LIMIT_MS;
  for (;;) {
    const answer = await fetchOnce();
    if (done(answer)) return answer;
    if (stale() || Date.now() > deadline) throw new Error('this is taking longer than it should: check your account page in a minute');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
