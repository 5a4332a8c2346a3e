import {call, screen} from '../api.js';
import {date, degradedNote, h, money} from '../dom.js';

export async function accountView() {
  const account = await screen('account');
  const {user, subscription} = account;
  return h('div', {class: 'account'},
    h('h1', {}, 'Your account'),
    degradedNote(account.degraded),
    h('section', {'aria-labelledby': 'user-heading', class: 'panel'},
      h('h2', {id: 'user-heading'}, user.username || 'You'),
      h('dl', {},
        h('dt', {}, 'Email'), h('dd', {}, user.email, user.email_verified ? '' : ' (not verified yet)'),
        h('dt', {}, 'Roles'), h('dd', {}, (user.roles || []).join(', ')))),
    subscriptionPanel(subscription),
    receiptsPanel(account.receipts || []),
    account.loyalty ? h('section', {'aria-labelledby': 'loyalty-heading', class: 'panel', id: 'loyalty'},
      h('h2', {id: 'loyalty-heading'}, 'Loyalty points'),
      h('p', {}, String(account.loyalty.balance), ' points')) : null,
    h('section', {'aria-labelledby': 'profiles-heading', class: 'panel'},
      h('h2', {id: 'profiles-heading'}, 'Profiles'),
      (account.profiles || []).length ? h('ul', {id: 'profiles'}, account.profiles.map((profile) => h('li', {},
        profile.name, profile.kids ? ' (kids)' : '', ' · up to ', String(profile.max_age_rating), '+'))) : h('p', {class: 'muted'}, 'No profiles yet.')),
    preferencesPanel(account.notification_preferences));
}

function subscriptionPanel(subscription) {
  const panel = h('section', {'aria-labelledby': 'plan-heading', class: 'panel', id: 'account-subscription'}, h('h2', {id: 'plan-heading'}, 'Plan'));
  if (!subscription) {
    panel.append(h('p', {}, 'No plan yet. '), h('a', {href: '#/browse'}, 'Find something to watch'));
    return panel;
  }
  const status = h('dd', {id: 'plan-status'}, subscription.status + (subscription.cancel_at_period_end ? ' (ends at the period’s end)' : ''));
  panel.append(h('dl', {},
    h('dt', {}, 'Plan'), h('dd', {id: 'plan-id'}, subscription.plan_id),
    h('dt', {}, 'Status'), status,
    subscription.period_end ? [h('dt', {}, subscription.cancel_at_period_end ? 'Ends' : 'Renews'), h('dd', {}, date(subscription.period_end))] : null,
    Number.isInteger(subscription.amount_minor) ? [h('dt', {}, 'Renewal price'), h('dd', {}, money(subscription.amount_minor, subscription.currency) + ' a ' + subscription.period)] : null));
  if (subscription.status === 'active' && !subscription.cancel_at_period_end) {
    const cancel = h('button', {type: 'button', id: 'cancel-plan', class: 'secondary'}, 'Cancel at the end of the period');
    cancel.addEventListener('click', async () => {
      if (!window.confirm('Cancel your plan at the end of the period?')) return;
      cancel.disabled = true;
      try {
        await call('/api/v1/subscriptions/me/cancel', {method: 'POST'});
        status.textContent = 'active (ends at the period’s end)';
        cancel.remove();
      } catch (error) {
        cancel.disabled = false;
        cancel.textContent = error.message;
      }
    });
    panel.append(cancel);
  }
  return panel;
}

function receiptsPanel(receipts) {
  return h('section', {'aria-labelledby': 'receipts-heading', class: 'panel'},
    h('h2', {id: 'receipts-heading'}, 'Receipts'),
    receipts.length ? h('table', {id: 'receipts'},
      h('thead', {}, h('tr', {}, ['Date', 'Plan', 'Amount', 'Status'].map((name) => h('th', {scope: 'col'}, name)))),
      h('tbody', {}, receipts.map((receipt) => h('tr', {dataset: {paymentId: String(receipt.payment_id)}},
        h('td', {}, date(receipt.created_at)),
        h('td', {}, receipt.plan_id || ''),
        h('td', {}, money(receipt.amount_minor, receipt.currency), receipt.refunded_minor ? ' (' + money(receipt.refunded_minor, receipt.currency) + ' refunded)' : ''),
        h('td', {}, receipt.status))))) : h('p', {class: 'muted'}, 'No payments yet.'));
}

function preferencesPanel(preferences) {
  if (!preferences || typeof preferences !== 'object') return null;
  const rows = Object.entries(preferences).filter(([, value]) => ['boolean', 'string', 'number'].includes(typeof value));
  if (!rows.length) return null;
  return h('section', {'aria-labelledby': 'notifications-heading', class: 'panel'},
    h('h2', {id: 'notifications-heading'}, 'Notifications'),
    h('dl', {}, rows.map(([key, value]) => [h('dt', {}, key.replaceAll('_', ' ')), h('dd', {}, typeof value === 'boolean' ? (value ? 'on' : 'off') : String(value))])));
}
