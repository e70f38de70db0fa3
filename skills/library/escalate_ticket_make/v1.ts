import type { Tools } from "knack:tools";

export const meta = { name: "escalate_ticket_make", description: "Escalate ticket <ticketId>: make it <priority>, tag it <addTags> and assign it to the <team> team <memberRole>." } as const;

export interface Input {
  ticketId: string;
  priority: "low" | "normal" | "high" | "urgent";
  addTags: string;
  team: "billing" | "shipping" | "platform" | "accounts";
  memberRole: string;
}

export interface Output {
  ticketId: string;
  assignee: string;
  priority: string;
}

/** Escalate ticket <ticketId>: make it <priority>, tag it <addTags> and assign it to the <team> team <memberRole>. (trace-compiled from escalate-T-1005.) */
export default async function escalateTicketMake(input: Input, tools: Tools): Promise<Output> {
  // escalate-T-1005 step 1: tickets.update
  await tools.tickets.update({ ticketId: input.ticketId, priority: input.priority, addTags: [input.addTags] });
  // escalate-T-1005 step 2: team.list_members
  const members = await tools.team.list_members({ team: input.team });
  // escalate-T-1005 step 3: tickets.assign
  const foundMember = members.members.find((member) => member.role === input.memberRole);
  if (!foundMember) throw new Error(`No member with role ${JSON.stringify(input.memberRole)} was found.`);
  const assign = await tools.tickets.assign({ ticketId: input.ticketId, assignee: foundMember.handle });
  return { ticketId: input.ticketId, assignee: assign.assignee, priority: input.priority };
}
