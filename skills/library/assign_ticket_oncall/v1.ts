import type { Tools } from "knack:tools";

export const meta = { name: "assign_ticket_oncall", description: "Assign ticket <ticketId> to the on-call member of the <team> team." } as const;

export interface Input {
  ticketId: string;
  team: "billing" | "shipping" | "platform" | "accounts";
}

export interface Output {
  ticketId: string;
  assignee: string;
}

/** Assign ticket <ticketId> to the on-call member of the <team> team. (trace-compiled from assign-oncall-platform-T-1004, assign-oncall-billing-T-1002, assign-oncall-shipping-T-1007.) */
export default async function assignTicketOncall(input: Input, tools: Tools): Promise<Output> {
  // assign-oncall-platform-T-1004 step 1: team.list_members
  const members = await tools.team.list_members({ team: input.team });
  // assign-oncall-platform-T-1004 step 2: tickets.assign
  const oncallMember = members.members.find((member) => member.role === "oncall");
  if (!oncallMember) throw new Error(`No member with role "oncall" was found.`);
  const assign = await tools.tickets.assign({ ticketId: input.ticketId, assignee: oncallMember.handle });
  return { ticketId: input.ticketId, assignee: assign.assignee };
}
