import type { Tools } from "knack:tools";

export const meta = { name: "thank_reporter_ticket", description: "Thank the reporter of ticket <ticketId> in a comment." } as const;

export interface Input {
  ticketId: string;
}

export type Output = Awaited<ReturnType<Tools["tickets"]["comment"]>>;

/** Thank the reporter of ticket <ticketId> in a comment. (trace-compiled from thank-reporter-T-1006, thank-reporter-T-1003.) */
export default async function thankReporterTicket(input: Input, tools: Tools): Promise<Output> {
  // thank-reporter-T-1006 step 1: tickets.get
  const ticket = await tools.tickets.get({ id: input.ticketId });
  // thank-reporter-T-1006 step 2: tickets.comment
  const comment = await tools.tickets.comment({
    ticketId: input.ticketId,
    body: `Thanks @${ticket.reporter} for reporting "${ticket.subject}"!`,
  });
  return comment;
}
