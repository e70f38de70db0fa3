import type { Tools } from "knack:tools";

export const meta = { name: "email_customer_open", description: "Email every customer with an open <tag> ticket that we are working on it." } as const;

export interface Input {
  tag: string;
}

export interface Output {
  notified: string[];
}

/** Email every customer with an open <tag> ticket that we are working on it. (trace-compiled from notify-open-outage-tickets, notify-open-bug-tickets.) */
export default async function emailCustomerOpen(input: Input, tools: Tools): Promise<Output> {
  // notify-open-outage-tickets step 1: tickets.list
  const ticketList = await tools.tickets.list({ status: "open", tag: input.tag });
  // notify-open-outage-tickets steps 2-4: send_email for each element
  const emails: Awaited<ReturnType<Tools["send_email"]>>[] = [];
  for (const ticket of ticketList.tickets) {
    emails.push(await tools.send_email({
      to: ticket.customer.email,
      subject: `Update on "${ticket.subject}"`,
      body: `Hi ${ticket.customer.name}, our team is working on ticket ${ticket.id}. We will write again once it is fixed.`,
    }));
  }
  return { notified: emails.map((email) => email.to) };
}
