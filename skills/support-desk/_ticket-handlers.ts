import { must, tick } from './_desk-clock.js';
import type { SentEmail, SupportDeskState, TicketComment, TicketRecord } from './support-desk-state.js';

type TicketStatus = TicketRecord['status'];

function findTicket(state: SupportDeskState, ticketId: string): TicketRecord {
  return must(
    state.tickets.find((ticket) => ticket.id === ticketId),
    `Ticket ${ticketId}`,
  );
}

function ticketSummary(state: SupportDeskState, ticket: TicketRecord): Record<string, unknown> {
  const customer = must(
    state.customers.find((candidate) => candidate.id === ticket.customerId),
    `Customer ${ticket.customerId}`,
  );
  const summary: Record<string, unknown> = {
    id: ticket.id,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    tags: [...ticket.tags],
    reporter: ticket.reporter,
  };
  if (ticket.assignee) summary['assignee'] = ticket.assignee;
  if (ticket.orderId) summary['orderId'] = ticket.orderId;
  summary['customer'] = { id: customer.id, name: customer.name, email: customer.email };
  return summary;
}

function searchArticles(state: SupportDeskState, query: string, limit: number): { results: unknown[] } {
  const words = query
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const scored = state.articles
    .map((article) => {
      const haystack = `${article.title} ${article.tags.join(' ')} ${article.body}`.toLowerCase();
      return { article, score: words.filter((word) => haystack.includes(word)).length };
    })
    .filter((entry) => entry.score > 0)
    // Stable order for equal scores keeps recorded results reproducible.
    .sort(
      (left, right) =>
        right.score - left.score || left.article.id.localeCompare(right.article.id, 'en', { numeric: true }),
    );
  return {
    results: scored
      .slice(0, limit)
      .map(({ article }) => ({ id: article.id, title: article.title, url: article.url })),
  };
}

function addComment(
  state: SupportDeskState,
  args: { ticketId: string; body: string; author?: string },
): TicketComment & { ticketId: string } {
  const ticket = findTicket(state, args.ticketId);
  const count = state.tickets.reduce((sum, candidate) => sum + candidate.comments.length, 0);
  const comment: TicketComment = {
    id: `CM-${9001 + count}`,
    author: args.author ?? 'desk-bot',
    body: args.body,
    createdAt: tick(state),
  };
  ticket.comments.push(comment);
  return { ...comment, ticketId: ticket.id };
}

function updateTicket(
  state: SupportDeskState,
  args: { ticketId: string; status?: TicketStatus; priority?: TicketRecord['priority']; addTags?: string[] },
): Record<string, unknown> {
  const ticket = findTicket(state, args.ticketId);
  if (args.status) ticket.status = args.status;
  if (args.priority) ticket.priority = args.priority;
  for (const tag of args.addTags ?? []) if (!ticket.tags.includes(tag)) ticket.tags.push(tag);
  tick(state);
  return ticketSummary(state, ticket);
}

/** Handlers for tickets, teams, the knowledge base and email, keyed by tool name. */
export function createTicketHandlers(state: SupportDeskState): Record<string, (args: never) => unknown> {
  return {
    'tickets.get': (args: { id: string }) => {
      const ticket = findTicket(state, args.id);
      return {
        ...ticketSummary(state, ticket),
        comments: ticket.comments.map((comment) => ({ ...comment })),
      };
    },
    'tickets.list': (args: { status?: TicketStatus; tag?: string }) => ({
      tickets: state.tickets
        .filter(
          (ticket) =>
            (!args.status || ticket.status === args.status) && (!args.tag || ticket.tags.includes(args.tag)),
        )
        .map((ticket) => ticketSummary(state, ticket)),
    }),
    'tickets.comment': (args: { ticketId: string; body: string; author?: string }) => addComment(state, args),
    'tickets.assign': (args: { ticketId: string; assignee: string }) => {
      const ticket = findTicket(state, args.ticketId);
      must(
        state.members.find((member) => member.handle === args.assignee),
        `Team member @${args.assignee}`,
      );
      ticket.assignee = args.assignee;
      tick(state);
      return { ticketId: ticket.id, assignee: ticket.assignee, status: ticket.status };
    },
    'tickets.update': (args: {
      ticketId: string;
      status?: TicketStatus;
      priority?: TicketRecord['priority'];
      addTags?: string[];
    }) => updateTicket(state, args),
    'team.list_members': (args: { team: string }) => ({
      team: args.team,
      members: state.members
        .filter((member) => member.team === args.team)
        .map(({ handle, name, email, role }) => ({ handle, name, email, role })),
    }),
    'kb.search': (args: { query: string; limit?: number }) =>
      searchArticles(state, args.query, args.limit ?? 3),
    'kb.get_article': (args: { id: string }) => ({
      ...structuredClone(
        must(
          state.articles.find((article) => article.id === args.id),
          `Article ${args.id}`,
        ),
      ),
    }),
    send_email: (args: { to: string; subject: string; body: string }) => {
      const email: SentEmail = { id: `E-${3001 + state.outbox.length}`, ...args, sentAt: tick(state) };
      state.outbox.push(email);
      return { id: email.id, to: email.to, subject: email.subject, status: 'sent', sentAt: email.sentAt };
    },
  };
}
