import type { Scenario } from './_scenario-runner.js';

interface Member {
  handle: string;
  role: string;
}
interface TicketSummary {
  id: string;
  subject: string;
  reporter: string;
  customer: { name: string; email: string };
}
interface Comment {
  id: string;
}
interface Assignment {
  ticketId: string;
  assignee: string;
}

function assignOncall(ticketId: string, team: string, withInput: boolean): Scenario {
  return {
    id: `assign-oncall-${team}-${ticketId}`,
    task: `Assign ticket ${ticketId} to the on-call member of the ${team} team.`,
    ...(withInput ? { input: { ticketId, team } } : {}),
    exercises: 'find-by-property: the member with role "oncall" sits at a different position in each sibling',
    run(agent) {
      const { members } = agent.call<{ members: Member[] }>('team.list_members', { team });
      const oncall = members.find((member) => member.role === 'oncall');
      const assigned = agent.call<Assignment>('tickets.assign', { ticketId, assignee: oncall?.handle });
      return { answer: { ticketId: assigned.ticketId, assignee: assigned.assignee } };
    },
  };
}

function thankReporter(ticketId: string, withInput: boolean): Scenario {
  return {
    id: `thank-reporter-${ticketId}`,
    task: `Thank the reporter of ticket ${ticketId} in a comment.`,
    ...(withInput ? { input: { ticketId } } : {}),
    exercises:
      'template string built from earlier values (Thanks @lee for reporting "Crash on save"!); answer is the last result',
    anthropicResults: 'blocks',
    run(agent) {
      const ticket = agent.call<TicketSummary>('tickets.get', { id: ticketId }, 'Looking up the ticket.');
      const comment = agent.call('tickets.comment', {
        ticketId: ticket.id,
        body: `Thanks @${ticket.reporter} for reporting "${ticket.subject}"!`,
      });
      return { answer: comment };
    },
  };
}

function notifyTag(tag: string, isParallel: boolean): Scenario {
  return {
    id: `notify-open-${tag}-tickets`,
    task: `Email every customer with an open ${tag} ticket that we are working on it.`,
    exercises: `loop: one send_email per ticket of tickets.list (${isParallel ? 'parallel tool calls in one turn' : 'one call per turn'}); template subject and body`,
    run(agent) {
      const { tickets } = agent.call<{ tickets: TicketSummary[] }>('tickets.list', { status: 'open', tag });
      const emails = tickets.map((ticket): [string, Record<string, unknown>] => [
        'send_email',
        {
          to: ticket.customer.email,
          subject: `Update on "${ticket.subject}"`,
          body: `Hi ${ticket.customer.name}, our team is working on ticket ${ticket.id}. We will write again once it is fixed.`,
        },
      ]);
      if (isParallel) agent.callAll(emails, `Emailing ${tickets.length} customers.`);
      else for (const [tool, args] of emails) agent.call(tool, args);
      return { answer: { notified: tickets.map((ticket) => ticket.customer.email) } };
    },
  };
}

function answerWithArticle(ticketId: string, topic: string): Scenario {
  return {
    id: `kb-answer-${ticketId}`,
    task: `Answer ticket ${ticketId} with our knowledge-base article on ${topic}.`,
    exercises: 'first search result (kb.search results[0]) flows into a template comment; structured answer',
    run(agent) {
      const ticket = agent.call<TicketSummary>('tickets.get', { id: ticketId });
      const { results } = agent.call<{ results: { id: string; title: string; url: string }[] }>('kb.search', {
        query: topic,
      });
      const article = results[0];
      const comment = agent.call<Comment>('tickets.comment', {
        ticketId: ticket.id,
        body: `Hi ${ticket.customer.name}, this article should help: "${article?.title}" ${article?.url}`,
      });
      return { answer: { articleId: article?.id, commentId: comment.id } };
    },
  };
}

const escalate: Scenario = {
  id: 'escalate-T-1005',
  task: 'Escalate ticket T-1005: make it urgent, tag it escalated and assign it to the platform team lead.',
  exercises: 'find-by-property (role "lead"); array argument; answer mixes results of two tools',
  anthropicResults: 'mixed',
  run(agent) {
    const updated = agent.call<{ priority: string }>('tickets.update', {
      ticketId: 'T-1005',
      priority: 'urgent',
      addTags: ['escalated'],
    });
    const { members } = agent.call<{ members: Member[] }>('team.list_members', { team: 'platform' });
    const lead = members.find((member) => member.role === 'lead');
    const assigned = agent.call<Assignment>('tickets.assign', { ticketId: 'T-1005', assignee: lead?.handle });
    return {
      answer: { ticketId: assigned.ticketId, assignee: assigned.assignee, priority: updated.priority },
    };
  },
};

/** Scripted runs about tickets, teams, the knowledge base and email. */
export const ticketScenarios: Scenario[] = [
  assignOncall('T-1002', 'billing', false),
  assignOncall('T-1007', 'shipping', false),
  assignOncall('T-1004', 'platform', true),
  thankReporter('T-1003', false),
  thankReporter('T-1006', true),
  notifyTag('outage', true),
  notifyTag('bug', false),
  answerWithArticle('T-1001', 'refund timelines'),
  answerWithArticle('T-1004', 'sign-in after the update'),
  escalate,
];
