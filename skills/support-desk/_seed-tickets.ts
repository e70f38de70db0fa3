import type { Article, TeamMember, TicketRecord } from './support-desk-state.js';

function ticket(
  id: string,
  subject: string,
  customerId: string,
  reporter: string,
  fields: Partial<Pick<TicketRecord, 'status' | 'priority' | 'tags' | 'orderId'>>,
): TicketRecord {
  return {
    id,
    subject,
    customerId,
    reporter,
    status: 'open',
    priority: 'normal',
    tags: [],
    comments: [],
    ...fields,
  };
}

/** The seeded tickets. */
export const tickets: TicketRecord[] = [
  ticket('T-1001', 'Refund not received', 'C-103', 'alan', { tags: ['billing'], orderId: '8813' }),
  ticket('T-1002', 'Charged twice for order 8816', 'C-104', 'katherine', {
    tags: ['billing'],
    priority: 'high',
    orderId: '8816',
  }),
  ticket('T-1003', 'Crash on save', 'C-105', 'lee', { tags: ['app', 'bug'] }),
  ticket('T-1004', 'Cannot log in after update', 'C-106', 'margaret', {
    tags: ['app', 'outage'],
    priority: 'high',
  }),
  ticket('T-1005', 'Sync stuck at 99%', 'C-107', 'edsger', { tags: ['app', 'outage'] }),
  ticket('T-1006', 'Export to CSV drops accents', 'C-108', 'barbara', {
    tags: ['app', 'bug'],
    status: 'pending',
  }),
  ticket('T-1007', 'Parcel marked delivered but not here', 'C-101', 'ada', {
    tags: ['shipping'],
    orderId: '8811',
  }),
  ticket('T-1008', 'Dashboard shows a blank page', 'C-102', 'grace', {
    tags: ['app', 'outage'],
    priority: 'urgent',
  }),
  ticket('T-1009', 'Wrong size delivered', 'C-103', 'alan', { tags: ['shipping'], status: 'solved' }),
  ticket('T-1010', 'Where is my invoice?', 'C-104', 'katherine', { tags: ['billing'], priority: 'low' }),
  ticket('T-1011', 'App freezes on export', 'C-101', 'ada', { tags: ['app', 'bug'] }),
  ticket('T-1012', 'Lost package', 'C-106', 'margaret', { tags: ['shipping'], orderId: '8817' }),
  ticket('T-1013', 'Tracking shows an exception', 'C-108', 'barbara', {
    tags: ['shipping'],
    orderId: '8818',
  }),
];

function member(team: string, handle: string, name: string, role: TeamMember['role']): TeamMember {
  return { handle, name, email: `${handle}@desk.example.com`, team, role };
}

// The on-call member sits at a different position in every team (2, 0, 1, 3).
/** The members of the four support teams. */
export const members: TeamMember[] = [
  member('billing', 'nora', 'Nora Quinn', 'lead'),
  member('billing', 'omar', 'Omar Haddad', 'billing-specialist'),
  member('billing', 'priya', 'Priya Raman', 'oncall'),
  member('shipping', 'sam', 'Sam Okafor', 'oncall'),
  member('shipping', 'tess', 'Tess Moreau', 'agent'),
  member('shipping', 'uma', 'Uma Castillo', 'lead'),
  member('platform', 'vik', 'Vik Lindqvist', 'agent'),
  member('platform', 'wen', 'Wen Zhao', 'oncall'),
  member('platform', 'xavi', 'Xavi Ferrer', 'lead'),
  member('platform', 'yara', 'Yara Nasser', 'agent'),
  member('accounts', 'zoe', 'Zoe Adams', 'agent'),
  member('accounts', 'abe', 'Abe Kowalski', 'lead'),
  member('accounts', 'bea', 'Bea Santos', 'agent'),
  member('accounts', 'cal', 'Cal Moreno', 'oncall'),
];

const kb = (id: string, title: string, tags: string[], body: string): Article => ({
  id,
  title,
  tags,
  body,
  url: `https://help.example.com/kb/${id}`,
});

/** The knowledge-base articles. */
export const articles: Article[] = [
  kb(
    'KB-1',
    'Return policy',
    ['returns'],
    'Items can be returned within 30 days of delivery for a full refund.',
  ),
  kb(
    'KB-2',
    'How to track your parcel',
    ['shipping'],
    'Use the tracking number from your shipping email on the carrier site.',
  ),
  kb(
    'KB-3',
    'Refund timelines',
    ['billing', 'refund'],
    'Refunds reach your card within 5 to 10 business days.',
  ),
  kb(
    'KB-4',
    'Resetting your password',
    ['account'],
    'Use "Forgot password" on the sign-in page to get a reset link.',
  ),
  kb(
    'KB-5',
    'Exporting data to CSV',
    ['app', 'export'],
    'Exports are UTF-8 encoded; open them with the import wizard.',
  ),
  kb(
    'KB-6',
    'Known issue: sign-in after the 4.2 update',
    ['app', 'outage'],
    'Clear the app cache, then sign in again.',
  ),
  kb(
    'KB-7',
    'Damaged items',
    ['returns', 'refund'],
    'Send a photo of the damage; we refund damaged items in full.',
  ),
];
