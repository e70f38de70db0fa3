/**
 * Inputs no trajectory uses, by trajectory id prefix (the task shape): compiled skills must
 * generalize to them on the live desk. See README.md, "Inputs no trajectory uses".
 */
export const heldOutInputs: Readonly<Record<string, readonly Record<string, unknown>[]>> = {
  'refund-damaged': [{ orderId: '8811' }, { orderId: '8821' }],
  'order-status': [{ orderId: '8820' }, { orderId: '8811' }],
  'check-stock': [{ orderId: '8824' }, { orderId: '8818' }],
  'processing-orders': [{ email: 'alan@example.com' }, { email: 'barbara@example.com' }],
  'assign-oncall': [{ team: 'accounts', ticketId: 'T-1010' }],
  'thank-reporter': [{ ticketId: 'T-1010' }, { ticketId: 'T-1011' }, { ticketId: 'T-1012' }],
  'notify-open': [{ tag: 'billing' }, { tag: 'shipping' }],
  'kb-answer': [{ ticketId: 'T-1012', query: 'track your parcel' }],
};

/** The held-out inputs of a skill compiled from `trajectoryIds`, or none. */
export function heldOutInputsFor(trajectoryIds: readonly string[]): readonly Record<string, unknown>[] {
  const prefix = Object.keys(heldOutInputs).find((shape) => trajectoryIds.some((id) => id.startsWith(shape)));
  return prefix ? (heldOutInputs[prefix] ?? []) : [];
}
